// The app's one sweep store, on the browser's Web Workers, and its React hook.
import { useStore } from 'zustand';
import { spawnBrowserSweepWorker } from '../../../worker/sweep/browserSweepWorker';
import { createSweepStore, type SweepState } from './sweepStore';

let store: ReturnType<typeof createSweepStore> | null = null;

export function sweepStore(): ReturnType<typeof createSweepStore> {
  store ??= createSweepStore({
    spawn: spawnBrowserSweepWorker,
    concurrency: typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : undefined,
    now: () => performance.now(),
  });
  return store;
}

export function useSweep<T>(select: (s: SweepState) => T): T {
  return useStore(sweepStore(), select);
}
