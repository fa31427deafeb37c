// Reply objects (MCS; seL4 src/object/reply.c: reply_push, reply_remove; sel4-reference.md §1.5,
// §1.9). A Call links the caller to the receiver's reply object and, when the receiver is passive,
// lends it the caller's scheduling context; the reply gives it back.
import type { Kernel } from './kernelState';
import { blockedOn, type Reply, type Tcb } from './objects';
import { schedContextDonate } from './schedContext';
import { setThreadState } from './scheduler';

/** reply_push: caller blocks on the reply; donate its SC if the callee has none. */
export function replyPush(
  k: Kernel,
  caller: Tcb,
  callee: Tcb,
  reply: Reply,
  canDonate: boolean,
): void {
  if (reply.caller !== null) replyRemove(k, reply); // a reply object answers one caller at a time
  reply.caller = caller;
  k.fx.touch(reply.line, true);
  setThreadState(k, caller, 'blockedOnReply', reply);
  const b = caller.blocking;
  caller.blocking = blockedOn(reply, b.badge, b.canGrant, b.canGrantReply, b.isCall, reply);
  if (canDonate && caller.sc !== null && callee.sc === null) {
    reply.donatedSc = caller.sc;
    schedContextDonate(k, caller.sc, callee);
  }
}

/** reply_remove: unlink the caller; a lent SC goes back to it. Returns the caller. */
export function replyRemove(k: Kernel, reply: Reply): Tcb | null {
  const caller = reply.caller;
  reply.caller = null;
  k.fx.touch(reply.line, true);
  const sc = reply.donatedSc;
  reply.donatedSc = null;
  if (caller !== null && sc !== null && sc.tcb !== caller) schedContextDonate(k, sc, caller, true);
  return caller;
}

/**
 * reply_remove_tcb: a caller blocked on the reply is cancelled (suspended, deleted). The call
 * chain is broken at this reply object, but a lent SC stays where it is, with the server
 * (src/object/reply.c; sel4-reference.md §1.9 "revoking a middle reply cap leaves the SC").
 */
export function replyRemoveTcb(k: Kernel, reply: Reply): void {
  reply.caller = null;
  reply.donatedSc = null;
  k.fx.touch(reply.line, true);
}
