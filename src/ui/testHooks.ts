// A small window.__ipcscope surface for end-to-end tests and benchmarks: an idle signal to wait
// on (never fixed sleeps), read access to the log, and loading a source that is not built in.
import type { SimEvent } from '../sim/simEvents';
import type { ConfigOverrides } from '../sim/config';
import { isIdle, type AppStore } from './store/createAppStore';
import {
  drawnRects,
  drawnSpans,
  drawnView,
  type DrawnRect,
  type DrawnRow,
} from './views/timeline/drawnRecord';

export interface IpcscopeHooks {
  store: AppStore;
  /** Resolves once nothing runs, no request is pending and every message has been applied. */
  waitForIdle(): Promise<void>;
  event(index: number): SimEvent;
  scenarios(): string[];
  /** Opens the source as the editor's text (the draft) and loads it. */
  loadSource(source: string, file: string, overrides?: ConfigOverrides, run?: boolean): void;
  /** The timeline's rows and the spans its last frame drew. */
  timelineSpans(): DrawnRow[];
  /** The timeline's last frame: its time range (cycles) and track scroll (px). */
  timelineView(): { t0: number; t1: number; scrollY: number } | null;
  /** The rectangles the timeline's last frame filled, per row in view (the mix per column). */
  timelineRects(): { kind: string; label: string; rects: DrawnRect[] }[];
}

declare global {
  interface Window {
    __ipcscope?: IpcscopeHooks;
  }
}

export function installTestHooks(store: AppStore): void {
  window.__ipcscope = {
    store,
    waitForIdle() {
      return new Promise((resolve) => {
        const check = (): boolean => {
          if (!isIdle(store)) return false;
          resolve();
          return true;
        };
        if (check()) return;
        const unsubscribe = store.subscribe(() => {
          if (check()) unsubscribe();
        });
      });
    },
    event: (i) => store.getState().log.get(i),
    scenarios: () => store.getState().scenarios.map((s) => s.id),
    timelineSpans: drawnSpans,
    timelineRects: drawnRects,
    timelineView: drawnView,
    loadSource(source, file, overrides = {}, run = false) {
      // As the editor's text, as opening a file does (embedBridge.ts): every run control runs the
      // draft, so a source loaded beside it would be replaced by the draft at the next Run.
      const s = store.getState();
      s.replaceDraft({ text: source, baseline: source, file, exampleId: null });
      s.loadSource(source, file, overrides, { run });
    },
  };
}
