// Interrupts a core takes (seL4 timerTick, chargeBudget/endTimeslice, the reschedule IPI handler,
// awaken; sel4-reference.md §1.8–1.10): time-slice and budget expiry, reschedule IPIs, cross-image
// SGIs and MCS replenishments.
import type { CoreRt, Interrupt } from './coreRunner';
import { RELEASE } from './coreRunner';
import { node } from './kernel/kernelState';
import { sendSignal } from './kernel/notification';
import { isRoundRobin, nextRefillTime, refillIfDue } from './kernel/schedContext';
import {
  isSchedulable,
  possibleSwitchTo,
  rescheduleRequired,
  tcbSchedAppend,
  tcbSchedDequeue,
} from './kernel/scheduler';
import type { Simulation } from './simulation';

/** Timer tick / budget expiry, reschedule IPI, or MCS replenishment (timerTick, chargeBudget, awaken). */
export function handleInterrupt(sim: Simulation, core: CoreRt, c: number, irq: Interrupt): void {
  const k = sim.k;
  const n = node(k, c);
  const th = n.curThread;
  if (irq === 'timer' && !th.isIdle) {
    if (!k.state.config.mcs) {
      th.timeslice = k.state.config.timeslice;
      tcbSchedAppend(k, th);
      rescheduleRequired(k);
    } else if (th.sc !== null) {
      const sc = th.sc;
      if (isRoundRobin(sc)) {
        sc.remaining = sc.budget;
        tcbSchedAppend(k, th);
        rescheduleRequired(k);
      } else {
        sc.remaining = 0;
        tcbSchedDequeue(k, th);
        const until = nextRefillTime(sc);
        sim.emit(c, { type: 'budgetExhausted', thread: th.name, sc: sc.name, until });
        core.releaseQueue.push(th);
        sim.queue.push(until, RELEASE, c, 0);
        rescheduleRequired(k);
      }
    }
  } else if (irq === 'ipi') {
    rescheduleRequired(k);
    // Cross-image channel: the SGI's handler signals the local end's notification.
    for (const ntfn of core.pendingSignals.splice(0)) sendSignal(k, ntfn, 1);
  }
  // awaken(): threads whose replenishment is due become ready again.
  core.releaseQueue = core.releaseQueue.filter((t) => {
    if (t.sc === null || !refillIfDue(t.sc, sim.now)) return t.sc !== null;
    if (isSchedulable(k, t)) possibleSwitchTo(k, t);
    return false;
  });
}
