// The Branches tab: what-if forks. At the paused moment, change a parameter or take the
// editor's version of the script and go on from there as a new branch (the worker re-simulates
// the prefix, then goes on differently). Branches are listed, switched between and diffed.
import { useState } from 'react';
import { fmtInt } from '../../format';
import { useAppStore } from '../../store/AppStoreProvider';
import { useDebugActions } from './useDebugActions';
import './debugger.css';

function ForkForm() {
  const cursor = useAppStore((s) => s.cursor);
  const running = useAppStore((s) => s.running);
  const ready = useAppStore((s) => s.loadState === 'ready');
  const params = useAppStore((s) => s.config?.params);
  const source = useAppStore((s) => s.source);
  const editor = useAppStore((s) => s.draft.text);
  const draftErrors = useAppStore((s) => s.draftErrors);
  const count = useAppStore((s) => s.branches.length);
  const { fork } = useDebugActions();
  const [values, setValues] = useState<Record<string, string>>({});
  const [useEditor, setUseEditor] = useState(false);
  const [label, setLabel] = useState('');
  const edited = editor !== '' && editor !== source;
  const changed: Record<string, number> = {};
  const bad: string[] = [];
  for (const [k, v] of Object.entries(values)) {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n)) bad.push(k);
    else if (params?.[k] !== n) changed[k] = n;
  }
  const any = Object.keys(changed).length > 0 || (useEditor && edited);
  const submit = () => {
    fork({
      ...(Object.keys(changed).length > 0 ? { params: changed } : {}),
      ...(useEditor && edited ? { source: editor } : {}),
      label: label.trim() || `branch ${Math.max(1, count)}`,
    });
    setValues({});
    setLabel('');
    setUseEditor(false);
  };
  return (
    <form
      className="bp-form fork-form"
      data-testid="fork-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (any && bad.length === 0) submit();
      }}
    >
      <div className="bp-form-row">
        <b>
          Fork at event <span className="num">{fmtInt(cursor)}</span>
        </b>
        {Object.entries(params ?? {}).map(([k, v]) => (
          <label key={k} className="field">
            {k}
            <input
              className="num"
              size={7}
              aria-label={`Fork parameter ${k}`}
              data-testid={`fork-param-${k}`}
              value={values[k] ?? String(v)}
              onChange={(e) => setValues((x) => ({ ...x, [k]: e.target.value }))}
            />
          </label>
        ))}
        <label className="field" title={edited ? '' : 'The editor holds the loaded script'}>
          <input
            type="checkbox"
            data-testid="fork-editor"
            disabled={!edited || draftErrors > 0}
            checked={useEditor && edited}
            onChange={(e) => setUseEditor(e.target.checked)}
          />
          the editor&apos;s script
        </label>
        <input
          aria-label="Branch name"
          data-testid="fork-label"
          placeholder="branch name"
          size={12}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
        />
        <button
          type="submit"
          data-testid="fork"
          disabled={!ready || running || !any || bad.length > 0}
          title={running ? 'Pause first' : 'Continue from this moment with the change'}
        >
          fork here
        </button>
      </div>
      {bad.length > 0 && (
        <div className="bp-problem" role="alert">
          {bad.map((k) => `${k} must be a number`).join('; ')}
        </div>
      )}
      <div className="muted">
        A new parameter takes effect at this event (for a script that reads{' '}
        <span className="mono">k.params</span> as it runs); an edited script runs from the start and
        the branch says where it first differs.
      </div>
    </form>
  );
}

export function BranchesView() {
  const branches = useAppStore((s) => s.branches);
  const current = useAppStore((s) => s.currentBranch);
  const running = useAppStore((s) => s.running);
  const { switchBranch, diffBranches } = useDebugActions();
  const [picked, setPicked] = useState<number[]>([]);
  const list =
    branches.length > 0
      ? branches
      : [{ id: 0, label: 'main', parent: null, forkIndex: 0, change: 'as loaded' }];
  const toggle = (id: number) =>
    setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id].slice(-2)));
  return (
    <div className="tab-view debugger-view" data-testid="view-branches">
      <ul className="bp-rows">
        {list.map((b) => (
          <li
            key={b.id}
            className={`bp-row${b.id === current ? ' focused' : ''}`}
            data-testid="branch-row"
            data-branch={b.id}
            data-current={b.id === current}
          >
            <div className="bp-line">
              <input
                type="checkbox"
                aria-label={`pick branch ${b.label} to diff`}
                data-testid="branch-pick"
                checked={picked.includes(b.id)}
                onChange={() => toggle(b.id)}
              />
              <b>{b.label}</b>
              <span className="muted bp-text" title={b.change}>
                {b.parent === null
                  ? b.change
                  : `from ${list.find((x) => x.id === b.parent)?.label ?? b.parent} at event ${fmtInt(b.forkIndex)}: ${b.change}`}
              </span>
              <span className="spacer" />
              {b.id === current ? (
                <span className="pill">shown</span>
              ) : (
                <button
                  data-testid="branch-switch"
                  disabled={running}
                  onClick={() => switchBranch(b.id)}
                >
                  switch
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      <div className="bp-controls">
        <button
          data-testid="branch-diff"
          disabled={picked.length !== 2}
          onClick={() => void diffBranches(picked[0]!, picked[1]!)}
        >
          diff the two picked
        </button>
        <span className="muted">Pick two branches to compare them in the Diff tab.</span>
      </div>
      <ForkForm />
    </div>
  );
}
