// The app store: a vanilla zustand store from slices, made by a factory so tests (and a second
// view of another run, later) get their own (style.md §3.5). Bound to React in AppStoreProvider.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { EventLog } from '../../projection/eventLog';
import type { RunFileFormat } from '../../protocol/messages';
import type { SimClient } from '../../worker/simClient';
import { MessageIntake, type Scheduler } from './messageIntake';
import { createDebugSlice } from './debugSlice';
import { createDraftSlice } from './draftSlice';
import { createPlaybackSlice } from './playbackSlice';
import { builtInScenarios, type ScenarioEntry } from './scenarioList';
import { createSelectionSlice } from './selectionSlice';
import { createSessionSlice } from './sessionSlice';
import type { AppState } from './types';

export interface AppStoreOptions {
  /** How to wait for the next frame (tests flush by hand). */
  schedule?: Scheduler;
  scenarios?: ScenarioEntry[];
}

export interface AppStore extends StoreApi<AppState> {
  /** True when every message from the worker has been applied. */
  readonly drained: () => boolean;
  /** The loaded run as the CLI's --events or --trace file (the worker re-runs it from the start). */
  readonly exportRun: (format: RunFileFormat) => Promise<string>;
  /** The engine (views with their own requests and replies, like the debugger, use it). */
  readonly client: SimClient;
}

export function createAppStore(client: SimClient, opts: AppStoreOptions = {}): AppStore {
  const intake = new MessageIntake(
    client,
    opts.schedule ?? ((f) => requestAnimationFrame(() => f())),
  );
  // Load requests go through here so the intake knows which reply starts the new run.
  const tracked: SimClient = {
    send(r) {
      const seq = client.send(r);
      if (r.type === 'load') intake.expectLoad(seq);
      return seq;
    },
    subscribe: (l) => client.subscribe(l),
    dispose: () => client.dispose(),
  };
  const store = createStore<AppState>()((set, get) => ({
    ...createSessionSlice(set, get, tracked, opts.scenarios ?? builtInScenarios()),
    ...createDraftSlice(set, get),
    ...createPlaybackSlice(set, get, tracked),
    ...createSelectionSlice(set),
    ...createDebugSlice(set, get, tracked),
    projection: null,
    log: new EventLog(),
    timeline: null,
    logVersion: 0,
  }));
  intake.attach(store);
  const exportRun = (format: RunFileFormat): Promise<string> =>
    new Promise((resolve, reject) => {
      store.setState((st) => ({ pending: st.pending + 1 }));
      let seq = -1;
      const off = client.subscribe((m) => {
        if (m.seq !== seq) return;
        if (m.type === 'runFile') {
          off();
          resolve(m.text);
        } else if (m.type === 'error' || (m.type === 'stopped' && m.reason === 'error')) {
          off();
          reject(new Error('message' in m ? m.message : m.detail));
        }
      });
      seq = tracked.send({ type: 'exportRun', format });
    });
  return Object.assign(store, { drained: () => intake.drained, exportRun, client: tracked });
}

/** The idle signal: nothing running, nothing pending, nothing left to apply. */
export function isIdle(store: AppStore): boolean {
  const s = store.getState();
  return !s.running && s.pending === 0 && s.loadState !== 'loading' && store.drained();
}
