// Run, pause, step, seek, speed and breakpoints: each is a request to the worker, which answers
// with events, a snapshot and `done`; `pending` counts the requests not yet done.
import type { StoreApi } from 'zustand/vanilla';
import { sameBreakpoint } from '../../projection/breakpoints';
import type { Request } from '../../protocol/messages';
import type { SimClient } from '../../worker/simClient';
import type { AppState, PlaybackSlice } from './types';

type Set = StoreApi<AppState>['setState'];
type Get = StoreApi<AppState>['getState'];

export const DEFAULT_SPEED = 100;

/** Stops after which the run cannot go on: Run starts it again. */
const ENDED: ReadonlySet<string> = new Set(['idle', 'logFull', 'maxCycles', 'maxEvents']);

export function createPlaybackSlice(set: Set, get: Get, client: SimClient): PlaybackSlice {
  const send = (r: Request): void => {
    set((s) => ({ pending: s.pending + 1 }));
    client.send(r);
  };
  const ready = (): boolean => get().loadState === 'ready';
  return {
    running: false,
    cursor: 0,
    total: 0,
    now: 0,
    speed: DEFAULT_SPEED,
    stop: null,
    breakpoints: [],
    pending: 0,
    run() {
      const s = get();
      if (s.running || s.draftErrors > 0) return;
      // The scenario is the editor's text: run it, not a copy loaded before the last edit.
      if (!s.draftIsLoaded()) return s.loadDraft(undefined, { run: true });
      // At the end of a finished or full run, Run starts it again.
      if (s.stop !== null && ENDED.has(s.stop.reason) && s.cursor === s.total)
        return s.loadDraft(undefined, { run: true });
      if (!ready()) return;
      set({ running: true, stop: null });
      send({ type: 'run' });
    },
    pause() {
      if (!get().running) return;
      send({ type: 'pause' });
    },
    continueRun(direction) {
      if (!ready() || get().running) return;
      // Forward runs at full speed to the next hit; back is a lookup (src/worker/debug).
      if (direction === 1) set({ running: true, stop: null });
      send({ type: 'continue', direction });
    },
    toggleRun() {
      if (get().running) get().pause();
      else get().run();
    },
    step(unit, direction) {
      if (!ready()) return;
      send({ type: 'step', unit, direction });
    },
    seek(index) {
      if (!ready()) return;
      send({ type: 'seek', index });
    },
    setSpeed(speed) {
      set({ speed });
      send({ type: 'setSpeed', eventsPerSecond: speed });
    },
    toggleBreakpoint(b) {
      const has = get().breakpoints.some((x) => sameBreakpoint(x, b));
      const breakpoints = has
        ? get().breakpoints.filter((x) => !sameBreakpoint(x, b))
        : [...get().breakpoints, b];
      set({ breakpoints });
      send({ type: 'setBreakpoints', breakpoints });
    },
  };
}
