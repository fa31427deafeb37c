// Lesson progress kept in this browser (localStorage): the furthest step reached, whether the
// lesson was finished, and how many predictions were right. Nothing leaves the machine.
export interface LessonProgress {
  /** Furthest step reached (0-based). */
  step: number;
  steps: number;
  done: boolean;
  right: number;
  asked: number;
}

const KEY = 'ipcscope.lessons.v1';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function readProgress(): Record<string, LessonProgress> {
  const raw = storage()?.getItem(KEY);
  if (!raw) return {};
  try {
    const v = JSON.parse(raw) as unknown;
    return v !== null && typeof v === 'object' ? (v as Record<string, LessonProgress>) : {};
  } catch {
    return {};
  }
}

export function recordProgress(
  id: string,
  update: (p: LessonProgress) => LessonProgress,
  steps: number,
): void {
  const all = readProgress();
  const before = all[id] ?? { step: 0, steps, done: false, right: 0, asked: 0 };
  all[id] = update({ ...before, steps });
  try {
    storage()?.setItem(KEY, JSON.stringify(all));
  } catch {
    // A full or disabled storage only loses the progress marks, never the lesson.
  }
}
