// The side panel: the scenario's description and its source, read-only, with line numbers and
// the lines the engine reported errors on marked. (The editor takes this panel's place when the
// playground is in.)
import { memo, useEffect, useMemo, useRef } from 'react';
import { useAppStore } from '../../store/AppStoreProvider';
import './source.css';

const Lines = memo(function Lines({
  source,
  marked,
}: {
  source: string;
  marked: Map<number, string>;
}) {
  const lines = source.split('\n');
  return (
    <pre className="source" data-testid="source">
      {lines.map((text, i) => (
        <div
          key={i}
          className={`src-line${marked.has(i + 1) ? ' marked' : ''}`}
          data-line={i + 1}
          title={marked.get(i + 1)}
        >
          <span className="ln">{i + 1}</span>
          <code>{text || ' '}</code>
        </div>
      ))}
    </pre>
  );
});

export function SourcePane() {
  const source = useAppStore((s) => s.source);
  const file = useAppStore((s) => s.file);
  const scenario = useAppStore((s) => s.scenario);
  const errors = useAppStore((s) => s.errors);
  const marked = useMemo(() => {
    const m = new Map<number, string>();
    for (const e of errors)
      if (e.line !== null && (e.file === null || e.file === file)) m.set(e.line, e.message);
    return m;
  }, [errors, file]);
  const ref = useRef<HTMLDivElement>(null);
  const first = [...marked.keys()][0];
  useEffect(() => {
    if (first !== undefined)
      ref.current?.querySelector(`[data-line="${first}"]`)?.scrollIntoView({ block: 'center' });
  }, [first]);
  return (
    <section className="panel side-panel" data-testid="view-source" aria-label="Scenario source">
      <header className="panel-head">
        <span className="panel-title mono">{file || 'scenario'}</span>
        <span className="spacer" />
        <span className="muted">read-only</span>
      </header>
      <div className="panel-body" ref={ref}>
        {scenario && (
          <div className="scenario-about">
            <h2>{scenario.name}</h2>
            <p>{scenario.description}</p>
          </div>
        )}
        <Lines source={source} marked={marked} />
      </div>
    </section>
  );
}
