// Why a run that ended with no thread able to run is a deadlock rather than a finish: a thread
// still waits to send (a Call or Send no receiver will take) or for a reply nobody will give.
// Threads waiting to receive are servers at rest, and a notification wait may be for an
// interrupt: neither is counted. In a multikernel a server in another kernel image never sees
// an endpoint of this one (sel4-reference.md §5), so a client there blocks for good.
import type { Projection, ThreadView } from './types';

const STUCK: ReadonlySet<ThreadView['state']> = new Set(['blockedOnSend', 'blockedOnReply']);

/** "deadlocked: client blocked on ep with nobody to answer", or null when nobody is stuck. */
export function deadlockDetail(p: Projection): string | null {
  const stuck = Object.values(p.threads).filter((t) => STUCK.has(t.state) && t.stopped === null);
  if (stuck.length === 0) return null;
  const [first, ...rest] = stuck;
  const on = (t: ThreadView) =>
    `${t.name} blocked on ${t.blockedOn ?? 'its endpoint'}${t.state === 'blockedOnReply' ? ' (waiting for the reply)' : ''}`;
  const more =
    rest.length === 0
      ? ''
      : `; also ${rest
          .slice(0, 3)
          .map((t) => t.name)
          .join(', ')}${rest.length > 3 ? ` and ${rest.length - 3} more` : ''}`;
  return `deadlocked: ${on(first!)} with nobody to answer${more}.`;
}
