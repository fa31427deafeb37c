// The built-in lessons: every lessons/*.md file at the top of the repository, bundled as text and
// parsed once. A lesson that does not parse is listed with its problems, not dropped silently.
import { parseLesson, type Lesson, type LessonProblem } from './lessonFormat';

const files = import.meta.glob<string>('/lessons/*.md', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export interface LessonEntry {
  id: string;
  file: string;
  lesson: Lesson | null;
  problems: LessonProblem[];
}

function idOf(path: string): string {
  // A number in front orders the menu (01-fastpath.md); the id is the rest (fastpath).
  return path
    .slice(path.lastIndexOf('/') + 1)
    .replace(/\.md$/, '')
    .replace(/^\d+-/, '');
}

let cached: LessonEntry[] | null = null;

export function builtInLessons(): LessonEntry[] {
  cached ??= Object.entries(files)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, text]) => {
      const id = idOf(path);
      const r = parseLesson(text, id);
      return { id, file: path.slice(1), lesson: r.lesson, problems: r.problems };
    });
  return cached;
}

export function findLesson(id: string): LessonEntry | undefined {
  return builtInLessons().find((l) => l.id === id);
}
