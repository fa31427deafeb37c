// The trace: the events around the cursor, one sentence each; click one to move the cursor there.
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useRunThrottled } from '../../components/useRunThrottled';
import { eventSentence } from '../../../projection/eventText';
import type { SimEvent } from '../../../sim/simEvents';
import { fmtInt } from '../../format';
import { useActions, useAppStore } from '../../store/AppStoreProvider';
import { RunDownloads } from './RunDownloads';
import { EVENT_TYPES } from '../../../sim/events/schema';
import { isFiltering, matchesFilter, NO_FILTER, type TraceFilter } from './traceFilter';
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
      // Operable by keyboard as well (Tab to the row, Enter), like every control.
      tabIndex={0}
      onKeyDown={(k) => k.key === 'Enter' && onSeek(e.seq + 1)}
    >
      <span className="num muted">{fmtInt(e.seq)}</span>
      <span className="num muted">{fmtInt(e.t)}</span>
      <span className="muted">c{e.core}</span>
      <span className={`ttype t-${e.type}`}>{e.type}</span>
      <span className="tsentence">{eventSentence(e)}</span>
    </div>
  );
});

/** Filtered rows listed at most (the matches nearest the cursor). */
const MAX_MATCHES = 400;

function FilterField({
  name,
  value,
  onChange,
  list,
}: {
  name: keyof TraceFilter;
  value: string;
  onChange: (v: string) => void;
  list?: readonly string[];
}) {
  if (list !== undefined) {
    return (
      <select
        aria-label={`Filter by ${name}`}
        data-testid={`trace-filter-${name}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">any {name}</option>
        {list.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      aria-label={`Filter by ${name}`}
      data-testid={`trace-filter-${name}`}
      placeholder={name}
      size={name === 'text' ? 14 : 7}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

export function TraceView() {
  const log = useAppStore((s) => s.log);
  const cursor = useRunThrottled((s) => s.cursor);
  const length = useRunThrottled((s) => s.log.length);
  const threads = useAppStore((s) => s.description?.threads);
  const { seek } = useActions();
  const [goto, setGoto] = useState('');
  const [filter, setFilter] = useState<TraceFilter>(NO_FILTER);
  const filtering = isFiltering(filter);
  const rows = useMemo(() => {
    if (filtering) {
      const out: SimEvent[] = [];
      for (let i = 0; i < length && out.length < MAX_MATCHES; i++) {
        const e = log.get(i);
        if (matchesFilter(e, filter, () => eventSentence(e))) out.push(e);
      }
      return out;
    }
    const from = Math.max(0, cursor - BEFORE);
    const to = Math.min(length, cursor + AFTER);
    return Array.from({ length: Math.max(0, to - from) }, (_, k) => log.get(from + k));
  }, [log, cursor, length, filter, filtering]);
  const set = (k: keyof TraceFilter) => (v: string) => setFilter((f) => ({ ...f, [k]: v }));
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
        <FilterField name="type" value={filter.type} onChange={set('type')} list={EVENT_TYPES} />
        <FilterField
          name="thread"
          value={filter.thread}
          onChange={set('thread')}
          list={threads?.map((t) => t.name) ?? []}
        />
        <FilterField name="core" value={filter.core} onChange={set('core')} />
        <FilterField name="object" value={filter.object} onChange={set('object')} />
        <FilterField name="text" value={filter.text} onChange={set('text')} />
        {filtering && (
          <span className="muted" data-testid="trace-matches">
            {rows.length >= MAX_MATCHES
              ? `first ${MAX_MATCHES} matches`
              : `${rows.length} matching`}
          </span>
        )}
        <RunDownloads />
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
