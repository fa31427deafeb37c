// useThrottled tied to the run: throttled while the simulation runs, immediate when paused.
import { useAppStore } from '../store/AppStoreProvider';
import type { AppState } from '../store/types';
import { useThrottled } from './useThrottled';

/** Select from the store, updating at most every `ms` while running (immediately when paused). */
export function useRunThrottled<T>(selector: (s: AppState) => T, ms = 500): T {
  const running = useAppStore((s) => s.running);
  return useThrottled(useAppStore(selector), running, ms);
}
