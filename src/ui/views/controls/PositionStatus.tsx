// Where the cursor is (event #i of n, numbered as the inspector numbers events, and simulated
// time) and why the run stopped, with who waits for whom when it ended in a deadlock.
import { useAppStore } from '../../store/AppStoreProvider';
import { fmtCycles, fmtInt } from '../../format';

const REASON_TEXT: Record<string, string> = {
  paused: 'paused',
  breakpoint: 'breakpoint',
  idle: 'finished',
  maxCycles: 'cycle limit',
  maxEvents: 'event limit',
  watchdog: 'watchdog',
  logFull: 'log full',
  stepLimit: 'not found',
  runStart: 'start of run',
  error: 'error',
};

export function PositionStatus() {
  const cursor = useAppStore((s) => s.cursor);
  const total = useAppStore((s) => s.total);
  const running = useAppStore((s) => s.running);
  const stop = useAppStore((s) => s.stop);
  const clock = useAppStore((s) => s.description?.platform.clockMHz);
  const t = useAppStore((s) =>
    s.cursor > 0 && s.cursor <= s.log.length ? s.log.timeAt(s.cursor - 1) : 0,
  );
  const loadState = useAppStore((s) => s.loadState);
  // The worker words the end of a run where a thread still waits for an answer as a deadlock.
  const deadlocked = stop?.reason === 'idle' && stop.detail.startsWith('deadlocked');
  return (
    <div
      className="position"
      data-testid="position"
      data-cursor={cursor}
      data-total={total}
      data-running={running}
    >
      <span
        className="num"
        data-testid="position-event"
        title="The event the views show, numbered as the inspector and the trace number it (#0 first)"
      >
        {cursor === 0 ? (
          <>before event #0</>
        ) : (
          <>
            event <b>#{fmtInt(cursor - 1)}</b>
          </>
        )}{' '}
        of {fmtInt(total)}
      </span>
      <span className="num muted">t = {fmtCycles(t, clock)}</span>
      {loadState === 'loading' && <span className="pill">loading…</span>}
      {loadState === 'ready' && !running && cursor === 0 && stop === null && (
        <span className="pill hint" data-testid="run-hint">
          Ready: press ▶ Run (Space) to start
        </span>
      )}
      {running && <span className="pill running">running</span>}
      {!running && stop !== null && (
        <span
          className={`pill stop-${deadlocked ? 'deadlock' : stop.reason}`}
          title={stop.detail}
          data-testid="stop-reason"
          data-reason={stop.reason}
        >
          {deadlocked ? 'deadlocked' : (REASON_TEXT[stop.reason] ?? stop.reason)}
        </span>
      )}
      {!running && deadlocked && (
        <span className="deadlock-detail" data-testid="deadlock-detail" title={stop.detail}>
          {stop.detail}
        </span>
      )}
    </div>
  );
}
