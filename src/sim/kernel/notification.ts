// Notifications (seL4 src/object/notification.c: sendSignal, receiveSignal, completeSignal,
// cancelSignal; sel4-reference.md §1.6). One data word: Signal ORs the badge in and wakes the
// first waiter; Wait returns and clears it, or blocks while it is zero.
import { cancelEndpointIpc, queueAppend } from './ipcQueue';
import type { Kernel } from './kernelState';
import type { Notification, Tcb } from './objects';
import { blockedOn, emptyBlocking } from './objects';
import { node } from './kernelState';
import { schedContextDonate, schedContextUnbindTcb } from './schedContext';
import { possibleSwitchTo, rescheduleRequired, setThreadState } from './scheduler';
import { doNbRecvFailedTransfer } from './transfer';

/**
 * maybeDonateSchedContext (MCS): a passive thread woken by a notification with a bound SC runs
 * on that SC, if no one else holds it (src/object/notification.c).
 */
function maybeDonateSchedContext(k: Kernel, t: Tcb, ntfn: Notification): void {
  const sc = ntfn.sc;
  if (!k.state.config.mcs || t.sc !== null || sc === null || sc.tcb !== null) return;
  schedContextDonate(k, sc, t);
}

/**
 * maybeReturnSchedContext (MCS): a thread that waits again on the notification, or blocks in a
 * Recv with it bound, gives the notification's SC back (include/object/notification.h).
 */
export function maybeReturnSchedContext(k: Kernel, ntfn: Notification, t: Tcb): void {
  const sc = ntfn.sc;
  if (sc === null || t.sc !== sc) return;
  schedContextUnbindTcb(k, sc, ntfn.name);
  if (t === node(k).curThread) rescheduleRequired(k);
}

/** Wake a thread the notification delivered to: on MCS it may take the notification's SC. */
function wake(k: Kernel, t: Tcb, ntfn: Notification): void {
  setThreadState(k, t, 'running');
  maybeDonateSchedContext(k, t, ntfn);
  possibleSwitchTo(k, t);
}

function deliverBadge(t: Tcb, badge: number): void {
  t.inbox = {
    badge,
    label: 0,
    length: 0,
    words: [],
    extraCaps: 0,
    capsUnwrapped: 0,
    caps: [],
    unwrappedBadges: [],
  };
}

/** sendSignal */
export function sendSignal(k: Kernel, ntfn: Notification, badge: number): void {
  k.fx.touch(ntfn.line, true);
  k.fx.changed(ntfn);
  if (ntfn.state === 'idle') {
    const tcb = ntfn.boundTcb;
    if (tcb !== null && tcb.state === 'blockedOnReceive') {
      // §1.6: the bound thread waiting on an endpoint is pulled out of it with the badge.
      const ep = tcb.blocking.object;
      if (ep !== null && ep.kind === 'endpoint') cancelEndpointIpc(k, tcb, ep);
      deliverBadge(tcb, badge);
      k.fx.emit({ type: 'notificationSignalled', object: ntfn.name, badge, word: 0 });
      wake(k, tcb, ntfn);
      return;
    }
    // Blocked in a Call's reply phase (or not waiting): the signal is only recorded.
    ntfn.word = badge;
    ntfn.state = 'active';
    k.fx.emit({ type: 'notificationSignalled', object: ntfn.name, badge, word: ntfn.word });
    return;
  }
  if (ntfn.state === 'waiting') {
    const dest = ntfn.queue.shift()!;
    if (ntfn.queue.length === 0) ntfn.state = 'idle';
    dest.blocking = emptyBlocking();
    deliverBadge(dest, badge);
    k.fx.emit({ type: 'notificationSignalled', object: ntfn.name, badge, word: 0 });
    wake(k, dest, ntfn);
    return;
  }
  ntfn.word = (ntfn.word | badge) >>> 0; // several signals coalesce into one wake-up
  k.fx.emit({ type: 'notificationSignalled', object: ntfn.name, badge, word: ntfn.word });
}

/** completeSignal: hand the accumulated word to the thread and clear it. */
function completeSignal(k: Kernel, t: Tcb, ntfn: Notification): void {
  deliverBadge(t, ntfn.word);
  ntfn.word = 0;
  ntfn.state = 'idle';
  k.fx.touch(ntfn.line, true);
  k.fx.changed(ntfn);
  maybeDonateSchedContext(k, t, ntfn);
}

/** The pending bound notification consumed by a Recv before the endpoint (§1.6). */
export function receiveBoundSignal(k: Kernel, t: Tcb, ntfn: Notification): void {
  completeSignal(k, t, ntfn);
}

/** receiveSignal (Wait, or Poll when not blocking). */
export function receiveSignal(k: Kernel, t: Tcb, ntfn: Notification, blocking: boolean): void {
  k.fx.touch(ntfn.line, true);
  k.fx.changed(ntfn);
  if (ntfn.state === 'active') {
    completeSignal(k, t, ntfn);
    return;
  }
  if (!blocking) {
    doNbRecvFailedTransfer(t);
    return;
  }
  setThreadState(k, t, 'blockedOnNotification', ntfn);
  t.blocking = blockedOn(ntfn, 0, false, false, false, null);
  queueAppend(k, ntfn.queue, t);
  ntfn.state = 'waiting';
  maybeReturnSchedContext(k, ntfn, t);
}

/** cancelSignal: take a waiter off the notification's queue. */
export function cancelSignal(k: Kernel, t: Tcb, ntfn: Notification): void {
  const i = ntfn.queue.indexOf(t);
  if (i >= 0) ntfn.queue.splice(i, 1);
  if (ntfn.queue.length === 0 && ntfn.state === 'waiting') ntfn.state = 'idle';
  k.fx.touch(ntfn.line, true);
  k.fx.changed(ntfn);
  t.blocking = emptyBlocking();
}
