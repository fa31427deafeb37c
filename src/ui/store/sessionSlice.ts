// Which scenario is loaded and on what machine; loading sends the source to the worker.
import type { StoreApi } from 'zustand/vanilla';
import { EventLog } from '../../projection/eventLog';
import type { ConfigOverrides } from '../../sim/config';
import type { SimClient } from '../../worker/simClient';
import { emptyDebugState } from './debugSlice';
import type { ScenarioEntry } from './scenarioList';
import type { AppState, LoadOptions, SessionSlice } from './types';

type Set = StoreApi<AppState>['setState'];
type Get = StoreApi<AppState>['getState'];

export function createSessionSlice(
  set: Set,
  get: Get,
  client: SimClient,
  scenarios: ScenarioEntry[],
): SessionSlice {
  const load = (
    source: string,
    file: string,
    scenarioId: string | null,
    overrides: ConfigOverrides,
    opts: LoadOptions,
  ): void => {
    set((s) => ({
      scenarioId,
      source,
      file,
      overrides,
      loadState: 'loading',
      errors: [],
      stop: null,
      // A run request goes out with the load: the page counts as running until it stops.
      running: opts.run === true,
      cursor: 0,
      total: 0,
      projection: null,
      timeline: null,
      log: new EventLog(),
      logVersion: s.logVersion + 1,
      pending: s.pending + 1 + (opts.run ? 1 : 0),
      // A new run: its own hit counts, logpoint values and branches (the breakpoints and
      // logpoints themselves stay, and the load re-applies them).
      ...emptyDebugState(),
    }));
    const { logpoints } = get();
    client.send({
      type: 'load',
      source,
      file,
      overrides,
      ...(logpoints.length > 0 ? { logpoints } : {}),
    });
    if (opts.run) client.send({ type: 'run' });
  };
  return {
    scenarios,
    scenarioId: null,
    source: '',
    file: '',
    overrides: {},
    scenario: null,
    config: null,
    description: null,
    platforms: [],
    loadState: 'idle',
    errors: [],
    restarts: 0,
    openScenario(id, overrides = {}, opts = {}) {
      const entry = get().scenarios.find((s) => s.id === id);
      if (entry === undefined) {
        set((s) => ({
          errors: [
            ...s.errors,
            {
              id: s.errors.length + 1,
              kind: 'load',
              message: `there is no built-in scenario '${id}'`,
              file: null,
              line: null,
              column: null,
              thread: null,
              at: 0,
            },
          ],
        }));
        return;
      }
      load(entry.source, entry.file, entry.id, overrides, opts);
    },
    loadSource(source, file, overrides = {}, opts = {}) {
      load(source, file, null, overrides, opts);
    },
    setMachine(change) {
      // The machine runs the editor's text, as every run control does.
      get().loadDraft({ ...get().overrides, ...change }, { run: true });
    },
    clearErrors() {
      set({ errors: [] });
    },
  };
}
