// Per-entry statistics: syscall counts by name and path, slowpath reasons, per-thread cycles.
import type { Entry } from './coreRunner';
import type { Simulation } from './simulation';

/** Count one finished kernel entry (interrupts only add kernel cycles to their thread). */
export function accountEntry(sim: Simulation, e: Entry): void {
  const s = sim.stats;
  const t = e.thread.isIdle ? null : sim.threads[e.thread.id]!;
  if (t !== null) t.stats.kernelCycles += e.cost;
  if (e.req === null) return;
  s.syscalls.total++;
  s.syscalls.byName[e.name] = (s.syscalls.byName[e.name] ?? 0) + 1;
  if (t !== null) t.stats.syscalls++;
  const o = e.outcome!;
  if (o.path === 'fast') {
    s.syscalls.fastpath++;
    if (t !== null) t.stats.fastpath++;
  } else {
    s.syscalls.slowpath++;
    if (t !== null) t.stats.slowpath++;
    if (o.reason !== undefined)
      s.slowpathReasons[o.reason] = (s.slowpathReasons[o.reason] ?? 0) + 1;
  }
}
