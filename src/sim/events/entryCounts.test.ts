// IPC figures count Call and ReplyRecv only, the system calls with a fastpath
// (sel4-reference.md §1.7; seL4 src/fastpath/fastpath.c: fastpath_call, fastpath_reply_recv).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioSource } from '../../loader/loadScenario';
import { createProjection } from '../../projection/initialProjection';
import { ProjectionWriter } from '../../projection/projectionWriter';
import { describeMachine } from '../describe';
import { computeRunSummary } from '../summary';
import { buildLoaded } from '../testing/runScenario';
import { countExit, emptyEntryCounts, entryFigures, type EntryRecords } from './entryCounts';

function runExample(file: string) {
  const source = fs.readFileSync(path.join(__dirname, '../../scenarios', file), 'utf8');
  const sim = buildLoaded(loadScenarioSource(source, file));
  const desc = describeMachine(sim);
  sim.run({ maxCycles: 100_000_000, maxEvents: 200_000 });
  const w = new ProjectionWriter(createProjection(desc));
  w.applyAll(sim.log);
  return { summary: computeRunSummary(sim), stats: w.current.stats };
}

describe('kernel-entry counts (§1.7)', () => {
  it('only Call and ReplyRecv count as IPC: Recv, Yield and the exit never lower the fastpath share', () => {
    const n = emptyEntryCounts();
    const r: EntryRecords = { byName: {}, slowpathReasons: {}, ipcSlowpathReasons: {} };
    const of = <K extends keyof EntryRecords>(k: K) => r[k];
    const exit = (syscall: string, path: 'fast' | 'slow', reason?: string) =>
      countExit(
        n,
        of,
        { syscall, path, ...(reason ? { reason } : {}), cycles: 10, interrupt: null },
        1,
      );
    exit('Recv', 'slow', 'Recv has no fastpath');
    exit('Call', 'fast');
    exit('ReplyRecv', 'fast');
    exit('Yield', 'slow', 'Yield has no fastpath');
    countExit(
      n,
      of,
      { syscall: 'interrupt (timer)', path: 'slow', cycles: 5, interrupt: 'timer' },
      0,
    );
    expect(entryFigures(n)).toMatchObject({
      ipcFastpathShare: 1,
      otherSyscalls: 2,
      kernelEntries: 5,
    });
    expect(n).toMatchObject({
      syscalls: 4,
      fastpath: 2,
      slowpath: 2,
      interrupts: 1,
      ipcSyscalls: 2,
    });
    expect(r.ipcSlowpathReasons).toEqual({});
    expect(Object.keys(r.slowpathReasons)).toHaveLength(2);
    exit('Call', 'slow', 'the message is longer than the fastpath carries');
    expect(entryFigures(n).ipcFastpathShare).toBeCloseTo(2 / 3);
    expect(r.ipcSlowpathReasons).toEqual({ 'the message is longer than the fastpath carries': 1 });
  });

  it('echo, the fastpath at its best, is 100% IPC fastpath in the CLI summary and the app fold alike', () => {
    const { summary, stats } = runExample('echo.ts');
    expect(summary.ipcSyscalls.fastpathShare).toBe(1);
    expect(summary.ipcSyscalls.slowpathReasons).toEqual({});
    expect(summary.syscalls.slowpath).toBeGreaterThan(0);
    expect(summary.otherSyscalls.total).toBe(summary.syscalls.slowpath);
    expect(entryFigures(stats).ipcFastpathShare).toBe(1);
    expect(stats.ipcSyscalls).toBe(summary.ipcSyscalls.total);
    expect(entryFigures(stats).cyclesPerIpc).toBe(summary.ipcSyscalls.cyclesPerIpc);
  });
});
