// The Diff tab: the same scenario and seed on two configurations (or two versions of the
// script, or two branches), run to their end by the worker and compared: both on one time axis,
// the first event where what happened differs with a jump to it, and the summaries side by side.
import { useState } from 'react';
import type { Divergence, RunDiff } from '../../../debugger/runDiff';
import { fmtInt } from '../../format';
import { useAppStore } from '../../store/AppStoreProvider';
import { DiffChart } from './DiffChart';
import { isShown, shownSide, toVariant, type DiffSide } from './diffSides';
import { SideEditor } from './SideEditor';
import { useDebugActions } from './useDebugActions';
import './debugger.css';

function fmt(v: number | null): string {
  return v === null ? '—' : Number.isInteger(v) ? fmtInt(v) : String(v);
}

function delta(a: number | null, b: number | null): string {
  if (a === null || b === null || a === b) return '';
  const d = b - a;
  const pct = a === 0 ? '' : ` (${d > 0 ? '+' : ''}${Math.round((1000 * d) / a) / 10}%)`;
  return `${d > 0 ? '+' : ''}${fmt(Math.round(d * 10) / 10)}${pct}`;
}

function DivergenceBox({ d, title, testId }: { d: Divergence; title: string; testId: string }) {
  const { jumpToDiff } = useDebugActions();
  const diff = useAppStore((s) => s.diff);
  const source = useAppStore((s) => s.source);
  const config = useAppStore((s) => s.config);
  const current = useAppStore((s) => s.currentBranch);
  const shown = (side: 'a' | 'b'): boolean => {
    if (diff === null) return false;
    if (diff.source.kind === 'branches')
      return (side === 'a' ? diff.source.a : diff.source.b) === current;
    return isShown(side === 'a' ? diff.source.a : diff.source.b, source, config);
  };
  // Just after the event, so the inspector shows it.
  const at = d.index + 1;
  return (
    <div className="diff-divergence" data-testid={testId} data-index={d.index}>
      <div>
        <b>{title}</b> at event <span className="num">{fmtInt(d.index)}</span>
        {d.aT !== null && d.bT !== null && (
          <span className="muted">
            {' '}
            (A at {fmtInt(d.aT)} cycles, B at {fmtInt(d.bT)})
          </span>
        )}
        : {d.fields.join(', ')}{' '}
        <button data-testid={`${testId}-jump-a`} onClick={() => jumpToDiff('a', at, shown('a'))}>
          jump in A
        </button>{' '}
        <button data-testid={`${testId}-jump-b`} onClick={() => jumpToDiff('b', at, shown('b'))}>
          jump in B
        </button>
      </div>
      <div className="mono diff-event">A: {d.a ?? '(the run had ended)'}</div>
      <div className="mono diff-event">B: {d.b ?? '(the run had ended)'}</div>
    </div>
  );
}

function Result({ diff }: { diff: RunDiff }) {
  return (
    <div className="diff-result" data-testid="diff-result">
      <div className="diff-heads">
        {[diff.a, diff.b].map((s, i) => (
          <div key={i} data-testid={`diff-head-${i === 0 ? 'a' : 'b'}`}>
            <b>{s.label}</b>{' '}
            <span className="muted">
              {fmtInt(s.events)} events · {fmtInt(s.cycles)} cycles · {s.stopReason} · traceHash{' '}
              <span className="mono">{s.traceHash.slice(0, 12)}</span>
            </span>
          </div>
        ))}
      </div>
      <DiffChart diff={diff} />
      {diff.structural === null && diff.timing === null && (
        <div data-testid="diff-same">The runs are the same, event for event.</div>
      )}
      {diff.structural !== null && (
        <DivergenceBox d={diff.structural} title="First divergence" testId="diff-first" />
      )}
      {diff.timing !== null && diff.timing.index !== diff.structural?.index && (
        <DivergenceBox d={diff.timing} title="First difference in timing" testId="diff-timing" />
      )}
      {diff.structural === null && diff.timing !== null && (
        <div className="muted">The same events in the same order; only their timing differs.</div>
      )}
      <table className="diff-table" data-testid="diff-table">
        <thead>
          <tr>
            <th>summary</th>
            <th>A</th>
            <th>B</th>
            <th>B − A</th>
          </tr>
        </thead>
        <tbody>
          {diff.rows.map((r) => (
            <tr key={r.metric} data-metric={r.metric}>
              <td>{r.metric}</td>
              <td className="num">{fmt(r.a)}</td>
              <td className="num">{fmt(r.b)}</td>
              <td className="num">{delta(r.a, r.b)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="diff-table" data-testid="diff-threads">
        <thead>
          <tr>
            <th>thread</th>
            <th>A kernel cycles</th>
            <th>B kernel cycles</th>
            <th>A syscalls</th>
            <th>B syscalls</th>
          </tr>
        </thead>
        <tbody>
          {diff.threads.map((t) => (
            <tr key={t.thread} data-thread={t.thread}>
              <td className="mono">{t.thread}</td>
              <td className="num">{fmt(t.aKernelCycles)}</td>
              <td className="num">{fmt(t.bKernelCycles)}</td>
              <td className="num">{fmt(t.aSyscalls)}</td>
              <td className="num">{fmt(t.bSyscalls)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DiffView() {
  const config = useAppStore((s) => s.config);
  const platforms = useAppStore((s) => s.platforms);
  const source = useAppStore((s) => s.source);
  const file = useAppStore((s) => s.file);
  const editor = useAppStore((s) => s.draft.text);
  const result = useAppStore((s) => s.diff);
  const state = useAppStore((s) => s.diffState);
  const { runDiff } = useDebugActions();
  const [sides, setSides] = useState<{ a: DiffSide; b: DiffSide; for: unknown } | null>(null);
  if (config === null) return <div className="empty">Load a scenario to compare its runs.</div>;
  // New sides whenever another run is loaded (its machine is the default of both).
  const cur =
    sides !== null && sides.for === config
      ? sides
      : { a: shownSide(config), b: shownSide(config), for: config };
  const edited = editor !== '' && editor !== source;
  const scripts = { loaded: source, file, editor: edited ? editor : source };
  const compare = () =>
    void runDiff(toVariant('A', cur.a, cur.b, scripts), toVariant('B', cur.b, cur.a, scripts));
  return (
    <div className="tab-view debugger-view" data-testid="view-diff">
      <div className="diff-sides">
        <SideEditor
          name="A"
          side={cur.a}
          platforms={platforms}
          edited={edited}
          onChange={(a) => setSides({ ...cur, a })}
        />
        <SideEditor
          name="B"
          side={cur.b}
          platforms={platforms}
          edited={edited}
          onChange={(b) => setSides({ ...cur, b })}
        />
        <div className="bp-controls">
          <button
            className="primary"
            data-testid="diff-run"
            disabled={state === 'running'}
            onClick={compare}
          >
            {state === 'running' ? 'comparing…' : 'compare'}
          </button>
          <button onClick={() => setSides(null)}>both as this run</button>
          {state === 'failed' && (
            <span className="bp-problem" role="alert">
              The comparison failed: the console says why.
            </span>
          )}
        </div>
      </div>
      {result === null ? (
        <div className="empty">
          Change B (another platform, core count, kernel images, a parameter or the editor&apos;s
          version of the script) and compare: both runs go to their end with the same seed.
        </div>
      ) : (
        <Result diff={result.diff} />
      )}
    </div>
  );
}
