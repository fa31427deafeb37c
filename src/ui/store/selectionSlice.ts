// What the user picked to look at: a thread, a cache line, a process, a tab.
import type { StoreApi } from 'zustand/vanilla';
import type { AppState, SelectionSlice } from './types';

type Set = StoreApi<AppState>['setState'];

export function createSelectionSlice(set: Set): SelectionSlice {
  return {
    selectedThread: null,
    selectedLine: null,
    selectedProcess: null,
    bottomTab: 'lines',
    helpOpen: false,
    selectThread: (selectedThread) => set({ selectedThread }),
    selectLine: (selectedLine) => set({ selectedLine }),
    selectProcess: (selectedProcess) => set({ selectedProcess }),
    setBottomTab: (bottomTab) => set({ bottomTab }),
    setHelpOpen: (helpOpen) => set({ helpOpen }),
  };
}
