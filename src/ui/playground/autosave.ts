// Nothing lost: the editor's text and machine settings are saved in localStorage a moment after each
// change (and at once when the page hides), and come back after a reload or a crash of the page.
// The worker never holds the text, so restarting it loses nothing either. Storage that refuses
// (quota, private mode, disabled) is reported to the caller, never thrown.
import type { SharedConfig } from './shareLink';

/** Versioned so that a change of shape never misreads an older entry. */
export const AUTOSAVE_KEY = 'ipcscope.playground.v1';
export const AUTOSAVE_DELAY_MS = 400;
/** The text a replacement the user did not confirm (a share link at start) pushed out. */
export const REPLACED_KEY = 'ipcscope.playground.replaced.v1';

export interface SavedWork {
  source: string;
  /** The machine settings chosen over the scenario's own (platform, cores, seed, ...). */
  overrides?: Partial<SharedConfig>;
  /** The file name errors are reported against (an example's, an opened file's). */
  file?: string;
  /** The example the text started from, if any. */
  scenarioId?: string;
  /** Text as it was opened (example, file or link), to tell whether there are edits. */
  baseline?: string;
  /** Wall-clock ms of the save (for "restored work from ..."). */
  savedAt: number;
}

export type StorageProblem = { op: 'save' | 'restore' | 'clear'; message: string };

export interface AutosaveOptions {
  /** null when the browser offers no storage at all. */
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  /** Where in the storage; default AUTOSAVE_KEY. */
  key?: string;
  delayMs?: number;
  now?: () => number;
  /** Called once per failing operation; the editor keeps working without storage. */
  onProblem?: (p: StorageProblem) => void;
}

export interface Autosave {
  /** Save this work after the delay, replacing any save still pending. */
  schedule: (work: Omit<SavedWork, 'savedAt'>) => void;
  /** Write the pending save now (page hide, before a risky action); returns whether it stuck. */
  flush: () => boolean;
  /** The saved work, or null if there is none or it cannot be read. */
  restore: () => SavedWork | null;
  clear: () => void;
  /** Cancel the pending save without writing it. */
  dispose: () => void;
}

/** localStorage, or null where touching it throws (sandboxed frames, some private modes). */
export function getBrowserStorage(): Storage | null {
  try {
    const s = globalThis.localStorage;
    return s ?? null;
  } catch {
    return null;
  }
}

function describe(e: unknown): string {
  if (e instanceof DOMException && (e.name === 'QuotaExceededError' || e.code === 22)) {
    return 'the browser storage is full';
  }
  return e instanceof Error ? e.message : String(e);
}

function isSavedWork(x: unknown): x is SavedWork {
  if (typeof x !== 'object' || x === null) return false;
  const w = x as Record<string, unknown>;
  return typeof w.source === 'string' && typeof w.savedAt === 'number';
}

export function createAutosave(opts: AutosaveOptions): Autosave {
  const { storage, delayMs = AUTOSAVE_DELAY_MS, now = () => Date.now(), onProblem } = opts;
  const key = opts.key ?? AUTOSAVE_KEY;
  let pending: Omit<SavedWork, 'savedAt'> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const problem = (op: StorageProblem['op'], message: string) => onProblem?.({ op, message });
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const flush = (): boolean => {
    cancel();
    if (pending === null) return true;
    const work: SavedWork = { ...pending, savedAt: now() };
    pending = null;
    if (storage === null) {
      problem('save', 'this browser offers no local storage: download the file to keep it');
      return false;
    }
    try {
      storage.setItem(key, JSON.stringify(work));
      return true;
    } catch (e) {
      problem('save', `could not save locally (${describe(e)}): download the file to keep it`);
      return false;
    }
  };

  return {
    schedule(work) {
      pending = work;
      cancel();
      timer = setTimeout(flush, delayMs);
    },
    flush,
    restore() {
      if (storage === null) return null;
      let text: string | null;
      try {
        text = storage.getItem(key);
      } catch (e) {
        problem('restore', `could not read the saved work (${describe(e)})`);
        return null;
      }
      if (text === null) return null;
      try {
        const parsed: unknown = JSON.parse(text);
        if (isSavedWork(parsed)) return parsed;
      } catch {
        // Falls through to the report below.
      }
      problem('restore', 'the saved work is unreadable and was ignored');
      return null;
    },
    clear() {
      cancel();
      pending = null;
      try {
        storage?.removeItem(key);
      } catch (e) {
        problem('clear', describe(e));
      }
    },
    dispose: () => {
      cancel();
      pending = null;
    },
  };
}
