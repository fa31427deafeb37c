// The room-sized layout shared by presenter mode and the embedded app: only the chosen views, in
// a grid that fills the screen, the lesson beside them when one is playing, and the current
// step's narration with a few large playback controls underneath.
import type { ReactNode } from 'react';
import type { ViewName } from '../lessons/lessonFormat';
import { LessonPanel } from '../lessons/LessonPanel';
import { useNarration } from '../narration/useNarration';
import { useActions, useAppStore } from '../store/AppStoreProvider';
import { renderView } from './viewRegistry';
import './presenter.css';

export function StageControls() {
  const ready = useAppStore((s) => s.loadState === 'ready');
  const running = useAppStore((s) => s.running);
  const cursor = useAppStore((s) => s.cursor);
  const total = useAppStore((s) => s.total);
  const { step, toggleRun } = useActions();
  return (
    <div className="stage-controls" data-testid="stage-controls">
      <button
        disabled={!ready || cursor === 0}
        onClick={() => step('entry', -1)}
        aria-label="Step back one kernel entry"
        title="Step back one kernel entry (PageUp without a lesson)"
      >
        ◂
      </button>
      <button className="primary" disabled={!ready} onClick={toggleRun} data-testid="stage-run">
        {running ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button
        disabled={!ready}
        onClick={() => step('entry', 1)}
        aria-label="Step one kernel entry"
        title="Step one kernel entry (PageDown without a lesson)"
      >
        ▸
      </button>
      <span className="mono muted" data-testid="stage-position">
        event {cursor} of {total}
      </span>
    </div>
  );
}

function NarrationStrip() {
  const { current } = useNarration();
  return (
    <p className="stage-narration" data-testid="stage-narration">
      {current?.text ?? 'Press Play (.) or step to begin.'}
    </p>
  );
}

export function Stage({
  views,
  lesson,
  controls,
  top,
  className,
}: {
  views: ViewName[];
  lesson: boolean;
  controls: boolean;
  top?: ReactNode;
  className?: string;
}) {
  const n = views.length;
  const cols = n <= 1 ? 1 : n <= 4 ? 2 : 3;
  return (
    <div className={`stage ${className ?? ''}`} data-testid="stage">
      {top}
      <div className={`stage-main${lesson ? ' with-lesson' : ''}`}>
        {lesson && <LessonPanel />}
        <div
          className="stage-views"
          style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))` }}
          data-views={views.join(' ')}
        >
          {views.map((v) => (
            <div key={v} className="stage-pane">
              {renderView(v)}
            </div>
          ))}
        </div>
      </div>
      <footer className="stage-foot">
        <NarrationStrip />
        {controls && <StageControls />}
      </footer>
    </div>
  );
}
