import { describe, expect, it } from 'vitest';
import { loadScenarioSource } from '../loader/loadScenario';
import { resolveConfig } from './config';
import { Simulation } from './simulation';
import { computeRunSummary } from './summary';

// Two cross-core pairs under one big lock on a 4-core machine: lock traffic and line migrations.
const SOURCE = `import { scenario, type Sys } from 'ipcscope';
export default scenario({
  name: 'pairs',
  machine: { platform: 'xeon-2s', cores: 4, kernel: 'smp' },
  setup(k) {
    for (let i = 0; i < 2; i++) {
      const ep = k.endpoint('ep' + i);
      k.process('server' + i, server, { core: 2 + i, priority: 200, caps: { ep: ep.cap() } });
      k.process('client' + i, client, { core: i, caps: { ep: ep.cap() } });
    }
  },
});
function* server(sys: Sys) {
  let m = yield* sys.recv('ep');
  for (;;) m = yield* sys.replyRecv('ep', { words: m.words });
}
function* client(sys: Sys) {
  for (let i = 0; i < 10; i++) yield* sys.call('ep', { words: [i] });
}
`;

function run(kernel: string): { sim: Simulation; summary: ReturnType<typeof computeRunSummary> } {
  const loaded = loadScenarioSource(SOURCE, 'pairs.ts');
  const sim = new Simulation(loaded.scenario, resolveConfig(loaded.scenario, { kernel }), {});
  sim.run({ maxCycles: 50_000_000 });
  return { sim, summary: computeRunSummary(sim) };
}

describe('run summary', () => {
  it('sums the big-lock statistics of every kernel image', () => {
    const { sim, summary } = run('clustered:2');
    const locks = sim.locks.filter((l) => l !== null);
    expect(locks).toHaveLength(2);
    const sum = (f: (l: (typeof locks)[number]) => number): number =>
      locks.reduce((a, l) => a + f(l), 0);
    expect(summary.lock).toEqual({
      acquisitions: sum((l) => l.stats.acquisitions),
      contended: sum((l) => l.stats.contended),
      spinCycles: sum((l) => l.stats.spinCycles),
    });
    expect(summary.lock.acquisitions).toBeGreaterThan(0);
  });

  it('reports per-thread counts that add up to the run totals', () => {
    const { summary } = run('smp');
    const threads = Object.values(summary.threads);
    expect(threads.reduce((a, t) => a + t.syscalls, 0)).toBe(summary.syscalls.total);
    expect(threads.reduce((a, t) => a + t.fastpath, 0)).toBe(summary.syscalls.fastpath);
    expect(summary.threads.server1?.core).toBe(3);
    expect(summary.ipc.messages).toBe(40);
  });

  it('lists the costliest lines first and splits kernel from user lines', () => {
    const { summary } = run('smp');
    const c = summary.cacheLines;
    expect(c.migrations).toBeGreaterThan(0);
    expect(c.lines.length).toBeGreaterThan(0);
    for (let i = 1; i < c.lines.length; i++) {
      expect(c.lines[i - 1]!.cycles).toBeGreaterThanOrEqual(c.lines[i]!.cycles);
    }
    expect(c.kernel.cycles).toBeLessThanOrEqual(c.cycles);
    expect(c.perKernelEntry.cycles).toBeCloseTo(c.kernel.cycles / summary.kernelEntries, 9);
  });
});
