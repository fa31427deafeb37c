// The lesson being played: the step's text, the prediction and its answer from the run, and
// Back / Next. Its status line is a live region, so a screen reader hears each step begin and end.
import { useEffect, useRef } from 'react';
import { describeFilter, type LessonStep } from './lessonFormat';
import { Markdown } from './Markdown';
import type { StepRun } from './teachingStore';
import { useTeaching, useTeachingApi } from './TeachingProvider';
import './lessons.css';

function statusText(step: LessonStep, run: StepRun, finished: boolean): string {
  if (finished) return 'Lesson complete.';
  switch (run.status) {
    case 'loading':
      return 'Loading the scenario…';
    case 'asking':
      return 'Make your prediction: the run will answer it.';
    case 'playing':
    case 'settling':
      return step.until.kind === 'event'
        ? `Playing until ${describeFilter(step.until.filter)}…`
        : 'Playing…';
    case 'waiting':
      return step.until.kind === 'select'
        ? `Select the ${step.until.what} ${step.until.name} in any view to go on.`
        : '';
    case 'reached':
      return run.matched === null
        ? 'Press Next to go on.'
        : `Reached event #${run.matched}. Press Next to go on.`;
    case 'failed':
      return `This step cannot go on: ${run.problem ?? 'unknown problem'}.`;
  }
}

export function LessonPanel() {
  const { player } = useTeachingApi();
  const lesson = useTeaching((s) => s.lesson);
  const index = useTeaching((s) => s.step);
  const run = useTeaching((s) => s.run);
  const finished = useTeaching((s) => s.finished);
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus follows the step for keyboard and screen-reader users (the heading is announced).
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, [index, lesson]);
  if (lesson === null) return null;
  const step = lesson.steps[index]!;
  const revealed = run.status === 'reached' || finished;
  const last = index + 1 === lesson.steps.length;
  return (
    <section className="lesson" data-testid="lesson" aria-label={`Lesson: ${lesson.title}`}>
      <header className="lesson-head">
        <span className="muted">
          Lesson · step {index + 1} of {lesson.steps.length}
        </span>
        <span className="spacer" />
        <button
          onClick={() => player.close()}
          aria-label="Close the lesson"
          title="Close the lesson"
        >
          ×
        </button>
      </header>
      <div className="lesson-body">
        <div className="lesson-title">{lesson.title}</div>
        <h2 ref={heading} tabIndex={-1} data-testid="lesson-step-title">
          {step.title}
        </h2>
        <Markdown text={step.body} />
        {step.ask !== null && (
          <fieldset className="predict" data-testid="predict">
            <legend>{step.ask.question}</legend>
            <div className="choices">
              {step.ask.choices.map((c) => (
                <button
                  key={c}
                  className={`choice${run.picked === c ? ' picked' : ''}`}
                  aria-pressed={run.picked === c}
                  disabled={run.status !== 'asking'}
                  onClick={() => player.pick(c)}
                  data-testid="choice"
                >
                  {c}
                </button>
              ))}
            </div>
            {revealed && run.answer !== null && (
              <p className="answer" data-testid="answer">
                <b>The run says: {run.answer}.</b>{' '}
                {run.correct === true && (
                  <span className="right">✓ Your prediction was right.</span>
                )}
                {run.correct === false && (
                  <span className="wrong">✗ You predicted {run.picked}.</span>
                )}
                {run.correct === null && run.picked === null && (
                  <span className="muted">(No prediction made.)</span>
                )}
              </p>
            )}
          </fieldset>
        )}
        {revealed && step.after !== '' && (
          <div className="lesson-after" data-testid="lesson-after">
            <Markdown text={step.after} />
          </div>
        )}
        {finished && (
          <p className="lesson-done" data-testid="lesson-done">
            ✓ You finished this lesson. Open the Lessons menu (L) for the next one.
          </p>
        )}
      </div>
      <footer className="lesson-foot">
        <p className="lesson-status" role="status" aria-live="polite" data-testid="lesson-status">
          {statusText(step, run, finished)}
        </p>
        <div className="lesson-buttons">
          <button
            onClick={() => player.prev()}
            disabled={index === 0}
            title="Previous step (PageUp)"
          >
            ◂ Back
          </button>
          {run.status === 'playing' && (
            <button onClick={() => player.play()} title="Play the run to this step's event">
              ▶ Play
            </button>
          )}
          <button
            className="primary"
            onClick={() => player.next()}
            disabled={
              finished ||
              run.status === 'loading' ||
              run.status === 'settling' ||
              run.status === 'waiting' ||
              (run.status === 'failed' && last)
            }
            title="Next step (PageDown)"
            data-testid="lesson-next"
          >
            {run.status === 'asking' ? 'Reveal ▸' : last && revealed ? 'Finish ✓' : 'Next ▸'}
          </button>
        </div>
      </footer>
    </section>
  );
}
