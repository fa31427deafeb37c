// Time accounting: the timer tick and MCS budget expiry and release (seL4 src/kernel/thread.c:
// timerTick, chargeBudget, endTimeslice, postpone, awaken; sel4-reference.md §1.8, §1.9).
import type { Kernel } from './kernelState';
import type { Tcb } from './objects';
import { isRoundRobin, nextRefillTime, refillIfDue, chargeBudget } from './schedContext';
import {
  isSchedulable,
  possibleSwitchTo,
  rescheduleRequired,
  tcbSchedAppend,
  tcbSchedDequeue,
} from './scheduler';

/** A core's timer state: threads waiting in its release queue (ksReleaseQueue). */
export interface TimerCore {
  releaseQueue: Tcb[];
}

/** Arms the release interrupt of a core at a time. */
export type ArmRelease = (at: number) => void;

/** The cycles thread `th` may run in user mode before the timer interrupts it. */
export function userSlice(k: Kernel, th: Tcb): number {
  return k.state.config.mcs ? (th.sc?.remaining ?? 0) : th.timeslice;
}

/** Charge user time to the running thread's time slice (classic) or SC (MCS). */
export function chargeUserTime(k: Kernel, th: Tcb, elapsed: number): void {
  if (k.state.config.mcs) {
    if (th.sc !== null) chargeBudget(th.sc, elapsed);
  } else {
    th.timeslice -= elapsed;
  }
}

/** The timer interrupt for the running thread: end of its time slice or budget. */
export function timerTick(k: Kernel, core: TimerCore, th: Tcb, armRelease: ArmRelease): void {
  if (th.isIdle) return;
  if (!k.state.config.mcs) {
    th.timeslice = k.state.config.timeslice;
    tcbSchedAppend(k, th);
    rescheduleRequired(k);
    return;
  }
  const sc = th.sc;
  if (sc === null) return;
  if (isRoundRobin(sc)) {
    sc.remaining = sc.budget;
    tcbSchedAppend(k, th);
    rescheduleRequired(k);
    return;
  }
  sc.remaining = 0;
  tcbSchedDequeue(k, th);
  const until = nextRefillTime(sc);
  k.fx.emit({ type: 'budgetExhausted', thread: th.name, sc: sc.name, until });
  core.releaseQueue.push(th);
  armRelease(until);
  rescheduleRequired(k);
}

/** awaken(): threads whose replenishment is due become ready again. */
export function awaken(k: Kernel, core: TimerCore, now: number): void {
  core.releaseQueue = core.releaseQueue.filter((t) => {
    if (t.sc === null || !refillIfDue(t.sc, now)) return t.sc !== null;
    if (isSchedulable(k, t)) possibleSwitchTo(k, t);
    return false;
  });
}
