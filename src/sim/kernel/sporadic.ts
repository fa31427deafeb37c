// Sporadic-server refills of an MCS scheduling context (seL4 src/kernel/sporadic.c:
// refill_new, refill_budget_check, refill_unblock_check, schedule_used; include/kernel/sporadic.h:
// refill_ready, refill_sufficient; sel4-reference.md §1.9). An SC's budget lives in a bounded
// list of refills {time, amount}, head first, ordered in time; the amounts always sum to the
// budget. Time used from the head refill comes back as a new refill one period after the head's
// time, so over any window of one period the SC never runs for more than its budget.
import type { Kernel } from './kernelState';
import type { Refill, SchedContext } from './objects';

/** seL4's MIN_REFILLS: a round-robin SC has a head and an (empty) tail. */
export const MIN_REFILLS = 2;

/** b == p: the budget is a round-robin time slice and refills at once (isRoundRobin). */
export function isRoundRobin(sc: SchedContext): boolean {
  return sc.budget >= sc.period;
}

export function refillHead(sc: SchedContext): Refill {
  return sc.refills[0]!;
}

function refillTail(sc: SchedContext): Refill {
  return sc.refills[sc.refills.length - 1]!;
}

/** refill_new: the full budget is available from `now`. */
export function refillNew(sc: SchedContext, now: number): void {
  sc.refills = [{ time: now, amount: sc.budget }];
  if (isRoundRobin(sc)) sc.refills.push({ time: now, amount: 0 }); // maybe_add_empty_tail
}

/** refill_ready: the head refill may be used now. */
export function refillReady(sc: SchedContext, now: number): boolean {
  return refillHead(sc).time <= now;
}

/** refill_capacity: what the head refill has left once `usage` is charged to it. */
export function refillCapacity(sc: SchedContext, usage: number): number {
  const head = refillHead(sc).amount;
  return usage > head ? 0 : head - usage;
}

/** refill_sufficient: enough left to enter and leave the kernel (MIN_BUDGET). */
export function refillSufficient(sc: SchedContext, usage: number, minBudget: number): boolean {
  return refillCapacity(sc, usage) >= minBudget;
}

/** schedule_used: add a used-up amount as a future refill, merging with the tail if they touch. */
function scheduleUsed(sc: SchedContext, used: Refill): void {
  const tail = refillTail(sc);
  if (tail.time + tail.amount >= used.time) {
    tail.amount += used.amount;
  } else if (sc.refills.length < sc.maxRefills) {
    sc.refills.push(used);
  } else {
    // Full: delay the tail so that it ends where the new refill would have ended.
    tail.time = used.time - tail.amount;
    tail.amount += used.amount;
  }
}

/**
 * refill_budget_check: charge `usage` to a sporadic SC. Whole head refills that were used up
 * come back one period after their time (handle_overrun); a partly used head is split, its used
 * part returning one period later; a head left below MIN_BUDGET merges into the next refill.
 */
export function refillBudgetCheck(sc: SchedContext, usage: number, minBudget: number): void {
  let left = usage;
  while (refillHead(sc).amount <= left) {
    const head = refillHead(sc);
    left -= head.amount;
    if (sc.refills.length === 1) {
      head.time += sc.period;
    } else {
      sc.refills.shift();
      scheduleUsed(sc, { time: head.time + sc.period, amount: head.amount });
    }
  }
  const head = refillHead(sc);
  if (left > 0) {
    const used = { time: head.time + sc.period, amount: left };
    head.amount -= left;
    head.time += left;
    scheduleUsed(sc, used);
  }
  while (refillHead(sc).amount < minBudget && sc.refills.length > 1) {
    // merge_nonoverlapping_head_refill: the next refill takes it, starting earlier.
    const old = sc.refills.shift()!;
    const next = refillHead(sc);
    next.amount += old.amount;
    next.time -= old.amount;
  }
}

/**
 * refill_unblock_check: a sporadic SC whose thread becomes runnable moves its ready head refill
 * up to now and merges the refills that are due by the end of it, so a thread that slept long
 * gets its whole budget back once, never a burst of several budgets.
 */
export function refillUnblockCheck(sc: SchedContext, now: number): boolean {
  if (isRoundRobin(sc) || !refillReady(sc, now)) return false;
  refillHead(sc).time = now;
  while (sc.refills.length > 1) {
    const head = refillHead(sc);
    const next = sc.refills[1]!;
    if (next.time > head.time + head.amount) break;
    sc.refills.shift();
    next.time = head.time;
    next.amount += head.amount;
  }
  return true;
}

/** commitTime / chargeBudget for a round-robin SC: head and tail trade the time used. */
export function chargeRoundRobin(sc: SchedContext, usage: number, refill: boolean): void {
  const head = refillHead(sc);
  const tail = refillTail(sc);
  if (refill) {
    head.amount += tail.amount;
    tail.amount = 0;
  } else {
    head.amount -= usage;
    tail.amount += usage;
  }
}

/** A copy of the refill list for events and the inspector. */
export function refillList(sc: SchedContext): Refill[] {
  return sc.refills.map((r) => ({ time: r.time, amount: r.amount }));
}

/** Report an SC's refill list (the inspector shows it). */
export function emitRefills(k: Kernel, sc: SchedContext): void {
  k.fx.emit({
    type: 'schedContextRefilled',
    sc: sc.name,
    refills: refillList(sc),
    consumed: sc.consumed,
  });
}
