// Time accounting (sel4-reference.md §1.8, §1.9). Classic (src/kernel/thread.c timerTick): the
// timer tick takes from the running thread's time slice whatever it is doing, user code or
// system calls; when the slice is gone the thread goes to the back of its priority queue. MCS
// (include/kernel/thread.h updateTimestamp, checkBudget, commitTime; src/kernel/thread.c
// chargeBudget, endTimeslice, postpone, awaken): every kernel entry reads the clock and adds all
// time since the last entry, user and kernel, to ksConsumed; if the current SC's head refill
// cannot cover it the budget is charged and the thread's timeslice ends (round robin: back of
// the queue; sporadic: a timeout fault if it has a handler, else the release queue until its
// next refill); when the kernel switches to another SC the time is committed to the old one.
import { handleTimeout } from './faults';
import { node, type Kernel, type NodeState } from './kernelState';
import type { SchedContext, Tcb } from './objects';
import {
  isRunnable,
  isSchedulable,
  possibleSwitchTo,
  rescheduleRequired,
  schedule,
  setThreadState,
  tcbSchedAppend,
  postpone,
} from './scheduler';
import {
  chargeRoundRobin,
  emitRefills,
  isRoundRobin,
  refillBudgetCheck,
  refillHead,
  refillReady,
  refillSufficient,
} from './sporadic';

/** updateTimestamp: charge the time since the last kernel entry on core `c`. */
export function updateTimestamp(k: Kernel, c: number, now: number): void {
  const n = node(k, c);
  const elapsed = now - n.curTime;
  n.curTime = now;
  if (elapsed <= 0) return;
  if (k.state.config.mcs) n.consumed += elapsed;
  else if (!n.curThread.isIdle) n.curThread.timeslice -= elapsed;
}

/** The cycles thread `th`, now current on core `c`, may run before its timer interrupt. */
export function userSlice(k: Kernel, c: number, th: Tcb, now: number): number {
  const n = node(k, c);
  const since = now - n.curTime;
  if (!k.state.config.mcs) return th.timeslice - since;
  const sc = th.sc;
  if (sc === null) return 0;
  return refillHead(sc).amount - n.consumed - since;
}

/** Classic: the time slice ran out during this entry, so the tick is taken on the way out. */
export function classicSliceOver(k: Kernel, c: number): boolean {
  const t = node(k, c).curThread;
  return !k.state.config.mcs && !t.isIdle && t.timeslice <= 0;
}

/** Classic timerTick: a thread whose slice is spent gets a new one at the back of its queue. */
export function timerTick(k: Kernel, th: Tcb): void {
  if (k.state.config.mcs || th.isIdle || th.state !== 'running' || th.timeslice > 0) return;
  th.timeslice = k.state.config.timeslice;
  tcbSchedAppend(k, th);
  rescheduleRequired(k);
}

/** endTimeslice: the current thread used its head refill. */
function endTimeslice(k: Kernel, n: NodeState, sc: SchedContext, canTimeoutFault: boolean): void {
  const t = n.curThread;
  if (canTimeoutFault && !isRoundRobin(sc) && t.timeoutHandlerSlot !== null) {
    if (handleTimeout(k, t, sc)) return;
  }
  if (refillReady(sc, k.fx.now) && refillSufficient(sc, 0, k.state.config.minBudget)) {
    tcbSchedAppend(k, t);
  } else {
    postpone(k, sc);
  }
}

/** chargeBudget: charge `consumed` to the current SC, which has run out of its head refill. */
export function chargeBudget(k: Kernel, consumed: number, canTimeoutFault: boolean): void {
  const n = node(k);
  const sc = n.curSc;
  if (sc !== null) {
    if (isRoundRobin(sc)) chargeRoundRobin(sc, consumed, true);
    else refillBudgetCheck(sc, consumed, k.state.config.minBudget);
    sc.consumed += consumed;
    emitRefills(k, sc);
  }
  n.consumed = 0;
  const t = n.curThread;
  if (sc !== null && t.sc === sc && isSchedulable(k, t)) {
    endTimeslice(k, n, sc, canTimeoutFault);
    rescheduleRequired(k);
  }
}

/** checkBudget: false when the head refill cannot pay for the time used (the budget is charged). */
export function checkBudget(k: Kernel): boolean {
  const n = node(k);
  const sc = n.curSc;
  if (sc === null || refillSufficient(sc, n.consumed, k.state.config.minBudget)) return true;
  chargeBudget(k, n.consumed, true);
  return false;
}

/** checkBudgetRestart: as checkBudget, and a thread out of budget restarts its system call. */
export function checkBudgetRestart(k: Kernel, t: Tcb): boolean {
  const ok = checkBudget(k);
  if (!ok && isRunnable(t)) setThreadState(k, t, 'restart');
  return ok;
}

/** commitTime: charge the consumed time to the current SC without ending its timeslice. */
function commitTime(k: Kernel, n: NodeState): void {
  const sc = n.curSc;
  if (sc !== null && n.consumed > 0) {
    sc.consumed += n.consumed;
    if (isRoundRobin(sc)) chargeRoundRobin(sc, n.consumed, false);
    else {
      refillBudgetCheck(sc, n.consumed, k.state.config.minBudget);
      emitRefills(k, sc);
    }
  }
  n.consumed = 0;
}

/** awaken: threads whose head refill is due leave the release queue. */
export function awaken(k: Kernel): void {
  const n = node(k);
  while (n.releaseQueue.length > 0) {
    const t = n.releaseQueue[0]!;
    if (!refillReady(t.sc!, k.fx.now)) break;
    n.releaseQueue.shift();
    t.inReleaseQueue = false;
    if (isSchedulable(k, t)) possibleSwitchTo(k, t);
  }
}

/** The time of the next refill a thread in this core's release queue waits for, or null. */
export function nextRelease(k: Kernel, c: number): number | null {
  const t = node(k, c).releaseQueue[0];
  return t === undefined ? null : refillHead(t.sc!).time;
}

/** schedule() with MCS time: awaken first, switchSchedContext after (src/kernel/thread.c). */
export function scheduleTimed(k: Kernel): void {
  const mcs = k.state.config.mcs;
  if (mcs) awaken(k);
  schedule(k);
  if (!mcs) return;
  const n = node(k);
  const next = n.curThread.isIdle ? null : n.curThread.sc;
  if (next !== n.curSc) {
    commitTime(k, n);
    n.curSc = next;
  }
}

/**
 * Kernel entry on core `c` for thread `t` (a system call when `syscall`): read the clock, and on
 * MCS check the budget. Returns false when the system call must not run now (the thread's budget
 * ran out; it restarts the call when it runs again).
 */
export function kernelEntryTime(k: Kernel, c: number, t: Tcb, syscall: boolean): boolean {
  updateTimestamp(k, c, k.fx.now);
  if (!k.state.config.mcs) return true;
  if (t.isIdle || node(k, c).curThread !== t) return true;
  return syscall ? checkBudgetRestart(k, t) : (checkBudget(k), true);
}
