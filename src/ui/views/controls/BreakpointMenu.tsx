// Breakpoints: stop a run after a slowpath exit, an event of some type, any event naming a
// thread, or a migration of a cache line.
import { useEffect, useRef, useState } from 'react';
import { describeBreakpoint, type Breakpoint } from '../../../projection/breakpoints';
import { EVENT_TYPES as TYPES } from '../../../projection/eventLog';
import { useActions, useAppStore } from '../../store/AppStoreProvider';

const EVENT_TYPES = [...TYPES].sort();

export function BreakpointMenu() {
  const breakpoints = useAppStore((s) => s.breakpoints);
  const threads = useAppStore((s) => s.description?.threads);
  const { toggleBreakpoint } = useActions();
  const [type, setType] = useState('messageTransferred');
  const [thread, setThread] = useState('');
  const slow = breakpoints.some((b) => b.kind === 'slowpath');
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    // Close like a menu: on Escape or a click anywhere else.
    const close = (e: Event) => {
      const d = ref.current;
      if (d === null || !d.open) return;
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !d.contains(e.target as Node))
        d.open = false;
    };
    window.addEventListener('pointerdown', close);
    window.addEventListener('keydown', close);
    return () => {
      window.removeEventListener('pointerdown', close);
      window.removeEventListener('keydown', close);
    };
  }, []);
  const add = (b: Breakpoint) => {
    if (!breakpoints.some((x) => describeBreakpoint(x) === describeBreakpoint(b)))
      toggleBreakpoint(b);
  };
  return (
    <details className="menu" data-testid="breakpoints" ref={ref}>
      <summary className={breakpoints.length > 0 ? 'active' : ''}>
        ● Breakpoints{breakpoints.length > 0 ? ` (${breakpoints.length})` : ''}
      </summary>
      <div className="menu-body">
        <label className="field">
          <input
            type="checkbox"
            data-testid="bp-slowpath"
            checked={slow}
            onChange={() => toggleBreakpoint({ kind: 'slowpath' })}
          />
          on every slowpath exit <kbd>B</kbd>
        </label>
        <div className="field">
          on event
          <select aria-label="Event type" value={type} onChange={(e) => setType(e.target.value)}>
            {EVENT_TYPES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
          <button onClick={() => add({ kind: 'eventType', type })}>add</button>
        </div>
        <div className="field">
          on thread
          <select aria-label="Thread" value={thread} onChange={(e) => setThread(e.target.value)}>
            <option value="">choose…</option>
            {threads?.map((t) => (
              <option key={t.name}>{t.name}</option>
            ))}
          </select>
          <button disabled={thread === ''} onClick={() => add({ kind: 'thread', thread })}>
            add
          </button>
        </div>
        {breakpoints.length > 0 && (
          <ul className="bp-list">
            {breakpoints.map((b) => (
              <li key={describeBreakpoint(b)}>
                {describeBreakpoint(b)}
                <button
                  aria-label={`remove breakpoint ${describeBreakpoint(b)}`}
                  onClick={() => toggleBreakpoint(b)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <p className="muted">
          A run stops right after the event. To break on a cache line, select it in Cache lines.
        </p>
      </div>
    </details>
  );
}
