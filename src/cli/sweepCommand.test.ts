import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SweepRow } from './sweepRows';
import { runCli, writeScenarios } from './testScenarios';

let dir = '';
beforeAll(() => {
  dir = writeScenarios();
});

describe('ipcscope sweep', () => {
  it('writes a CSV header and one row per point of the cartesian product', async () => {
    const csv = join(dir, 'sweep.csv');
    const r = await runCli(
      [
        'sweep',
        'crossCore.ts',
        '--cores',
        '2,3',
        '--platform',
        'a9-sabre,xeon-2s',
        '--kernel',
        'smp,multikernel',
        '--param',
        'calls=1,4',
        '--csv',
        csv,
      ],
      dir,
    );
    expect(r.code).toBe(0);
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
    const header = lines[0]!.split(',');
    expect(header).toEqual([
      'platform',
      'cores',
      'kernel',
      'mcs',
      'seed',
      'calls',
      'cycles',
      'stopReason',
      'syscalls',
      'fastpath',
      'slowpath',
      'messages',
      'ipcPerSecond',
      'cyclesPerIpc',
      'migrations',
      'migrationCycles',
      'migrationCyclesPerEntry',
      'lockContended',
      'spinCycles',
      'ipis',
      'traceHash',
      'error',
    ]);
    expect(lines).toHaveLength(1 + 2 * 2 * 2 * 2);
    const col = (name: string): number => header.indexOf(name);
    const points = lines.slice(1).map((l) => l.split(','));
    expect(
      new Set(
        points.map((p) =>
          [p[col('platform')], p[col('cores')], p[col('kernel')], p[col('calls')]].join(' '),
        ),
      ).size,
    ).toBe(16);
    for (const p of points) {
      expect(p[col('stopReason')]).toBe('idle');
      expect(p[col('traceHash')]).toMatch(/^[0-9a-f]{16}$/);
      // Under one SMP image the client reaches the server on the other core.
      if (p[col('kernel')] === 'smp') {
        expect(Number(p[col('messages')])).toBe(2 * Number(p[col('calls')]));
      }
    }
    // The readable table goes to stdout at the same time.
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(2 + 16);
  });

  it('--json prints an array of rows with config columns and derived rates', async () => {
    const r = await runCli(['sweep', 'crossCore.ts', '--cores', '2,4', '--json'], dir);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as SweepRow[];
    expect(rows.map((x) => x.cores)).toEqual([2, 4]);
    for (const row of rows) {
      expect(row).toMatchObject({
        platform: 'a9-sabre',
        kernel: 'smp',
        mcs: false,
        seed: 1,
        params: { calls: 4 },
        stopReason: 'idle',
        error: null,
      });
      expect(row.ipcPerSecond).toBeCloseTo(row.messages! / (row.cycles! / 1e9), 6);
      expect(row.cyclesPerIpc).toBeGreaterThan(0);
      expect(row.traceHash).toMatch(/^[0-9a-f]{16}$/);
    }
  });

  it('a point whose setup throws becomes an error row; the sweep finishes and exits 1', async () => {
    const r = await runCli(['sweep', 'setupThrows.ts', '--cores', '1,2', '--json'], dir);
    expect(r.code).toBe(1);
    const rows = JSON.parse(r.stdout) as SweepRow[];
    expect(rows.map((x) => x.stopReason)).toEqual(['error', 'idle']);
    expect(rows[0]!.error).toMatch(/core 1 does not exist/);
    expect(r.stderr).toMatch(/cores=1.*setupThrows\.ts:7:\d+: process 'p'/);
  });

  it('a scenario that cannot load stops the sweep with exit 1', async () => {
    const r = await runCli(['sweep', 'syntax.ts', '--cores', '1,2'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^syntax\.ts:6:\d+: syntax error/);
  });
});
