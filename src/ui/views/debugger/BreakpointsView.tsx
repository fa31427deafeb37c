// The Breakpoints tab: semantic breakpoints (conditions on the machine, not only on events) and
// free-form TypeScript conditions. Each row can be switched on and off, shows how often it hit
// before the cursor and goes away with ×; Continue and Reverse-continue stop at enabled ones.
import { lazy, Suspense, useState } from 'react';
import { describeCondition, type DebugBreakpoint } from '../../../debugger/conditions';
import type { BreakpointProblem } from '../../../debugger/protocol';
import { useActions, useAppStore } from '../../store/AppStoreProvider';
import { ConditionFormView } from './ConditionFormView';
import { useDebugActions } from './useDebugActions';
import './debugger.css';

const ConditionEditor = lazy(() => import('./ConditionEditor'));

function Problem({ p }: { p: BreakpointProblem }) {
  const where =
    p.index === null ? 'does not compile' : `threw at event ${p.index} and was switched off`;
  return (
    <div className="bp-problem" data-testid="bp-problem" role="alert">
      {where}: {p.message}
    </div>
  );
}

function Row({
  b,
  count,
  problems,
}: {
  b: DebugBreakpoint;
  count: number | undefined;
  problems: BreakpointProblem[];
}) {
  const { setConditionEnabled, removeCondition, updateCondition, setFocusBreakpoint } =
    useDebugActions();
  const focused = useAppStore((s) => s.focusBreakpoint === b.id);
  const [editing, setEditing] = useState<string | null>(null);
  const text = describeCondition(b.condition);
  return (
    <li
      className={`bp-row${focused ? ' focused' : ''}${b.enabled ? '' : ' disabled'}`}
      data-testid="bp-row"
      data-bp={b.id}
      data-enabled={b.enabled}
      onClick={() => setFocusBreakpoint(b.id)}
    >
      <div className="bp-line">
        <input
          type="checkbox"
          checked={b.enabled}
          aria-label={`enable breakpoint #${b.id}`}
          data-testid="bp-enabled"
          onChange={(e) => setConditionEnabled(b.id, e.target.checked)}
        />
        <span className="muted">#{b.id}</span>
        <span className="bp-text" title={text}>
          {text}
        </span>
        <span className="spacer" />
        <span className="pill num" data-testid="bp-hits" title="Hits before the cursor">
          hit {count ?? 0}
        </span>
        {b.condition.kind === 'expression' && editing === null && (
          <button
            className="link"
            onClick={() => setEditing((b.condition as { source: string }).source)}
          >
            edit
          </button>
        )}
        <button
          aria-label={`remove breakpoint #${b.id}`}
          data-testid="bp-remove"
          onClick={(e) => {
            e.stopPropagation();
            removeCondition(b.id);
          }}
        >
          ×
        </button>
      </div>
      {editing !== null && (
        <div className="bp-edit">
          <Suspense fallback={<div className="empty">Loading the editor…</div>}>
            <ConditionEditor
              value={editing}
              onChange={setEditing}
              label={`condition of breakpoint #${b.id}`}
              onSubmit={() => {
                updateCondition(b.id, { kind: 'expression', source: editing });
                setEditing(null);
              }}
            />
          </Suspense>
          <div className="bp-edit-actions">
            <button
              onClick={() => {
                updateCondition(b.id, { kind: 'expression', source: editing });
                setEditing(null);
              }}
            >
              apply
            </button>
            <button onClick={() => setEditing(null)}>cancel</button>
          </div>
        </div>
      )}
      {problems.map((p, i) => (
        <Problem key={i} p={p} />
      ))}
    </li>
  );
}

export function BreakpointsView() {
  const conditions = useAppStore((s) => s.conditions);
  const counts = useAppStore((s) => s.bpCounts);
  const problems = useAppStore((s) => s.bpProblems);
  const ready = useAppStore((s) => s.loadState === 'ready');
  const running = useAppStore((s) => s.running);
  const stop = useAppStore((s) => s.stop);
  const legacy = useAppStore((s) => s.breakpoints.length);
  const { continueRun } = useActions();
  const enabled = conditions.some((b) => b.enabled) || legacy > 0;
  return (
    <div className="tab-view debugger-view" data-testid="view-breakpoints">
      <div className="bp-controls">
        <button
          disabled={!ready || running}
          onClick={() => continueRun(-1)}
          data-testid="reverse-continue"
          title="Back to the previous hit of an enabled breakpoint (Shift+C)"
        >
          ◂◂ reverse-continue
        </button>
        <button
          disabled={!ready || running}
          onClick={() => continueRun(1)}
          data-testid="continue"
          title="On to the next hit of an enabled breakpoint (C)"
        >
          continue ▸▸
        </button>
        {stop !== null && (stop.reason === 'breakpoint' || stop.reason === 'runStart') && (
          <span className="muted bp-stop" data-testid="bp-stop">
            {stop.detail}
          </span>
        )}
      </div>
      {conditions.length === 0 ? (
        <div className="empty">
          No breakpoints yet. Add a condition below; continue (C) runs to its next hit and
          reverse-continue (Shift+C) back to the one before.
        </div>
      ) : (
        <ul className="bp-rows">
          {conditions.map((b) => (
            <Row
              key={b.id}
              b={b}
              count={counts[b.id]}
              problems={problems.filter((p) => p.id === b.id)}
            />
          ))}
        </ul>
      )}
      {legacy > 0 && (
        <div className="muted" data-testid="bp-legacy">
          Also stopping runs: {legacy} breakpoint{legacy === 1 ? '' : 's'} from the toolbar&apos;s
          Breakpoints menu.
        </div>
      )}
      {!enabled && conditions.length > 0 && (
        <div className="muted">Every breakpoint is off: continue runs to the end.</div>
      )}
      <ConditionFormView />
    </div>
  );
}
