// A scenario's `params` as inputs beside the machine controls (e.g. uxrt-per-core's layout, echo's
// number of calls). Changing one re-runs the scenario with it, as a machine change does; the value
// must be a number, and anything else is named instead of guessed at.
import { useState } from 'react';
import { useActions, useAppStore } from '../../store/AppStoreProvider';

function ParamInput({ name, value }: { name: string; value: number }) {
  const { setMachine } = useActions();
  const overrides = useAppStore((s) => s.overrides);
  const [draft, setDraft] = useState<string | null>(null);
  const bad = draft !== null && (draft.trim() === '' || !Number.isFinite(Number(draft)));
  const commit = () => {
    if (draft === null || bad) return;
    const n = Number(draft);
    setDraft(null);
    if (n !== value) setMachine({ params: { ...overrides.params, [name]: n } });
  };
  return (
    <label
      className="field"
      title={bad ? `${name} must be a number` : `scenario parameter ${name}`}
    >
      {name}
      <input
        type="text"
        inputMode="decimal"
        className={`param-input${bad ? ' invalid' : ''}`}
        aria-label={`Parameter ${name}`}
        aria-invalid={bad}
        data-testid={`param-${name}`}
        value={draft ?? String(value)}
        size={Math.max(2, (draft ?? String(value)).length)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(null);
        }}
      />
    </label>
  );
}

export function ParamControls() {
  const params = useAppStore((s) => s.config?.params);
  const entries = Object.entries(params ?? {});
  if (entries.length === 0) return null;
  return (
    <div
      className="toolbar-group params"
      data-testid="param-controls"
      aria-label="Scenario parameters"
    >
      <span className="muted">params</span>
      {entries.map(([k, v]) => (
        <ParamInput key={k} name={k} value={v} />
      ))}
    </div>
  );
}
