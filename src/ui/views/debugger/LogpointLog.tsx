// The logpoints' values in the console: each time a logpoint's line ran, over the run so far
// (re-simulated with the logpoint: determinism makes it exact), each a link that seeks to that
// moment. Values after the cursor are dimmed: the run has been there, the cursor has not.
import { fmtInt } from '../../format';
import { useActions, useAppStore } from '../../store/AppStoreProvider';
import './debugger.css';

const SHOWN = 500;

export function LogpointLog() {
  const logpoints = useAppStore((s) => s.logpoints);
  const hits = useAppStore((s) => s.logHits);
  const problems = useAppStore((s) => s.logProblems);
  const cursor = useAppStore((s) => s.cursor);
  const { seek } = useActions();
  if (logpoints.length === 0 && problems.length === 0) return null;
  const byId = new Map(logpoints.map((lp) => [lp.id, lp]));
  return (
    <div className="logpoint-log" data-testid="logpoint-log">
      <div className="muted">
        Logpoints: {logpoints.map((lp) => `line ${lp.line}: ${lp.expression}`).join(' · ')} —{' '}
        {hits.length === 0
          ? 'no values yet (run to record them)'
          : `${fmtInt(hits.length)} value${hits.length === 1 ? '' : 's'}`}
      </div>
      {problems.map((p) => (
        <div key={p.id} className="console-error" data-testid="logpoint-problem" role="alert">
          logpoint at line {p.line}: {p.message}
        </div>
      ))}
      {hits.slice(0, SHOWN).map((h, i) => (
        <button
          key={i}
          className={`lp-hit mono${h.index > cursor ? ' after' : ''}${h.index === cursor ? ' at' : ''}`}
          data-testid="logpoint-hit"
          data-index={h.index}
          title={`Seek to this moment (event ${h.index})`}
          onClick={() => seek(h.index)}
        >
          <span className="num muted t">{fmtInt(h.t)}</span>
          <span className="who">{h.thread}</span>
          <span className="muted">L{byId.get(h.id)?.line ?? '?'}</span>
          <span className="text">{h.value}</span>
        </button>
      ))}
      {hits.length > SHOWN && <div className="muted">… and {fmtInt(hits.length - SHOWN)} more</div>}
    </div>
  );
}
