// The queue of an endpoint or a notification (seL4 src/object/endpoint.c, notification.c):
// appending a blocked thread (FIFO on the classic kernel, by priority on MCS) and taking a thread
// out of an endpoint's queue when its IPC is cancelled. Both objects use these; apart from
// endpoint.ts so notification.ts need not import it back.
import type { Kernel } from './kernelState';
import type { Endpoint, Tcb } from './objects';
import { emptyBlocking } from './objects';

/** tcbEPAppend (classic) or tcbAppend by priority (MCS). */
export function queueAppend(k: Kernel, queue: Tcb[], t: Tcb): void {
  if (!k.state.config.mcs) {
    queue.push(t);
    return;
  }
  let i = queue.length;
  while (i > 0 && queue[i - 1]!.priority < t.priority) i--;
  queue.splice(i, 0, t);
}

/** cancelIPC for a thread blocked on an endpoint: take it out of the queue. */
export function cancelEndpointIpc(k: Kernel, t: Tcb, ep: Endpoint): void {
  const i = ep.queue.indexOf(t);
  if (i >= 0) ep.queue.splice(i, 1);
  if (ep.queue.length === 0) ep.state = 'idle';
  k.fx.touch(ep.line, true);
  k.fx.changed(ep);
  t.blocking = emptyBlocking();
}
