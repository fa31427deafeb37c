// The form that adds a breakpoint: a kind, then the fields that kind takes (conditionForm.ts).
import { lazy, Suspense, useState } from 'react';
import { THREAD_STATES } from '../../../sim/events/schema';
import { EVENT_TYPES } from '../../../projection/eventLog';
import { useAppStore } from '../../store/AppStoreProvider';
import { useDebugActions } from './useDebugActions';
import {
  amountOf,
  EMPTY_DRAFT,
  KIND_LABELS,
  targetOf,
  toCondition,
  type ConditionDraft,
} from './conditionForm';

const ConditionEditor = lazy(() => import('./ConditionEditor'));
const TYPES = [...EVENT_TYPES].sort();

function useTargets(what: ReturnType<typeof targetOf>): string[] {
  const desc = useAppStore((s) => s.description);
  const lines = useAppStore((s) => s.projection?.lines);
  if (desc === null || what === null) return [];
  switch (what) {
    case 'endpoint':
      return desc.endpoints.map((e) => e.name);
    case 'thread':
      return desc.threads.map((t) => t.name);
    case 'core':
      return desc.cores.map((c) => String(c.id));
    case 'line':
      return Object.keys(lines ?? {}).sort();
  }
}

export function ConditionFormView() {
  const [d, setD] = useState<ConditionDraft>(EMPTY_DRAFT);
  const [error, setError] = useState<string | null>(null);
  const { addCondition } = useDebugActions();
  const target = targetOf(d.kind);
  const amount = amountOf(d.kind);
  const targets = useTargets(target);
  const change = (p: Partial<ConditionDraft>) => {
    setD((x) => ({ ...x, ...p }));
    setError(null);
  };
  const add = () => {
    const c = toCondition(d);
    if (typeof c === 'string') setError(c);
    else addCondition(c);
  };
  return (
    <form
      className="bp-form"
      data-testid="bp-form"
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      <div className="bp-form-row">
        <b>Break when</b>
        <select
          aria-label="Breakpoint kind"
          data-testid="bp-kind"
          value={d.kind}
          onChange={(e) => change({ kind: e.target.value as ConditionDraft['kind'], target: '' })}
        >
          {KIND_LABELS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
        {target !== null && (
          <select
            aria-label={`Breakpoint ${target}`}
            data-testid="bp-target"
            value={d.target}
            onChange={(e) => change({ target: e.target.value })}
          >
            <option value="">any {target}</option>
            {targets.map((t) => (
              <option key={t} value={t}>
                {target === 'core' ? `core ${t}` : t}
              </option>
            ))}
          </select>
        )}
        {d.kind === 'endpointQueue' && (
          <select
            aria-label="Queue side"
            value={d.side}
            onChange={(e) => change({ side: e.target.value as 'send' | 'recv' })}
          >
            <option value="send">senders</option>
            <option value="recv">receivers</option>
          </select>
        )}
        {amount !== null && (
          <label className="field">
            {amount}
            <input
              aria-label="Breakpoint amount"
              data-testid="bp-amount"
              className="num"
              size={6}
              value={d.amount}
              onChange={(e) => change({ amount: e.target.value })}
            />
          </label>
        )}
        {d.kind === 'threadState' && (
          <select
            aria-label="Thread state"
            data-testid="bp-state"
            value={d.state}
            onChange={(e) => change({ state: e.target.value as ConditionDraft['state'] })}
          >
            {THREAD_STATES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        )}
        {d.kind === 'lineOwner' && (
          <label className="field">
            <input
              type="checkbox"
              checked={d.crossSocket}
              onChange={(e) => change({ crossSocket: e.target.checked })}
            />
            only across sockets
          </label>
        )}
        {d.kind === 'event' && (
          <select
            aria-label="Event type"
            value={d.eventType}
            onChange={(e) => change({ eventType: e.target.value })}
          >
            {TYPES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        )}
        <button type="submit" data-testid="bp-add">
          add
        </button>
      </div>
      {d.kind === 'expression' && (
        <div className="bp-edit">
          <Suspense fallback={<div className="empty">Loading the editor…</div>}>
            <ConditionEditor
              value={d.source}
              onChange={(source) => change({ source })}
              onSubmit={add}
              label="New breakpoint condition"
            />
          </Suspense>
          <div className="muted">
            An expression (or statements that <span className="mono">return</span>) over{' '}
            <span className="mono">machine</span> (read-only) and{' '}
            <span className="mono">event</span>; it hits where it turns true. Ctrl+Enter adds it.
          </div>
        </div>
      )}
      {error !== null && (
        <div className="bp-problem" role="alert" data-testid="bp-form-error">
          {error}
        </div>
      )}
    </form>
  );
}
