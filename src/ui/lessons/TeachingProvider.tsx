// Binds the teaching store and the lesson player to React, beside the app store's provider.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { LessonPlayer } from './lessonPlayer';
import type { TeachingState, TeachingStore } from './teachingStore';

export interface Teaching {
  store: TeachingStore;
  player: LessonPlayer;
}

const TeachingContext = createContext<Teaching | null>(null);

export function TeachingProvider({
  teaching,
  children,
}: {
  teaching: Teaching;
  children: ReactNode;
}) {
  return <TeachingContext.Provider value={teaching}>{children}</TeachingContext.Provider>;
}

export function useTeachingApi(): Teaching {
  const t = useContext(TeachingContext);
  if (t === null) throw new Error('useTeaching outside TeachingProvider');
  return t;
}

export function useTeaching<T>(selector: (s: TeachingState) => T): T {
  return useStore(useTeachingApi().store, selector);
}
