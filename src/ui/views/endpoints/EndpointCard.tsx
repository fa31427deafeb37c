// One endpoint or notification: its state, its queue in order (with each sender's badge), what
// it has carried, and for a notification its word and bound thread.
import { memo, useRef, type Ref } from 'react';
import { useInView } from '../../components/useInView';
import type { EndpointView, NotificationView } from '../../../projection/types';
import { fmtHex, fmtInt } from '../../format';
import type { QueueEntry } from './selectEndpoints';

export interface EndpointCardProps {
  kind: 'endpoint' | 'notification';
  view: EndpointView | NotificationView;
  queue: QueueEntry[];
  showImage: boolean;
  lastMessage: string | null;
  justChanged: boolean;
  selectedThread: string | null;
  onSelectThread: (name: string) => void;
  /** A run is streaming: a card out of view keeps what it showed until it scrolls into view. */
  live: boolean;
}

export const EndpointCard = memo(function EndpointCard(p: EndpointCardProps) {
  const ref = useRef<HTMLDivElement>(null);
  const inView = useInView(ref);
  const shown = useRef(p);
  if (!p.live || inView) shown.current = p;
  return <CardBody {...shown.current} cardRef={ref} />;
});

const CardBody = memo(function CardBody(p: EndpointCardProps & { cardRef: Ref<HTMLDivElement> }) {
  const v = p.view;
  const n = 'word' in v ? v : null;
  return (
    <div
      ref={p.cardRef}
      className={`ep-card state-${v.state}${p.justChanged ? ' changed' : ''}`}
      data-testid={p.kind}
      data-name={v.name}
      data-state={v.state}
      data-queue={v.queue.join(',')}
    >
      <div className="ep-head">
        <span className="ep-kind">{p.kind === 'endpoint' ? 'EP' : 'NTFN'}</span>
        <span className="ep-name">{v.name}</span>
        {p.showImage && <span className={`image-chip image-${v.image % 6}`}>img {v.image}</span>}
        <span className={`pill ep-state state-${v.state}`}>{v.state}</span>
      </div>
      {n && (
        <div className="ep-line">
          word <span className="mono">{fmtHex(n.word)}</span>
          {n.boundThread && (
            <>
              {' '}
              · bound to <b>{n.boundThread}</b>
            </>
          )}
          <span className="muted"> · {fmtInt(n.signals)} signals</span>
        </div>
      )}
      <ol className="ep-queue" aria-label={`${v.name} queue`}>
        {p.queue.length === 0 && <li className="muted empty-queue">queue empty</li>}
        {p.queue.map((q, i) => (
          <li key={q.thread}>
            <button
              className={`queue-item role-${q.role}${q.thread === p.selectedThread ? ' selected' : ''}`}
              onClick={() => p.onSelectThread(q.thread)}
              title={`${q.thread} is ${q.role === 'sender' ? 'waiting to send' : 'waiting to receive'}${q.syscall ? ` in ${q.syscall}` : ''}`}
            >
              <span className="q-pos">{i + 1}</span>
              <b>{q.thread}</b>
              {q.syscall && <span className="muted"> {q.syscall}</span>}
              {q.badge !== null && <span className="badge mono">badge {q.badge}</span>}
            </button>
          </li>
        ))}
      </ol>
      <div className="ep-foot muted">
        {fmtInt(v.messages)} message{v.messages === 1 ? '' : 's'}
        {p.lastMessage && <span className="mono"> · last {p.lastMessage}</span>}
      </div>
    </div>
  );
});
