// Endpoints and notifications: state, queued threads in order with their badges; then who waits
// for a reply from whom (reply caps and reply objects) and which scheduling contexts are lent.
import { useMemo } from 'react';
import type { EndpointView, MachineDescription, Projection } from '../../../projection/types';
import type { SimEvent } from '../../../sim/simEvents';
import { Panel } from '../../components/Panel';
import { useRunThrottled } from '../../components/useRunThrottled';
import { useActions, useAppStore } from '../../store/AppStoreProvider';
import { EndpointCard } from './EndpointCard';
import { Relations } from './Relations';
import { queueEntries } from './selectEndpoints';
import './endpoints.css';

function messageText(e: SimEvent | null): string | null {
  if (e === null || e.type !== 'messageTransferred') return null;
  const words =
    e.words.length > 0 ? ` [${e.words.join(', ')}${e.length > e.words.length ? ', …' : ''}]` : '';
  return `${e.from} → ${e.to} label ${e.label}${words}`;
}

// Queue entries per endpoint object: an unchanged endpoint keeps its object (copy-on-write), so
// its card keeps the same props and does not re-render.
const queueCache = new WeakMap<EndpointView, ReturnType<typeof queueEntries>>();
function cachedQueue(p: Projection, desc: MachineDescription, v: EndpointView) {
  let q = queueCache.get(v);
  if (q === undefined) {
    q = queueEntries(p, desc, v.queue);
    queueCache.set(v, q);
  }
  return q;
}

export function EndpointsView() {
  const p = useRunThrottled((s) => s.projection);
  const desc = useAppStore((s) => s.description);
  const log = useAppStore((s) => s.log);
  const cursor = useRunThrottled((s) => s.cursor);
  const selectedThread = useAppStore((s) => s.selectedThread);
  const running = useAppStore((s) => s.running);
  const { selectThread } = useActions();
  const cards = useMemo(() => {
    if (p === null || desc === null) return [];
    const showImage = desc.images.length > 1;
    const msg = (i: number | null) =>
      i !== null && i < log.length ? messageText(log.get(i)) : null;
    return [
      ...Object.values(p.endpoints).map((v) => ({
        kind: 'endpoint' as const,
        v,
        showImage,
        last: msg(v.lastMessage),
        q: cachedQueue(p, desc, v),
      })),
      ...Object.values(p.notifications).map((v) => ({
        kind: 'notification' as const,
        v,
        showImage,
        last: null,
        q: cachedQueue(p, desc, v),
      })),
    ];
  }, [p, desc, log]);
  const count = cards.length;
  return (
    <Panel
      title={`Endpoints & notifications${count > 0 ? ` · ${count}` : ''}`}
      testId="view-endpoints"
    >
      {p !== null && desc !== null && count === 0 && (
        <div className="empty">This scenario creates no endpoints or notifications.</div>
      )}
      <div className="ep-grid">
        {cards.map((c) => (
          <EndpointCard
            key={`${c.kind}:${c.v.name}`}
            kind={c.kind}
            view={c.v}
            queue={c.q}
            showImage={c.showImage}
            lastMessage={c.last}
            justChanged={c.v.changedAt !== null && c.v.changedAt === cursor - 1}
            selectedThread={selectedThread}
            onSelectThread={selectThread}
            live={running}
          />
        ))}
      </div>
      {p !== null && desc !== null && <Relations p={p} desc={desc} onSelectThread={selectThread} />}
    </Panel>
  );
}
