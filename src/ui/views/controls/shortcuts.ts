// Every keyboard shortcut in one table: the key handler uses it and the help overlay lists it.
import type { AppState, BottomTab } from '../../store/types';

export interface Shortcut {
  keys: string[];
  description: string;
  match(e: KeyboardEvent): boolean;
  run(s: AppState): void;
}

/** Speeds offered, in events per second; null = as fast as the machine allows. */
export const SPEEDS: readonly (number | null)[] = [10, 100, 1000, 10_000, 100_000, null];

export function speedLabel(s: number | null): string {
  if (s === null) return 'max';
  return s >= 1000 ? `${s / 1000}k/s` : `${s}/s`;
}

function shiftSpeed(s: AppState, by: 1 | -1): void {
  const i = SPEEDS.indexOf(s.speed);
  const next = SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, (i < 0 ? 2 : i) + by))]!;
  s.setSpeed(next);
}

const plain = (e: KeyboardEvent) => !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey;
const key =
  (k: string, mods: (e: KeyboardEvent) => boolean = plain) =>
  (e: KeyboardEvent) =>
    e.key === k && mods(e);
const shift = (e: KeyboardEvent) => e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey;
const alt = (e: KeyboardEvent) => e.altKey && !e.shiftKey && !e.ctrlKey && !e.metaKey;
const tab = (t: BottomTab) => (s: AppState) => s.setBottomTab(t);

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['Space'], description: 'Run / pause', match: key(' '), run: (s) => s.toggleRun() },
  {
    keys: ['→'],
    description: 'Step one event',
    match: key('ArrowRight'),
    run: (s) => s.step('event', 1),
  },
  {
    keys: ['←'],
    description: 'Step back one event',
    match: key('ArrowLeft'),
    run: (s) => s.step('event', -1),
  },
  {
    keys: ['Shift', '→'],
    description: 'Step to the end of the next kernel entry',
    match: key('ArrowRight', shift),
    run: (s) => s.step('entry', 1),
  },
  {
    keys: ['Shift', '←'],
    description: 'Step back to the end of the previous kernel entry',
    match: key('ArrowLeft', shift),
    run: (s) => s.step('entry', -1),
  },
  {
    keys: ['Alt', '→'],
    description: 'Step to the next message transfer',
    match: key('ArrowRight', alt),
    run: (s) => s.step('message', 1),
  },
  {
    keys: ['Alt', '←'],
    description: 'Step back to the previous message transfer',
    match: key('ArrowLeft', alt),
    run: (s) => s.step('message', -1),
  },
  {
    keys: ['C'],
    description: 'Continue to the next breakpoint hit (as fast as possible)',
    match: key('c'),
    run: (s) => s.continueRun(1),
  },
  {
    keys: ['Shift', 'C'],
    description: 'Reverse-continue: back to the previous breakpoint hit',
    match: (e) => e.key.toLowerCase() === 'c' && shift(e),
    run: (s) => s.continueRun(-1),
  },
  { keys: ['Home'], description: 'Back to the start', match: key('Home'), run: (s) => s.seek(0) },
  {
    keys: ['End'],
    description: 'To the last logged event',
    match: key('End'),
    run: (s) => s.seek(s.total),
  },
  { keys: ['['], description: 'Slower', match: key('['), run: (s) => shiftSpeed(s, -1) },
  { keys: [']'], description: 'Faster', match: key(']'), run: (s) => shiftSpeed(s, 1) },
  {
    keys: ['B'],
    description: 'Break on slowpath: on / off',
    match: key('b'),
    run: (s) => s.toggleBreakpoint({ kind: 'slowpath' }),
  },
  {
    keys: ['R'],
    description: "Run the scenario (the editor's text) again from the start",
    match: key('r'),
    run: (s) => {
      if (s.draftErrors === 0) s.loadDraft(undefined, { run: true });
    },
  },
  { keys: ['1'], description: 'Cache lines tab', match: key('1'), run: tab('lines') },
  { keys: ['2'], description: 'Namespace tab', match: key('2'), run: tab('namespace') },
  { keys: ['3'], description: 'Console tab', match: key('3'), run: tab('console') },
  { keys: ['4'], description: 'Trace tab', match: key('4'), run: tab('trace') },
  { keys: ['6'], description: 'Sweep tab', match: key('6'), run: tab('sweep') },
  {
    keys: ['?'],
    description: 'Show / hide this help',
    match: (e) => e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey,
    run: (s) => s.setHelpOpen(!s.helpOpen),
  },
  {
    keys: ['Esc'],
    description: 'Close the help',
    match: key('Escape'),
    run: (s) => s.setHelpOpen(false),
  },
];

/** Controls that Space and Enter press themselves (a button, a tab, a menu item, a splitter...). */
const PRESSABLE =
  'button, a[href], summary, [role="button"], [role="tab"], [role="menuitem"], [role="option"], [role="separator"], [role="checkbox"]';

/**
 * The shortcut a key press triggers, unless the user is typing in a field or the editor, or the
 * key belongs to the focused control: Space and Enter on a focused button press that button, and
 * arrow keys on a focused splitter, timeline or list move it.
 */
export function shortcutFor(e: KeyboardEvent): Shortcut | null {
  const t = e.target as Element | null;
  if (t?.closest?.('input, textarea, select, [contenteditable="true"], .monaco-editor'))
    return null;
  if ((e.key === ' ' || e.key === 'Enter') && t?.closest?.(PRESSABLE)) return null;
  if (e.key.startsWith('Arrow') && t?.closest?.('[data-own-arrows]')) return null;
  return SHORTCUTS.find((s) => s.match(e)) ?? null;
}
