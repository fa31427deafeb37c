// Renders a namespace as the engine reported it (namespaceChanged bindings) as an indented tree:
// mount points with what is bound there, in union order. The shape is read, not assumed: objects
// become keyed rows, arrays ordered lists, so a richer report from the engine shows up as is.

function label(v: Record<string, unknown>): string | null {
  for (const k of ['path', 'name', 'mount', 'old']) if (typeof v[k] === 'string') return v[k];
  return null;
}

export function NsTree({ value, depth = 0 }: { value: unknown; depth?: number }) {
  if (depth > 6) return <span className="muted">…</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">(empty)</span>;
    return (
      <ol className="ns-list">
        {(value as unknown[]).map((v, i) => (
          <li key={i}>
            <NsTree value={v} depth={depth + 1} />
          </li>
        ))}
      </ol>
    );
  }
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const head = label(o);
    const rest = Object.entries(o).filter(([, v]) => v !== head || typeof v !== 'string');
    return (
      <div className="ns-node">
        {head && <span className="ns-path mono">{head}</span>}
        {rest.map(([k, v]) => (
          <div key={k} className="ns-row">
            <span className="muted">{k}</span> <NsTree value={v} depth={depth + 1} />
          </div>
        ))}
      </div>
    );
  }
  return <span className="mono">{String(value)}</span>;
}
