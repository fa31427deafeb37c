// Interrupts a core takes (seL4 timerTick, chargeBudget/endTimeslice, the reschedule IPI handler,
// awaken; sel4-reference.md §1.8–1.10): time-slice and budget expiry, reschedule IPIs, cross-image
// SGIs and MCS replenishments. The timer rules live in kernel/timer.ts.
import type { CoreRt, Entry, Interrupt } from './coreState';
import { ItemKind } from './engine/queueItems';
import { node } from './kernel/kernelState';
import { sendSignal } from './kernel/notification';
import { rescheduleRequired } from './kernel/scheduler';
import { timerTick } from './kernel/timer';
import { irqJitter } from './machine/noise';
import type { CoreContext } from './coreContext';

/** Timer tick / budget expiry, reschedule IPI, or MCS replenishment (timerTick, chargeBudget, awaken). */
export function handleInterrupt(sim: CoreContext, core: CoreRt, c: number, irq: Interrupt): void {
  const k = sim.k;
  const th = node(k, c).curThread;
  if (irq === 'timer') {
    timerTick(k, th); // classic; on MCS the budget check at entry did the work
  } else if (irq === 'ipi') {
    rescheduleRequired(k);
    // Cross-image channel: the SGI's handler signals the local end's notification.
    for (const ntfn of core.pendingSignals.splice(0)) sendSignal(k, ntfn, 1);
  }
  // MCS releases: awaken() at the start of schedule (kernel/timer.ts scheduleTimed).
}

/**
 * At the end of a kernel entry, the IPIs it asked for: reschedule IPIs to the cores whose ready
 * queues it changed (§1.10) and SGIs for cross-image channel signals; each arrives after the
 * platform's IPI latency.
 */
export function sendEntryIpis(sim: CoreContext, cores: CoreRt[], c: number, e: Entry): void {
  const arrival = (): number => sim.now + sim.profile.ipiLatency + irqJitter(sim.profile, sim.rng);
  for (const target of e.ipis) {
    sim.stats.ipis++;
    sim.emit(c, { type: 'ipiSent', from: c, to: target, kind: 'reschedule' });
    sim.queue.push(arrival(), ItemKind.ipi, target, 0);
  }
  for (const s of e.sgis) {
    sim.stats.ipis++;
    sim.emit(c, { type: 'ipiSent', from: c, to: s.core, kind: 'signal' });
    cores[s.core]!.pendingSignals.push(s.ntfn);
    sim.queue.push(arrival(), ItemKind.ipi, s.core, 0);
  }
}
