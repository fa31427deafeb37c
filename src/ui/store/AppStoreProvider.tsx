// Binds the vanilla store to React at the edge (style.md §3.5): a context holds the store, and
// useAppStore(selector) subscribes a component to exactly what the selector returns.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppStore } from './createAppStore';
import type { AppState } from './types';

const StoreContext = createContext<AppStore | null>(null);

export function AppStoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useAppStore outside AppStoreProvider');
  return store;
}

/** Subscribe to one slice of state; re-renders only when the selected value changes (Object.is). */
export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}

/**
 * The store's actions (stable functions that never change). Read no data through this: it does
 * not subscribe, so the component would not re-render when the data changes.
 */
export function useActions(): Pick<
  AppState,
  | 'openScenario'
  | 'openExample'
  | 'editDraft'
  | 'replaceDraft'
  | 'markDraftSaved'
  | 'setDraftErrors'
  | 'loadDraft'
  | 'loadSource'
  | 'setMachine'
  | 'clearErrors'
  | 'run'
  | 'pause'
  | 'toggleRun'
  | 'continueRun'
  | 'step'
  | 'seek'
  | 'setSpeed'
  | 'toggleBreakpoint'
  | 'selectThread'
  | 'selectLine'
  | 'selectProcess'
  | 'setBottomTab'
  | 'setHelpOpen'
> {
  return useAppStoreApi().getState();
}
