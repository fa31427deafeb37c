// Per-entry statistics: the run's counts (events/entryCounts.ts, shared with the projection)
// and each thread's syscalls by path and kernel cycles.
import type { Entry } from './coreState';
import { countExit } from './events/entryCounts';
import type { CoreContext } from './coreContext';

/** Write the syscallExited event of a finished entry at core c. */
export function writeExit(sim: CoreContext, c: number, e: Entry): void {
  const o = e.outcome;
  sim.out.syscallExited(c, {
    thread: e.thread,
    syscall: e.name,
    path: o?.path ?? 'slow',
    reason: o?.reason,
    cycles: e.cost,
    interrupt: e.irq,
  });
}

/** Count one finished kernel entry (interrupts only add kernel cycles to their thread). */
export function accountEntry(sim: CoreContext, e: Entry): void {
  const s = sim.stats;
  const path = e.outcome?.path ?? 'slow';
  const reason = e.outcome?.reason;
  countExit(
    s.entries,
    s.recordOf,
    { syscall: e.name, path, reason, cycles: e.cost, interrupt: e.irq },
    e.messages,
  );
  const t = e.thread.isIdle ? null : sim.threads[e.thread.id]!;
  if (t === null) return;
  t.stats.kernelCycles += e.cost;
  if (e.req === null) return;
  t.stats.syscalls++;
  if (path === 'fast') t.stats.fastpath++;
  else t.stats.slowpath++;
}
