// The strip above the script editor where a logpoint's expression is typed: opened by a click
// in the glyph margin of a line. Adding, changing or removing one re-simulates the run (the
// worker's setLogpoints); the values appear in the console.
import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../store/AppStoreProvider';
import { useDebugActions } from './useDebugActions';
import './debugger.css';

export function LogpointBar({ line, onClose }: { line: number; onClose: () => void }) {
  const existing = useAppStore((s) => s.logpoints.find((lp) => lp.line === line));
  const { addLogpoint, removeLogpoint, setLogpoints } = useDebugActions();
  const logpoints = useAppStore((s) => s.logpoints);
  const [text, setText] = useState(existing?.expression ?? '');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
  }, [line]);
  const submit = () => {
    const expression = text.trim();
    if (expression === '') return;
    if (existing !== undefined)
      setLogpoints(logpoints.map((lp) => (lp.id === existing.id ? { ...lp, expression } : lp)));
    else addLogpoint(line, expression);
    onClose();
  };
  return (
    <form
      className="logpoint-bar"
      data-testid="logpoint-bar"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label className="field">
        <span>
          Log at line <b>{line}</b>
        </span>
        <input
          ref={input}
          className="mono"
          aria-label={`Logpoint expression at line ${line}`}
          data-testid="logpoint-input"
          placeholder="an expression, e.g. i or r.words[0]"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') onClose();
          }}
        />
      </label>
      <button type="submit" disabled={text.trim() === ''} data-testid="logpoint-save">
        {existing ? 'change' : 'add'}
      </button>
      {existing && (
        <button
          type="button"
          data-testid="logpoint-remove"
          onClick={() => {
            removeLogpoint(existing.id);
            onClose();
          }}
        >
          remove
        </button>
      )}
      <button type="button" onClick={onClose}>
        cancel
      </button>
    </form>
  );
}
