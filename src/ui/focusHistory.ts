// The debugging focus in the address (store/focusUrl.ts), kept in step with the store: each
// moment the debugger lands on (a breakpoint hit, a jump to a divergence or a logpoint value, a
// branch switch, a seek) is a history entry once it settles, so the browser's back and forward
// move through the debugging session; single steps replace the entry instead of piling up. A link with `at`
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

/** Quiet time after the last focus change before the address is written. */
const SETTLE_MS = 250;

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

  // The address is written once the focus settles (SETTLE_MS without a change): scrubbing or a
  // burst of seeks makes one history entry, not one per position, and a same-document
  // navigation (which also has the browser fetch the page's icon again) does not sit on every
  // seek's critical path.
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: Focus | null = null;
  /** Some change of the coalesced burst is worth its own history entry. */
  let pendingPush = false;
  const write = (): void => {
    timer = null;
    const f = pending;
    pending = null;
    const push = pendingPush;
    pendingPush = false;
    if (f === null || sameFocus(f, written)) return;
    const url = `${loc.pathname}${withFocus(loc.search, f)}${loc.hash}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    written = f;
  };
  const cancel = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = null;
    pendingPush = false;
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
    const from = pending ?? written;
    if (sameFocus(f, from)) {
      applying = false;
      return;
    }
    const small =
      f.thread === from.thread &&
      f.bp === from.bp &&
      f.branch === from.branch &&
      Math.abs((f.at ?? 0) - (from.at ?? 0)) <= 1;
    if (!(fresh || small || applying)) pendingPush = true;
    pending = f;
    fresh = false;
    applying = false;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(write, SETTLE_MS);
  });
  // Leaving the page keeps the last moment in the address (a reload opens there).
  win.addEventListener('pagehide', () => {
    if (timer !== null) write();
  });

  win.addEventListener('popstate', () => {
    // Back or forward wins over a moment not written yet.
    cancel();
    const f = parseFocus(loc.search).focus;
    written = f;
    if (store.getState().loadState === 'ready') apply(f);
    else wanted = f;
  });
}
