// Run, pause and step (by event, kernel entry or message, both ways), and the speed.
import type { StepUnit } from '../../../projection/breakpoints';
import { useActions, useAppStore } from '../../store/AppStoreProvider';
import { SPEEDS, speedLabel } from './shortcuts';

const STEPS: { unit: StepUnit; label: string; title: string }[] = [
  { unit: 'message', label: 'msg', title: 'message transfer' },
  { unit: 'entry', label: 'entry', title: 'kernel entry' },
  { unit: 'event', label: 'event', title: 'event' },
];

export function PlaybackControls() {
  const ready = useAppStore((s) => s.loadState === 'ready');
  const running = useAppStore((s) => s.running);
  const cursor = useAppStore((s) => s.cursor);
  const speed = useAppStore((s) => s.speed);
  const { toggleRun, step, seek, setSpeed, continueRun } = useActions();
  const atStart = cursor === 0;
  return (
    <div className="toolbar-group" data-testid="playback">
      <button
        disabled={!ready || atStart}
        onClick={() => seek(0)}
        title="Back to the start (Home)"
        aria-label="Back to the start"
      >
        ⇤
      </button>
      {STEPS.map((s) => (
        <button
          key={`back-${s.unit}`}
          disabled={!ready || atStart}
          onClick={() => step(s.unit, -1)}
          title={`Step back one ${s.title}`}
          data-testid={`step-back-${s.unit}`}
        >
          ◂ {s.label}
        </button>
      ))}
      <button
        className="primary"
        disabled={!ready}
        onClick={toggleRun}
        data-testid="run"
        title="Run / pause (Space)"
      >
        {running ? '❚❚ Pause' : '▶ Run'}
      </button>
      {[...STEPS].reverse().map((s) => (
        <button
          key={`fwd-${s.unit}`}
          disabled={!ready}
          onClick={() => step(s.unit, 1)}
          title={`Step one ${s.title}`}
          data-testid={`step-${s.unit}`}
        >
          {s.label} ▸
        </button>
      ))}
      <button
        disabled={!ready || running}
        onClick={() => continueRun(-1)}
        title="Reverse-continue: back to the previous breakpoint hit (Shift+C)"
        aria-label="Reverse-continue"
        data-testid="toolbar-reverse-continue"
      >
        ◂◂
      </button>
      <button
        disabled={!ready || running}
        onClick={() => continueRun(1)}
        title="Continue to the next breakpoint hit (C)"
        aria-label="Continue"
        data-testid="toolbar-continue"
      >
        ▸▸
      </button>
      <select
        aria-label="Speed"
        data-testid="speed"
        value={speed === null ? 'max' : String(speed)}
        title="Events per second while running ([ and ])"
        onChange={(e) => setSpeed(e.target.value === 'max' ? null : Number(e.target.value))}
      >
        {SPEEDS.map((s) => (
          <option key={String(s)} value={s === null ? 'max' : String(s)}>
            {speedLabel(s)}
          </option>
        ))}
      </select>
    </div>
  );
}
