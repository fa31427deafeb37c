// The app store's shape: one zustand store built from slices (style.md §3.5). Views read it
// through narrow selectors; the worker's messages reach it once per animation frame.
import type { Breakpoint, StepUnit } from '../../projection/breakpoints';
import type { EventLog } from '../../projection/eventLog';
import type { TimelineModel } from '../../projection/timeline';
import type { MachineDescription, Projection } from '../../projection/types';
import type { ErrorKind, PlatformInfo, StopReason } from '../../protocol/messages';
import type { ConfigOverrides, RunConfig } from '../../sim/config';
import type { ScenarioEntry } from './scenarioList';

export interface AppError {
  id: number;
  kind: ErrorKind;
  message: string;
  file: string | null;
  line: number | null;
  column: number | null;
  thread: string | null;
  /** The cursor when it was reported. */
  at: number;
}

export interface LoadOptions {
  /** Start running once loaded (the machine menu re-runs; a shared link never does). */
  run?: boolean;
}

export interface SessionSlice {
  scenarios: ScenarioEntry[];
  /** Built-in scenario shown, or null for a source from elsewhere. */
  scenarioId: string | null;
  source: string;
  file: string;
  /** Machine settings the user chose; they override the scenario's own. */
  overrides: ConfigOverrides;
  scenario: { file: string; name: string; description: string } | null;
  config: RunConfig | null;
  description: MachineDescription | null;
  platforms: PlatformInfo[];
  loadState: 'idle' | 'loading' | 'ready' | 'failed';
  errors: AppError[];
  /** Times the watchdog restarted the worker. */
  restarts: number;
  openScenario: (id: string, overrides?: ConfigOverrides, opts?: LoadOptions) => void;
  loadSource: (
    source: string,
    file: string,
    overrides?: ConfigOverrides,
    opts?: LoadOptions,
  ) => void;
  /** Change the machine (platform, cores, kernel images, MCS, seed) and re-run. */
  setMachine: (change: ConfigOverrides) => void;
  clearErrors: () => void;
}

/** The editor's text: the scenario every run control runs. */
export interface Draft {
  text: string;
  /** The text as last opened or downloaded: edits are the difference. */
  baseline: string | null;
  /** The name errors are reported against (an example's file, an opened file's name). */
  file: string;
  exampleId: string | null;
  /** Bumped by each replacement from outside the editor; 0 = the editor has had no text yet. */
  version: number;
}

export interface DraftSlice {
  draft: Draft;
  /** Compile errors in the draft (Run waits until there are none). */
  draftErrors: number;
  /** The editor's text changed under the user's hands: the store follows, the editor is not told. */
  editDraft: (text: string) => void;
  /** Replace the editor's text from outside; the caller has asked the user first. */
  replaceDraft: (doc: Omit<Draft, 'version'>) => void;
  markDraftSaved: () => void;
  setDraftErrors: (n: number) => void;
  /** Put a built-in scenario in the editor and load it (the caller has asked first). */
  openExample: (id: string, overrides?: ConfigOverrides, opts?: LoadOptions) => void;
  /** Load the draft into the machine (with no draft yet: what is loaded, again). */
  loadDraft: (overrides?: ConfigOverrides, opts?: LoadOptions) => void;
  /** Whether the machine holds the draft's text. */
  draftIsLoaded: () => boolean;
}

export interface PlaybackSlice {
  running: boolean;
  /** Events applied: the views show the state after event cursor - 1. */
  cursor: number;
  /** Events in the log (the run may be ahead of the cursor). */
  total: number;
  /** Simulated time of the last logged event. */
  now: number;
  /** Events per second while running; null = as fast as possible. */
  speed: number | null;
  stop: { reason: StopReason; detail: string } | null;
  breakpoints: Breakpoint[];
  /** Requests sent and not yet done. */
  pending: number;
  run: () => void;
  pause: () => void;
  toggleRun: () => void;
  /** Continue to the next (1) or back to the previous (-1) hit of any enabled breakpoint. */
  continueRun: (direction: 1 | -1) => void;
  step: (unit: StepUnit, direction: 1 | -1) => void;
  seek: (index: number) => void;
  setSpeed: (speed: number | null) => void;
  toggleBreakpoint: (b: Breakpoint) => void;
}

export interface SimSlice {
  /** The machine at the cursor. */
  projection: Projection | null;
  /** The page's mirror of the worker's log (mutable; logVersion changes when it grows). */
  log: EventLog;
  timeline: TimelineModel | null;
  logVersion: number;
}

export type BottomTab = 'lines' | 'namespace' | 'console' | 'trace' | 'narration' | 'sweep';

export interface SelectionSlice {
  selectedThread: string | null;
  selectedLine: string | null;
  selectedProcess: string | null;
  bottomTab: BottomTab;
  helpOpen: boolean;
  selectThread: (name: string | null) => void;
  selectLine: (name: string | null) => void;
  selectProcess: (name: string | null) => void;
  setBottomTab: (tab: BottomTab) => void;
  setHelpOpen: (open: boolean) => void;
}

export type AppState = SessionSlice & DraftSlice & PlaybackSlice & SimSlice & SelectionSlice;
