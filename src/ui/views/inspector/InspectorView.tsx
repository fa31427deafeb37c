// The inspector: the event at the cursor and the kernel entry around it (path and reason), the
// selected thread (or the event's), and the selected cache line.
import { useMemo } from 'react';
import { useRunThrottled } from '../../components/useRunThrottled';
import { eventThreads } from '../../../projection/breakpoints';
import { entryContext } from '../../../projection/entryContext';
import { Panel } from '../../components/Panel';
import { useActions, useAppStore } from '../../store/AppStoreProvider';
import { EntryBox, EventSection } from './EventSection';
import { LineSection } from './LineSection';
import { SchedContextSection } from './SchedContextSection';
import { ThreadSection } from './ThreadSection';
import { AttributionSection } from '../debugger/AttributionSection';
import './inspector.css';

export function InspectorView() {
  const cursor = useRunThrottled((s) => s.cursor);
  const log = useAppStore((s) => s.log);
  const logLength = useRunThrottled((s) => s.log.length);
  const desc = useAppStore((s) => s.description);
  const threads = useRunThrottled((s) => s.projection?.threads);
  const lines = useRunThrottled((s) => s.projection?.lines);
  const scs = useRunThrottled((s) => s.projection?.schedContexts);
  const now = useRunThrottled((s) => s.projection?.t ?? 0);
  const selectedThread = useAppStore((s) => s.selectedThread);
  const selectedLine = useAppStore((s) => s.selectedLine);
  const { seek } = useActions();
  const e = useMemo(
    () => (cursor > 0 && cursor <= log.length ? log.get(cursor - 1) : null),
    [log, cursor],
  );
  const ctx = useMemo(
    () => (e === null ? null : entryContext(log, e.seq, logLength)),
    [log, e, logLength],
  );
  const threadName =
    selectedThread ?? (e ? eventThreads(e).find((n) => threads?.[n]) : undefined) ?? null;
  const thread = threadName !== null ? threads?.[threadName] : undefined;
  const line = selectedLine !== null ? lines?.[selectedLine] : undefined;
  const clock = desc?.platform.clockMHz ?? 0;
  // The SC the thread runs on now, else its own (a passive server shows none).
  const scName = thread?.sc ?? desc?.schedContexts.find((x) => x.home === threadName)?.name ?? null;
  const sc = scName !== null ? scs?.[scName] : undefined;
  const scDesc = scName !== null ? desc?.schedContexts.find((x) => x.name === scName) : undefined;
  return (
    <Panel title="Inspector" testId="view-inspector">
      {e === null && (
        <div className="empty">Before the first event. Step (→) or run (Space) to begin.</div>
      )}
      {e !== null && <EventSection e={e} clock={clock} />}
      {ctx !== null && <EntryBox ctx={ctx} clock={clock} onSeek={seek} />}
      {line && <LineSection line={line} />}
      {thread && desc && <ThreadSection t={thread} desc={desc} />}
      {thread && sc && scDesc && <SchedContextSection sc={sc} d={scDesc} now={now} clock={clock} />}
      {thread && <AttributionSection thread={thread.name} />}
    </Panel>
  );
}
