// The debugging focus in the address (focusHistory.ts): moments become history entries once
// they settle, so a burst of seeks (scrubbing) leaves one entry, and back wins over a moment not
// written yet.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { startFocusHistory } from './focusHistory';
import type { AppStore } from './store/createAppStore';
import type { AppState } from './store/types';

function fakeWindow() {
  const entries = ['/?scenario=echo'];
  let at = 0;
  const listeners = new Map<string, () => void>();
  const loc = { pathname: '/', search: '?scenario=echo', hash: '' };
  const go = (url: string) => {
    loc.search = url.slice(1);
  };
  const win = {
    location: loc,
    history: {
      pushState: (_: unknown, __: string, url: string) => {
        entries.splice(at + 1, entries.length, url);
        at++;
        go(url);
      },
      replaceState: (_: unknown, __: string, url: string) => {
        entries[at] = url;
        go(url);
      },
    },
    addEventListener: (type: string, f: () => void) => listeners.set(type, f),
  };
  const back = () => {
    at--;
    go(entries[at]!);
    listeners.get('popstate')?.();
  };
  return { win: win as unknown as Window, entries, back };
}

function fakeStore(): AppStore {
  const state = {
    loadState: 'ready',
    running: false,
    pending: 0,
    cursor: 0,
    selectedThread: null,
    focusBreakpoint: null,
    currentBranch: null,
    branches: [],
    errors: [],
  } as unknown as AppState;
  const store = createStore<AppState>(() => state);
  const seek = (i: number) => store.setState({ cursor: i });
  store.setState({ seek } as Partial<AppState>);
  return Object.assign(store, { drained: () => true }) as unknown as AppStore;
}

describe('the focus in the address', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('a burst of seeks becomes one history entry, written once the cursor settles', () => {
    const { win, entries } = fakeWindow();
    const store = fakeStore();
    startFocusHistory(store, win);
    store.setState({ cursor: 40 });
    vi.advanceTimersByTime(1_000);
    for (const at of [100, 900, 5_000, 7_000]) {
      store.setState({ cursor: at });
      vi.advanceTimersByTime(50);
    }
    expect(entries).toEqual(['/?scenario=echo&at=40']);
    vi.advanceTimersByTime(1_000);
    expect(entries).toEqual(['/?scenario=echo&at=40', '/?scenario=echo&at=7000']);
  });

  it('back wins over a moment not written yet', () => {
    const { win, entries, back } = fakeWindow();
    const store = fakeStore();
    startFocusHistory(store, win);
    store.setState({ cursor: 40 });
    vi.advanceTimersByTime(1_000);
    store.setState({ cursor: 90 });
    vi.advanceTimersByTime(1_000);
    store.setState({ cursor: 300 });
    back();
    vi.advanceTimersByTime(1_000);
    expect(store.getState().cursor).toBe(40);
    expect(entries).toEqual(['/?scenario=echo&at=40', '/?scenario=echo&at=90']);
  });
});
