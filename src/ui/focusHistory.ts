// The debugging focus in the address (store/focusUrl.ts), kept in step with the store: each
// moment the debugger lands on (a breakpoint hit, a jump to a divergence or a logpoint value, a
// branch switch, a seek) is a history entry, so the browser's back and forward move through the
// debugging session; single steps replace the entry instead of piling up. A link with `at`
// opens paused and seeks there once its scenario is loaded (a shared script link never runs by
// itself, so it ignores `at` until the user presses Run).
import { isIdle, type AppStore } from './store/createAppStore';
import { NO_FOCUS, parseFocus, sameFocus, withFocus, type Focus } from './store/focusUrl';
import type { AppState } from './store/types';

function focusOf(s: AppState): Focus {
  return {
    at: s.cursor === 0 ? null : s.cursor,
    thread: s.selectedThread,
    bp: s.focusBreakpoint,
    branch: s.currentBranch,
  };
}

export function startFocusHistory(store: AppStore, win: Window): void {
  const { location: loc, history } = win;
  const start = parseFocus(loc.search);
  if (start.problems.length > 0) {
    store.setState((st) => ({
      errors: [
        ...st.errors,
        ...start.problems.map((p, i) => ({
          id: -100 - i,
          kind: 'load' as const,
          message: `in the address: ${p}`,
          file: null,
          line: null,
          column: null,
          thread: null,
          at: 0,
        })),
      ],
    }));
  }
  /** A focus to apply once the run is ready (from the address, or back / forward). */
  let wanted: Focus | null = loc.hash.startsWith('#code/') ? null : start.focus;
  if (wanted !== null && sameFocus(wanted, NO_FOCUS)) wanted = null;
  /** What the address says now. */
  let written: Focus = start.focus;
  /** The first settled moment of a new run replaces the entry (the load made it). */
  let fresh = true;
  let applying = false;

  const apply = (f: Focus): void => {
    const s = store.getState();
    applying = true;
    if (
      f.branch !== null &&
      f.branch !== s.currentBranch &&
      s.branches.some((b) => b.id === f.branch)
    )
      s.switchBranch(f.branch);
    if ((f.at ?? 0) !== s.cursor) s.seek(f.at ?? 0);
    if (f.thread !== s.selectedThread) s.selectThread(f.thread);
    if (f.bp !== s.focusBreakpoint) s.setFocusBreakpoint(f.bp);
  };

  store.subscribe((now, before) => {
    if (now.loadState !== 'ready' || now.running) {
      if (now.loadState === 'loading' && before.loadState !== 'loading') fresh = true;
      return;
    }
    if (!isIdle(store)) return;
    if (wanted !== null) {
      const f = wanted;
      wanted = null;
      apply(f);
      return;
    }
    const f = focusOf(now);
    if (sameFocus(f, written)) {
      applying = false;
      return;
    }
    const small =
      f.thread === written.thread &&
      f.bp === written.bp &&
      f.branch === written.branch &&
      Math.abs((f.at ?? 0) - (written.at ?? 0)) <= 1;
    const url = `${loc.pathname}${withFocus(loc.search, f)}${loc.hash}`;
    if (fresh || small || applying) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    written = f;
    fresh = false;
    applying = false;
  });

  win.addEventListener('popstate', () => {
    const f = parseFocus(loc.search).focus;
    written = f;
    if (store.getState().loadState === 'ready') apply(f);
    else wanted = f;
  });
}
