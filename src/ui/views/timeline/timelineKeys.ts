// The keys of a focused timeline (listed in the help overlay and the README): pan, zoom, fit,
// and move the selection between thread tracks. The global arrow-key steps do not apply there.
import type { TimelineModel } from '../../../projection/timeline';
import { zoom, type View } from './timelineLayout';

export const TIMELINE_KEYS: readonly { keys: string[]; description: string }[] = [
  { keys: ['← / →'], description: 'Timeline (focused): pan left / right' },
  { keys: ['+ / -'], description: 'Timeline (focused): zoom in / out around the cursor' },
  { keys: ['0'], description: 'Timeline (focused): fit the whole run and follow it' },
  {
    keys: ['↑ / ↓'],
    description: 'Timeline (focused): select the thread above / below (the view follows)',
  },
  {
    keys: ['Enter'],
    description: "Timeline (focused): go to the selected thread's next event in view",
  },
];

export type TimelineKeyAction =
  { kind: 'view'; view: View | null } | { kind: 'thread'; name: string } | { kind: 'none' };

/** What a key press on the focused timeline does, or null for a key it leaves alone. */
export function timelineKey(
  key: string,
  tl: TimelineModel,
  shown: View,
  cursorT: number | null,
  selected: string | null,
): TimelineKeyAction | null {
  const span = shown.t1 - shown.t0;
  const at = cursorT !== null && cursorT >= shown.t0 && cursorT <= shown.t1 ? cursorT : shown.t0;
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowRight': {
      const dt = (key === 'ArrowLeft' ? -0.2 : 0.2) * span;
      return { kind: 'view', view: { ...shown, t0: shown.t0 + dt, t1: shown.t1 + dt } };
    }
    case '+':
    case '=':
      return { kind: 'view', view: zoom(shown, at + (at === shown.t0 ? span / 2 : 0), 0.5) };
    case '-':
      return { kind: 'view', view: zoom(shown, at + (at === shown.t0 ? span / 2 : 0), 2) };
    case '0':
      return { kind: 'view', view: null };
    case 'ArrowUp':
    case 'ArrowDown': {
      const names = tl.threadNames;
      if (names.length === 0) return { kind: 'none' };
      const i = selected === null ? -1 : names.indexOf(selected);
      const next =
        i < 0
          ? key === 'ArrowDown'
            ? 0
            : names.length - 1
          : Math.max(0, Math.min(names.length - 1, i + (key === 'ArrowDown' ? 1 : -1)));
      return { kind: 'thread', name: names[next]! };
    }
    default:
      return null;
  }
}
