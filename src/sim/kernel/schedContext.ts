// Scheduling contexts (MCS; seL4 src/object/schedcontext.c: schedContext_donate, migrateTCB;
// sel4-reference.md §1.9). Budget b of every period p; b == p is round robin. Replenishment is
// simplified to one refill per period (the full budget returns at periodStart + p) rather than
// seL4's list of sporadic refills.
import type { Kernel } from './kernelState';
import type { SchedContext, Tcb } from './objects';
import { tcbSchedDequeue } from './scheduler';

/** migrateTCB: move a thread to another core (its ready-queue entry moves with it). */
export function migrateTcb(k: Kernel, t: Tcb, core: number): void {
  if (t.affinity === core) return;
  const from = t.affinity;
  tcbSchedDequeue(k, t);
  t.affinity = core;
  k.fx.emit({ type: 'threadMigrated', thread: t.name, from, to: core });
}

/**
 * schedContext_donate: lend `sc` to `to`. A passive receiver migrates to the SC's core, so a
 * passive server follows its clients from core to core (§1.9 "SMP").
 */
export function schedContextDonate(k: Kernel, sc: SchedContext, to: Tcb, returning = false): void {
  const from = sc.tcb;
  if (from !== null) {
    tcbSchedDequeue(k, from);
    from.sc = null;
  }
  sc.tcb = to;
  to.sc = sc;
  k.fx.touch(sc.line, true);
  k.fx.emit({
    type: returning ? 'schedContextReturned' : 'schedContextDonated',
    sc: sc.name,
    from: from?.name ?? '',
    to: to.name,
  });
  migrateTcb(k, to, sc.core);
}

/** Charge consumed cycles to an SC; returns true when its budget ran out. */
export function chargeBudget(sc: SchedContext, cycles: number): boolean {
  sc.consumed += cycles;
  sc.remaining = Math.max(0, sc.remaining - cycles);
  return sc.remaining === 0;
}

/** b == p: the budget is a round-robin time slice and refills at once (§1.9). */
export function isRoundRobin(sc: SchedContext): boolean {
  return sc.budget >= sc.period;
}

/** Refill an exhausted SC if its period has passed (refill_unblock_check). */
export function refillIfDue(sc: SchedContext, now: number): boolean {
  if (sc.remaining > 0) return true;
  if (now >= sc.periodStart + sc.period) {
    const periods = Math.floor((now - sc.periodStart) / sc.period);
    sc.periodStart += periods * sc.period;
    sc.remaining = sc.budget;
    return true;
  }
  return false;
}

export function nextRefillTime(sc: SchedContext): number {
  return sc.periodStart + sc.period;
}
