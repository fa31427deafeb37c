// The teaching side of the app in one small store beside the app's: the lesson being played and
// where it is, the lessons menu, presenter mode and the theme. The lesson player (lessonPlayer.ts)
// moves it by watching the app store; views read it through useTeaching.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Lesson, ViewName } from './lessonFormat';

export type StepStatus =
  /** The step's scenario is loading. */
  | 'loading'
  /** Waiting for the learner to predict. */
  | 'asking'
  /** The run plays until the step's event. */
  | 'playing'
  /** The event happened; the cursor is being put just after it. */
  | 'settling'
  /** Waiting for the learner to select something. */
  | 'waiting'
  /** The step is over: Next goes on. */
  | 'reached'
  | 'failed';

export interface StepRun {
  status: StepStatus;
  /** Cursor when the step began. */
  start: number;
  /** Index of the event that ended the step. */
  matched: number | null;
  /** The learner's prediction; null when they skipped it. */
  picked: string | null;
  /** The run's answer, once revealed. */
  answer: string | null;
  correct: boolean | null;
  problem: string | null;
}

export type Theme = 'dark' | 'light';

/** The app inside an iframe (`?embed=1`): which views, and whether controls and the editor show. */
export interface EmbedOptions {
  views: ViewName[];
  controls: boolean;
  editor: boolean;
  /** Origins allowed to drive it by postMessage; null allows any parent (replies go to it only). */
  origins: string[] | null;
}

export interface TeachingState {
  lesson: Lesson | null;
  step: number;
  run: StepRun;
  /** The lesson is over (its last step reached and Next pressed). */
  finished: boolean;
  menuOpen: boolean;
  presenter: boolean;
  /** Views the presenter picked; null follows the lesson's step (or the default set). */
  presenterViews: ViewName[] | null;
  theme: Theme;
  embed: EmbedOptions | null;
}

export const NEW_RUN: StepRun = {
  status: 'loading',
  start: 0,
  matched: null,
  picked: null,
  answer: null,
  correct: null,
  problem: null,
};

export type TeachingStore = StoreApi<TeachingState>;

export function createTeachingStore(
  theme: Theme,
  embed: EmbedOptions | null = null,
): TeachingStore {
  return createStore<TeachingState>()(() => ({
    lesson: null,
    step: 0,
    run: NEW_RUN,
    finished: false,
    menuOpen: false,
    presenter: false,
    presenterViews: null,
    theme,
    embed,
  }));
}
