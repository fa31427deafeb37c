// Where a debugger step lands: one event on, or just past the next (back: the previous) event
// that ends the unit, such as a kernel entry's exit or a message. A forward step may run the
// engine to find it, up to a search limit.
import { stepEndType, type StepUnit } from '../projection/breakpoints';
import { codeOf } from '../projection/eventLog';
import type { StopReason } from '../protocol/messages';
import { STEP_SEARCH_LIMIT } from './sessionLimits';

export interface SteppableRun {
  /** The log: its length and each event's type code. */
  readonly log: { readonly length: number; codeAt(i: number): number };
  /** Run until the log holds `count` events; false if the run ended first. */
  produce(count: number): boolean;
  /** Why the run ended, once it has. */
  readonly endReason: StopReason | null;
}

/** The cursor after a step from `cursor`, and why the step stopped short, if it did. */
export function stepTarget(
  run: SteppableRun,
  cursor: number,
  unit: StepUnit,
  direction: 1 | -1,
): { target: number; stop: StopReason | null } {
  const endType = stepEndType(unit);
  const code = endType === null ? -1 : codeOf(endType);
  const log = run.log;
  if (direction === -1) {
    let target = Math.max(0, cursor - 1);
    if (code >= 0) while (target > 0 && log.codeAt(target - 1) !== code) target--;
    return { target, stop: null };
  }
  const searchEnd = cursor + STEP_SEARCH_LIMIT;
  for (let i = cursor; ; i++) {
    if (i >= log.length && !run.produce(i + 1)) {
      return { target: log.length, stop: run.endReason ?? 'idle' };
    }
    if (code < 0 || log.codeAt(i) === code) return { target: i + 1, stop: null };
    if (i >= searchEnd) return { target: i + 1, stop: 'stepLimit' };
  }
}
