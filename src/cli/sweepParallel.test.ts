import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryIo } from './io';
import { main } from './main';
import { progressLine } from './progress';
import { runCli, writeScenarios } from './testScenarios';

let dir = '';
beforeAll(() => {
  dir = writeScenarios();
});

const GRID = ['--cores', '2,3,4', '--platform', 'a9-sabre,xeon-2s', '--kernel', 'smp,multikernel'];

describe('ipcscope sweep --jobs', () => {
  it('prints byte for byte the same table, JSON and CSV on 2 threads as on 1, in point order', async () => {
    for (const out of [[], ['--json']]) {
      const one = await runCli(['sweep', 'crossCore.ts', ...GRID, ...out, '--jobs', '1'], dir);
      const two = await runCli(['sweep', 'crossCore.ts', ...GRID, ...out, '--jobs', '2'], dir);
      expect(one.code).toBe(0);
      expect(two).toEqual(one);
    }
    const rows = JSON.parse(
      (await runCli(['sweep', 'crossCore.ts', ...GRID, '--json', '--jobs', '2'], dir)).stdout,
    ) as { platform: string; kernel: string; cores: number }[];
    expect(rows.map((r) => `${r.platform} ${r.kernel} ${r.cores}`).slice(0, 4)).toEqual([
      'a9-sabre smp 2',
      'a9-sabre smp 3',
      'a9-sabre smp 4',
      'a9-sabre multikernel 2',
    ]);
  });

  it('reports failing points on stderr in point order, as one thread does', async () => {
    const args = ['sweep', 'setupThrows.ts', '--cores', '1,2,3'];
    const one = await runCli([...args, '--jobs', '1'], dir);
    const two = await runCli([...args, '--jobs', '2'], dir);
    expect(one.code).toBe(1);
    expect(two).toEqual(one);
  });

  it('rejects a bad --jobs with a usage error', async () => {
    const r = await runCli(['sweep', 'crossCore.ts', '--cores', '1', '--jobs', '0'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("option '--jobs' must be from 1 to 1024, got 0");
  });

  it('shows progress on stderr only when stderr is a terminal', async () => {
    const tty = Object.assign(createMemoryIo(dir), { errIsTTY: true });
    const piped = createMemoryIo(dir);
    for (const io of [tty, piped]) {
      expect(await main(['sweep', 'crossCore.ts', '--cores', '2,3,4', '--jobs', '2'], io)).toBe(0);
    }
    expect(tty.stderr).toContain('sweep: 3/3 points');
    expect(tty.stderr.endsWith('\r\x1b[K')).toBe(true);
    expect(piped.stderr).toBe('');
    expect(tty.stdout).toBe(piped.stdout);
  });

  it('progress says points done, time elapsed and an estimate of the time left', () => {
    expect(progressLine(0, 8, 400)).toBe('sweep: 0/8 points, 0:00 elapsed');
    expect(progressLine(2, 8, 30_000)).toBe('sweep: 2/8 points, 0:30 elapsed, ~1:30 left');
    expect(progressLine(8, 9, 3_600_000)).toBe('sweep: 8/9 points, 1:00:00 elapsed, ~7:30 left');
  });
});

describe('ipcscope sweep --shard and merge', () => {
  async function shards(args: string[], n: number): Promise<string[]> {
    const names: string[] = [];
    for (let i = 1; i <= n; i++) {
      const r = await runCli([...args, '--shard', `${i}/${n}`], dir);
      expect(r.code).toBe(0);
      const name = `shard-${i}-of-${n}.jsonl`;
      writeFileSync(join(dir, name), r.stdout);
      names.push(name);
    }
    return names;
  }

  it('shards 1/3, 2/3 and 3/3 merged equal the unsharded table, JSON and CSV byte for byte', async () => {
    const args = ['sweep', 'crossCore.ts', ...GRID, '--param', 'calls=1,3'];
    const names = await shards(args, 3);
    const whole = await runCli(args, dir);
    const merged = await runCli(['merge', names[2]!, names[0]!, names[1]!], dir);
    expect(merged).toEqual(whole);
    const wholeJson = await runCli([...args, '--json', '--csv', 'whole.csv'], dir);
    const mergedJson = await runCli(['merge', ...names, '--json', '--csv', 'merged.csv'], dir);
    expect(mergedJson.stdout).toBe(wholeJson.stdout);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(join(dir, 'merged.csv'), 'utf8')).toBe(
      readFileSync(join(dir, 'whole.csv'), 'utf8'),
    );
  });

  it('assigns every n-th point to a shard (stable: point k is in shard k mod n + 1)', async () => {
    const r = await runCli(
      ['sweep', 'crossCore.ts', '--cores', '2,3,4,5,6', '--shard', '2/2'],
      dir,
    );
    const lines = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({
      format: 'ipcscope-sweep-shard',
      shard: { index: 2, count: 2 },
    });
    expect(lines.slice(1).map((l) => [l.index, (l.row as { cores: number }).cores])).toEqual([
      [1, 3],
      [3, 5],
    ]);
  });

  it('keeps error rows, stderr and the exit code of the unsharded sweep', async () => {
    const args = ['sweep', 'setupThrows.ts', '--cores', '1,2,3'];
    const names = await shardsAllowingFailure(args, 2);
    expect(await runCli(['merge', ...names], dir)).toEqual(await runCli(args, dir));
  });

  async function shardsAllowingFailure(args: string[], n: number): Promise<string[]> {
    const names: string[] = [];
    for (let i = 1; i <= n; i++) {
      const r = await runCli([...args, '--shard', `${i}/${n}`], dir);
      writeFileSync(join(dir, `fail-${i}.jsonl`), r.stdout);
      names.push(`fail-${i}.jsonl`);
    }
    return names;
  }

  it('refuses shards of different sweeps and says which and why', async () => {
    const [a] = await shards(['sweep', 'crossCore.ts', '--cores', '2,3'], 2);
    writeFileSync(
      join(dir, 'a1.jsonl'),
      (await runCli(['sweep', 'crossCore.ts', '--cores', '2,3', '--shard', '1/2'], dir)).stdout,
    );
    const other = async (argv: string[], name: string): Promise<string> => {
      writeFileSync(join(dir, name), (await runCli(argv, dir)).stdout);
      return (await runCli(['merge', 'a1.jsonl', name], dir)).stderr;
    };
    expect(
      await other(['sweep', 'crossCore.ts', '--cores', '2,4', '--shard', '2/2'], 'g.jsonl'),
    ).toBe(
      'g.jsonl: not a shard of the same sweep as a1.jsonl: the grids differ at point 2 ' +
        '(a1.jsonl: {"cores":3}; g.jsonl: {"cores":4})\n',
    );
    expect(
      await other(['sweep', 'setupThrows.ts', '--cores', '2,3', '--shard', '2/2'], 's.jsonl'),
    ).toMatch(/^s\.jsonl: not a shard of the same sweep as a1\.jsonl: the scenario source differs/);
    expect(
      await other(
        ['sweep', 'crossCore.ts', '--cores', '2,3', '--max-cycles', '5000', '--shard', '2/2'],
        'l.jsonl',
      ),
    ).toContain('the limits differ');
    expect(
      await other(['sweep', 'crossCore.ts', '--cores', '2,3', '--shard', '2/3'], 'n.jsonl'),
    ).toContain('they split the sweep differently (a1.jsonl: shard 1/2; n.jsonl: shard 2/3)');
    expect((await runCli(['merge', 'a1.jsonl'], dir)).stderr).toBe(
      'missing shard 2/2 of crossCore.ts\n',
    );
    expect((await runCli(['merge', 'a1.jsonl', a!], dir)).stderr).toBe(
      `${a}: shard 1/2 is also in a1.jsonl\n`,
    );
    writeFileSync(
      join(dir, 'cut.jsonl'),
      (
        await runCli(['sweep', 'crossCore.ts', '--cores', '2,3', '--shard', '2/2'], dir)
      ).stdout.split('\n')[0] + '\n',
    );
    expect((await runCli(['merge', 'a1.jsonl', 'cut.jsonl'], dir)).stderr).toBe(
      'cut.jsonl: shard 2/2 holds 0 of its 1 rows (did the job stop early?)\n',
    );
    writeFileSync(join(dir, 'junk.jsonl'), 'platform,cores\n');
    expect((await runCli(['merge', 'junk.jsonl'], dir)).stderr).toMatch(/^junk\.jsonl:1: not JSON/);
  });

  it('rejects --shard with --csv or --json, and a malformed i/n', async () => {
    const a = await runCli(
      ['sweep', 'crossCore.ts', '--cores', '1', '--shard', '1/2', '--json'],
      dir,
    );
    expect(a.code).toBe(2);
    expect(a.stderr).toContain("make the CSV or JSON with 'ipcscope merge'");
    const b = await runCli(['sweep', 'crossCore.ts', '--cores', '1', '--shard', '3/2'], dir);
    expect(b.stderr).toContain("option '--shard' needs i/n with 1 <= i <= n (e.g. 2/8), got '3/2'");
  });
});
