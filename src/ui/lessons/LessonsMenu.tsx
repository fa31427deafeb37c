// The lessons menu (L): every built-in lesson with its progress and a link to it, and a way to
// open a lesson file from disk. A lesson file that does not parse says where and why.
import { useEffect, useRef, useState } from 'react';
import { builtInLessons } from './lessonCatalog';
import { parseLesson, type LessonProblem } from './lessonFormat';
import { readProgress } from './progress';
import { useTeaching, useTeachingApi } from './TeachingProvider';
import './lessons.css';

export function lessonLink(id: string): string {
  return `?lesson=${encodeURIComponent(id)}`;
}

export function LessonsMenu() {
  const { store, player } = useTeachingApi();
  const open = useTeaching((s) => s.menuOpen);
  const [fileProblems, setFileProblems] = useState<{
    file: string;
    problems: LessonProblem[];
  } | null>(null);
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) dialog.current?.querySelector<HTMLElement>('a, button')?.focus();
  }, [open]);
  if (!open) return null;
  const close = () => store.setState({ menuOpen: false });
  const progress = readProgress();
  const lessons = builtInLessons();
  const onFile = async (f: File) => {
    const r = parseLesson(await f.text(), f.name.replace(/\.md$/, ''));
    if (r.lesson === null) setFileProblems({ file: f.name, problems: r.problems });
    else {
      setFileProblems(null);
      player.open(r.lesson);
    }
  };
  return (
    <div className="help-backdrop" onClick={close}>
      <div
        ref={dialog}
        className="help lessons-menu"
        role="dialog"
        aria-modal="true"
        aria-label="Lessons"
        data-testid="lessons-menu"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') close();
        }}
      >
        <header>
          <b>Lessons</b>
          <button onClick={close} aria-label="Close">
            ×
          </button>
        </header>
        <ol className="lesson-list">
          {lessons.map((l) => {
            const p = progress[l.id];
            const mark = p?.done
              ? '✓ done'
              : p
                ? `step ${p.step + 1} of ${p.steps}`
                : 'not started';
            return (
              <li key={l.id} data-testid={`lesson-${l.id}`}>
                {l.lesson === null ? (
                  <>
                    <b>{l.file}</b>
                    <ul className="problems">
                      {l.problems.map((x) => (
                        <li key={`${x.line}${x.message}`}>
                          {l.file}:{x.line}: {x.message}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <>
                    <a
                      href={lessonLink(l.id)}
                      onClick={(e) => {
                        e.preventDefault();
                        player.open(l.lesson!);
                      }}
                    >
                      {l.lesson.title}
                    </a>{' '}
                    <span className={`pill${p?.done ? ' done' : ''}`}>{mark}</span>
                    {p !== undefined && p.asked > 0 && (
                      <span className="muted">
                        {' '}
                        · predictions {p.right}/{p.asked}
                      </span>
                    )}
                    <div className="muted">{l.lesson.summary}</div>
                  </>
                )}
              </li>
            );
          })}
        </ol>
        <label className="lesson-file">
          Open a lesson file (.md):{' '}
          <input
            type="file"
            accept=".md,text/markdown"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void onFile(f);
            }}
          />
        </label>
        {fileProblems !== null && (
          <ul className="problems" role="alert">
            {fileProblems.problems.map((x) => (
              <li key={`${x.line}${x.message}`}>
                {fileProblems.file}:{x.line}: {x.message}
              </li>
            ))}
          </ul>
        )}
        <p className="muted">
          Each lesson has a link you can share (right-click it to copy). The format is in the README
          (“Lessons”); lessons/example.md is a lesson to copy.
        </p>
      </div>
    </div>
  );
}
