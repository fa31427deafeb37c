// The console: what programs wrote (sys.log), the faults they raised and the messages seL4 cut
// at seL4_MsgMaxLength, up to the cursor, with the app's errors (load, setup, runtime, watchdog)
// pinned on top with their file and line.
import { useEffect, useMemo, useRef } from 'react';
import { firstAtOrAfter } from '../../../projection/timeline';
import { useRunThrottled } from '../../components/useRunThrottled';
import { fmtInt } from '../../format';
import { useActions, useAppStore } from '../../store/AppStoreProvider';
import { LogpointLog } from '../debugger/LogpointLog';
import { truncationText } from '../inspector/EventSection';
import './console.css';
import { scrollFocus } from '../../components/scrollFocus';

const SHOWN = 500;

export function ConsoleView() {
  const timeline = useAppStore((s) => s.timeline);
  const log = useAppStore((s) => s.log);
  const cursor = useRunThrottled((s) => s.cursor);
  const errors = useAppStore((s) => s.errors);
  const { seek, clearErrors } = useActions();
  const lines = useMemo(() => {
    if (timeline === null) return [];
    const idx = timeline.console.index;
    const end = firstAtOrAfter(idx, cursor);
    return Array.from(idx.subarray(Math.max(0, end - SHOWN), end), (i) => log.get(i));
  }, [timeline, log, cursor]);
  const bottom = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Braces: scrollIntoView returns a promise in current Chromium, which is no effect cleanup.
    bottom.current?.scrollIntoView({ block: 'end' });
  }, [lines.length, errors.length]);
  return (
    <div className="tab-view console" data-testid="view-console" ref={scrollFocus}>
      {errors.length > 0 && (
        <div className="console-errors">
          {errors.map((e) => (
            <div
              key={e.id}
              className={`console-error kind-${e.kind}`}
              data-testid="app-error"
              data-kind={e.kind}
            >
              <b>{e.kind} error</b>
              {e.file && (
                <span className="mono">
                  {' '}
                  {e.file}
                  {e.line !== null ? `:${e.line}${e.column !== null ? `:${e.column}` : ''}` : ''}
                </span>
              )}
              {e.thread && <span> in {e.thread}</span>}: {e.message}
            </div>
          ))}
          <button className="link" onClick={clearErrors}>
            dismiss
          </button>
        </div>
      )}
      <LogpointLog />
      {lines.length === 0 && errors.length === 0 && (
        <div className="empty">No output yet: programs write here with sys.log().</div>
      )}
      {lines.map((e) => (
        <div
          key={e.seq}
          className={`console-line${e.type === 'consoleWritten' ? '' : ' fault'}`}
          data-testid={e.type === 'messageTransferred' ? 'console-truncation' : undefined}
          onClick={() => seek(e.seq + 1)}
        >
          <span className="num muted t">{fmtInt(e.t)}</span>
          <span className="mono who">
            {'thread' in e ? e.thread : e.type === 'messageTransferred' ? e.from : ''}
          </span>
          <span className="mono text">
            {e.type === 'consoleWritten'
              ? e.text
              : e.type === 'faultRaised'
                ? `${e.faultType} fault: ${e.detail}`
                : e.type === 'messageTransferred'
                  ? `message truncated: ${truncationText(e)}`
                  : ''}
          </span>
        </div>
      ))}
      <div ref={bottom} />
    </div>
  );
}
