// The app store: a vanilla zustand store from slices, made by a factory so tests (and a second
// view of another run, later) get their own (style.md §3.5). Bound to React in AppStoreProvider.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { EventLog } from '../../projection/eventLog';
import type { SimClient } from '../../worker/simClient';
import { MessageIntake, type Scheduler } from './messageIntake';
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
    ...createPlaybackSlice(set, get, tracked),
    ...createSelectionSlice(set),
    projection: null,
    log: new EventLog(),
    timeline: null,
    logVersion: 0,
  }));
  intake.attach(store);
  return Object.assign(store, { drained: () => intake.drained, client: tracked });
}

/** The idle signal: nothing running, nothing pending, nothing left to apply. */
export function isIdle(store: AppStore): boolean {
  const s = store.getState();
  return !s.running && s.pending === 0 && s.loadState !== 'loading' && store.drained();
}
