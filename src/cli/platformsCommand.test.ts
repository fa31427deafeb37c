import { describe, expect, it } from 'vitest';
import { runCli } from './testScenarios';

const CONTRACT_IDS = [
  'a9-sabre',
  'a57-tx1',
  'a53-pi3',
  'haswell-i7',
  'skylake-i7',
  'xeon-2s',
  'epyc-2s',
  'altra-80',
  'u54-hifive',
];

describe('ipcscope platforms', () => {
  it('--json lists every contract platform id with its figures', async () => {
    const r = await runCli(['platforms', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as {
      id: string;
      isa: string;
      clockMHz: number;
      sources: string;
    }[];
    expect(list.map((p) => p.id)).toEqual(expect.arrayContaining(CONTRACT_IDS));
    for (const p of list) {
      expect(p.clockMHz).toBeGreaterThan(0);
      expect(p.sources.length).toBeGreaterThan(0);
    }
  });

  it('prints a table row and a sources line per platform', async () => {
    const r = await runCli(['platforms']);
    expect(r.code).toBe(0);
    for (const id of CONTRACT_IDS) {
      expect(r.stdout).toMatch(new RegExp(`^${id}\\s`, 'm'));
      expect(r.stdout).toMatch(new RegExp(`^  ${id}: `, 'm'));
    }
    expect(r.stdout).toMatch(/^epyc-2s .* 2 sockets x 4 clusters x 8 .* 69\/300\/591 /m);
  });
});
