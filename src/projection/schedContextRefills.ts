// An MCS scheduling context's refill list in the projection (sel4-reference.md §1.9): the
// description gives the list at the start, each schedContextRefilled event the list after a
// change. The inspector's scheduling-context section shows it.
import type { MachineDescription } from '../sim/describe';
import type { SimEvent } from '../sim/simEvents';
import type { SchedContextView } from './types';

type Refilled = Extract<SimEvent, { type: 'schedContextRefilled' }>;

/** The view's refill state after a schedContextRefilled event. */
export function applyRefills(v: SchedContextView, e: Refilled): void {
  v.refills = e.refills.map((r) => ({ time: r.time, amount: r.amount }));
  v.consumed = e.consumed;
}

/** The refill state an SC starts with, from the machine description. */
export function initialRefills(
  d: MachineDescription['schedContexts'][number],
): Pick<SchedContextView, 'refills' | 'consumed'> {
  return d.refills === undefined ? {} : { refills: d.refills.map((r) => ({ ...r })), consumed: 0 };
}
