// The trace: the events around the cursor, one sentence each; click one to move the cursor there.
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useRunThrottled } from '../../components/useRunThrottled';
import { eventSentence } from '../../../projection/eventText';
import type { SimEvent } from '../../../sim/simEvents';
import { fmtInt } from '../../format';
import { useActions, useAppStore } from '../../store/AppStoreProvider';
import './trace.css';

const BEFORE = 80;
const AFTER = 40;

const Row = memo(function Row({
  e,
  current,
  future,
  onSeek,
}: {
  e: SimEvent;
  current: boolean;
  future: boolean;
  onSeek: (i: number) => void;
}) {
  return (
    <div
      className={`trace-row${current ? ' current' : ''}${future ? ' future' : ''}`}
      data-index={e.seq}
      onClick={() => onSeek(e.seq + 1)}
    >
      <span className="num muted">{fmtInt(e.seq)}</span>
      <span className="num muted">{fmtInt(e.t)}</span>
      <span className="muted">c{e.core}</span>
      <span className={`ttype t-${e.type}`}>{e.type}</span>
      <span className="tsentence">{eventSentence(e)}</span>
    </div>
  );
});

export function TraceView() {
  const log = useAppStore((s) => s.log);
  const cursor = useRunThrottled((s) => s.cursor);
  const length = useRunThrottled((s) => s.log.length);
  const { seek } = useActions();
  const [goto, setGoto] = useState('');
  const rows = useMemo(() => {
    const from = Math.max(0, cursor - BEFORE);
    const to = Math.min(length, cursor + AFTER);
    return Array.from({ length: Math.max(0, to - from) }, (_, k) => log.get(from + k));
  }, [log, cursor, length]);
  const current = useRef<HTMLDivElement>(null);
  useEffect(() => {
    current.current?.querySelector('.current')?.scrollIntoView({ block: 'center' });
  }, [cursor]);
  return (
    <div className="tab-view" data-testid="view-trace">
      <div className="tab-tools">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const n = Number(goto);
            if (Number.isInteger(n) && n >= 0) seek(n + 1);
          }}
        >
          <input
            placeholder="go to event #"
            aria-label="Go to event"
            value={goto}
            onChange={(e) => setGoto(e.target.value)}
          />
        </form>
        <span className="muted">
          the event at the cursor is highlighted; later events (already simulated) are dimmed
        </span>
      </div>
      <div className="trace" ref={current}>
        {rows.length === 0 && <div className="empty">No events yet.</div>}
        {rows.map((e) => (
          <Row
            key={e.seq}
            e={e}
            current={e.seq === cursor - 1}
            future={e.seq >= cursor}
            onSeek={seek}
          />
        ))}
      </div>
    </div>
  );
}
