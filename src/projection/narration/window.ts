// The narration the page shows: the lines told by the events just before the cursor, read from
// the log through an accessor (the page's binary mirror or a plain array), so a long run costs a
// bounded window, not the whole log, at every step.
import type { SimEvent } from '../../sim/simEvents';
import { narrate, type NarrationLine } from './narrate';

/** How far back the window reaches; a kernel entry is a few dozen events at most. */
export const NARRATION_WINDOW = 1500;

export interface EventSource {
  length: number;
  get(i: number): SimEvent;
}

function* range(src: EventSource, from: number, to: number): Generator<SimEvent> {
  for (let i = from; i < to; i++) yield src.get(i);
}

/**
 * The narration of the events before `cursor`, newest last. When the window starts mid-run the
 * events before the first kernel entry in it are skipped (their entry began out of sight).
 */
export function narrationBefore(
  src: EventSource,
  cursor: number,
  max = NARRATION_WINDOW,
): NarrationLine[] {
  const end = Math.min(cursor, src.length);
  let start = Math.max(0, end - max);
  if (start > 0) {
    while (start < end) {
      const t = src.get(start).type;
      if (t === 'syscallEntered' || t === 'interruptTaken') break;
      start++;
    }
  }
  return narrate(range(src, start, end));
}

/** The line that tells event `index`, or the last line before it. */
export function lineFor(lines: readonly NarrationLine[], index: number): NarrationLine | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (l.first <= index) return l;
  }
  return null;
}
