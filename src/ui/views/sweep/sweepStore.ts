// The sweep panel's state, outside the app store: a sweep goes on (and its result stays) while
// the user looks at another tab or opens one of its points in the main views. Made by a factory
// so a test can give it workers of its own; the app uses one, with the browser's Web Workers.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SweepRow } from '../../../lib/sweepRow';
import {
  poolSize,
  runSweepPool,
  type PartialRows,
  type SpawnSweepWorker,
  type SweepPoolRun,
} from '../../../worker/sweep/sweepPool';
import type { SweepForm, SweepRequest } from './sweepForm';

export type SweepStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface SweepState {
  status: SweepStatus;
  request: SweepRequest | null;
  /** The scenario the sweep ran (the editor's text when it started) and its file name. */
  source: string;
  file: string;
  rows: PartialRows;
  done: number;
  total: number;
  workers: number;
  startedAt: number;
  elapsedMs: number;
  message: string | null;
  /** The point last opened in the main views. */
  opened: number | null;
  /** The form as the user left it, and the scenario it was made for. */
  form: SweepForm | null;
  formFor: string;
  setForm(form: SweepForm, formFor?: string): void;
  start(request: SweepRequest, source: string, file: string): void;
  cancel(): void;
  setOpened(index: number | null): void;
}

export interface SweepStoreOptions {
  spawn: SpawnSweepWorker;
  /** navigator.hardwareConcurrency, or undefined where it is not known. */
  concurrency: number | undefined;
  now: () => number;
}

export function createSweepStore(opts: SweepStoreOptions): StoreApi<SweepState> {
  let current: SweepPoolRun | null = null;
  return createStore<SweepState>()((set, get) => ({
    status: 'idle',
    request: null,
    source: '',
    file: '',
    rows: [],
    done: 0,
    total: 0,
    workers: 0,
    startedAt: 0,
    elapsedMs: 0,
    message: null,
    opened: null,
    form: null,
    formFor: '',
    setForm(form, formFor = get().formFor) {
      set({ form, formFor });
    },
    start(request, source, file) {
      current?.cancel();
      const total = request.points.length;
      const workers = poolSize(opts.concurrency, total);
      const startedAt = opts.now();
      set({
        status: 'running',
        request,
        source,
        file,
        rows: new Array<SweepRow | undefined>(total),
        done: 0,
        total,
        workers,
        startedAt,
        elapsedMs: 0,
        message: null,
        opened: null,
      });
      const run = runSweepPool(
        { source, file, limits: { maxCycles: request.maxCycles } },
        request.points,
        {
          size: workers,
          spawn: opts.spawn,
          onRow: (row, index, done) => {
            if (current !== run) return;
            const rows = [...get().rows];
            rows[index] = row;
            set({ rows, done, elapsedMs: opts.now() - startedAt });
          },
        },
      );
      current = run;
      void run.result.then((o) => {
        if (current !== run) return;
        current = null;
        set({
          status: o.kind,
          elapsedMs: opts.now() - startedAt,
          message: o.kind === 'failed' ? o.message : null,
        });
      });
    },
    cancel() {
      current?.cancel();
    },
    setOpened(opened) {
      set({ opened });
    },
  }));
}
