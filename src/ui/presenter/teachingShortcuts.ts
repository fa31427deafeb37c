// The teaching keys, beside the app's shortcuts (views/controls/shortcuts.ts) and listed with
// them in the help overlay: clicker keys (PageDown / PageUp, `.` as RaftScope has it), presenter
// mode and the lessons menu.
import type { Teaching } from '../lessons/TeachingProvider';
import type { AppStore } from '../store/createAppStore';
import { PRESENTER_SPEED } from './PresenterApp';

export interface TeachingShortcut {
  keys: string[];
  description: string;
  match(e: KeyboardEvent): boolean;
  run(app: AppStore, teaching: Teaching): void;
}

const plain = (e: KeyboardEvent, k: string) => e.key === k && !e.altKey && !e.ctrlKey && !e.metaKey;

let speedBefore: number | null | undefined;

export function togglePresenter(app: AppStore, teaching: Teaching): void {
  const on = !teaching.store.getState().presenter;
  const a = app.getState();
  if (on) {
    speedBefore = a.speed;
    a.setSpeed(PRESENTER_SPEED);
  } else if (speedBefore !== undefined) a.setSpeed(speedBefore);
  teaching.store.setState({ presenter: on });
}

export const TEACHING_SHORTCUTS: readonly TeachingShortcut[] = [
  {
    keys: ['PageDown'],
    description:
      'Next lesson step (a clicker’s forward key); without a lesson, the next kernel entry',
    match: (e) => plain(e, 'PageDown'),
    run: (app, t) =>
      t.store.getState().lesson ? t.player.next() : app.getState().step('entry', 1),
  },
  {
    keys: ['PageUp'],
    description: 'Previous lesson step; without a lesson, back one kernel entry',
    match: (e) => plain(e, 'PageUp'),
    run: (app, t) =>
      t.store.getState().lesson ? t.player.prev() : app.getState().step('entry', -1),
  },
  {
    keys: ['.'],
    description: 'Play / pause (a clicker’s blank-screen key)',
    match: (e) => plain(e, '.'),
    run: (app) => app.getState().toggleRun(),
  },
  {
    keys: ['P'],
    description: 'Presenter mode on / off',
    match: (e) => plain(e, 'p') && !e.shiftKey,
    run: togglePresenter,
  },
  {
    keys: ['5'],
    description: 'Narration tab',
    match: (e) => plain(e, '5') && !e.shiftKey,
    run: (app) => app.getState().setBottomTab('narration'),
  },
  {
    keys: ['L'],
    description: 'Lessons menu',
    match: (e) => plain(e, 'l') && !e.shiftKey,
    run: (_app, t) => t.store.setState((s) => ({ menuOpen: !s.menuOpen })),
  },
];

export function teachingShortcutFor(e: KeyboardEvent): TeachingShortcut | null {
  const t = e.target as Element | null;
  if (t?.closest?.('input, textarea, select, [contenteditable="true"], .monaco-editor'))
    return null;
  return TEACHING_SHORTCUTS.find((s) => s.match(e)) ?? null;
}
