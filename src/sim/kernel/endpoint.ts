// Endpoint IPC (seL4 src/object/endpoint.c: sendIPC, receiveIPC, cancelIPC; sel4-reference.md
// §1.2, §1.3, §1.5). One queue per endpoint, of senders or of receivers, never both; FIFO on the
// classic kernel, priority-ordered (FIFO among equals) on MCS.
import { maybeReturnSchedContext, receiveBoundSignal } from './notification';
import type { Kernel } from './kernelState';
import type { Endpoint, Reply, Rights, Tcb } from './objects';
import { blockedOn, emptyBlocking } from './objects';
import { replyPush, replyRemoveTcb } from './reply';
import { schedContextDonate } from './schedContext';
import { possibleSwitchTo, setThreadState } from './scheduler';
import { doIpcTransfer, doNbRecvFailedTransfer } from './transfer';
import { emitMessage } from './messages';
import { queueAppend } from './ipcQueue';

function dequeueHead(ep: Endpoint): Tcb {
  const head = ep.queue.shift()!;
  if (ep.queue.length === 0) ep.state = 'idle';
  return head;
}

export interface SendArgs {
  blocking: boolean;
  isCall: boolean;
  badge: number;
  canGrant: boolean;
  canGrantReply: boolean;
  /** MCS: the sender may lend its SC (Call, NBSendRecv, NBSendWait, fault IPC; handleSyscall). */
  canDonate: boolean;
}

/** The rights of the reply cap a Call leaves in the receiver's caller slot (frozen: shared). */
const REPLY_GRANT: Rights = Object.freeze({
  read: false,
  write: true,
  grant: true,
  grantReply: false,
});
const REPLY_NO_GRANT: Rights = Object.freeze({ ...REPLY_GRANT, grant: false });

/**
 * Classic setupCallerCap / MCS reply_push after a Call met its receiver. `canGrant` and
 * `canGrantReply` are the caller's cap rights (is a reply possible at all); `replyCanGrant` is
 * the Grant right of the *receiver's* endpoint cap, which becomes the reply cap's Grant right
 * (seL4 src/object/endpoint.c: receiveIPC passes capCanGrant of its own cap, sendIPC the waiting
 * receiver's stored blockingIPCCanGrant).
 */
function linkCaller(
  k: Kernel,
  caller: Tcb,
  callee: Tcb,
  canGrant: boolean,
  canGrantReply: boolean,
  reply: Reply | null,
  replyCanGrant: boolean,
  canDonate: boolean,
): void {
  if (!canGrant && !canGrantReply) {
    // §1.3: a Call through a cap with neither Grant nor GrantReply leaves the caller Inactive.
    setThreadState(k, caller, 'inactive', null);
    return;
  }
  if (k.state.config.mcs) {
    if (reply === null) {
      setThreadState(k, caller, 'inactive', null); // §1.5: receiver used Wait, nothing to reply through
      return;
    }
    replyPush(k, caller, callee, reply, canDonate);
    return;
  }
  setThreadState(k, caller, 'blockedOnReply', callee);
  caller.blocking = blockedOn(null, 0, replyCanGrant, false, false, null);
  callee.callerSlot = {
    object: caller,
    rights: replyCanGrant ? REPLY_GRANT : REPLY_NO_GRANT,
    badge: 0,
  };
  k.fx.touch(callee.lines.cte, true);
}

/** sendIPC */
export function sendIpc(k: Kernel, t: Tcb, ep: Endpoint, a: SendArgs): void {
  k.fx.touch(ep.line, true);
  k.fx.changed(ep);
  if (ep.state === 'idle' || ep.state === 'send') {
    if (!a.blocking) return; // NBSend: dropped silently when nobody waits
    setThreadState(k, t, 'blockedOnSend', ep);
    t.blocking = blockedOn(ep, a.badge, a.canGrant, a.canGrantReply, a.isCall, null);
    queueAppend(k, ep.queue, t);
    ep.state = 'send';
    return;
  }
  const dest = dequeueHead(ep);
  const reply = dest.blocking.reply;
  const replyCanGrant = dest.blocking.canGrant;
  const msg = doIpcTransfer(k, t, ep, a.badge, a.canGrant, dest);
  emitMessage(k, t, dest, ep, msg, t.fault !== null ? 'fault' : a.isCall ? 'call' : 'send');
  dest.blocking = emptyBlocking();
  if (a.isCall || t.fault !== null) {
    linkCaller(k, t, dest, a.canGrant, a.canGrantReply, reply, replyCanGrant, a.canDonate);
  } else if (k.state.config.mcs && a.canDonate && t.sc !== null && dest.sc === null) {
    // sendIPC, non-Call branch: NBSendRecv / NBSendWait lend the SC to a passive receiver.
    schedContextDonate(k, t.sc, dest);
  }
  setThreadState(k, dest, 'running');
  possibleSwitchTo(k, dest);
}

/** receiveIPC. `canGrant` is the Grant right of the receiver's own endpoint cap. */
export function receiveIpc(
  k: Kernel,
  t: Tcb,
  ep: Endpoint,
  blocking: boolean,
  reply: Reply | null,
  canGrant: boolean,
): void {
  k.fx.touch(ep.line, true);
  k.fx.changed(ep);
  if (reply !== null && reply.caller !== null && reply.caller !== t) {
    // MCS "Reply object already has unexecuted reply": cancelIPC on the old caller, whom
    // reply_remove_tcb leaves Inactive; a lent SC stays where it is (§1.5, reply.c).
    const old = reply.caller;
    replyRemoveTcb(k, reply);
    old.blocking = emptyBlocking();
    old.fault = null;
    setThreadState(k, old, 'inactive', null);
  }
  // §1.6: a pending (active) bound notification is consumed before the endpoint is looked at.
  if (t.boundNotification !== null && t.boundNotification.state === 'active') {
    receiveBoundSignal(k, t, t.boundNotification);
    return;
  }
  // MCS: a blocking Recv gives a bound notification's SC back, so the thread waits passively
  // for SCs its clients lend (receiveIPC -> maybeReturnSchedContext).
  if (t.boundNotification !== null && blocking) maybeReturnSchedContext(k, t.boundNotification, t);
  if (ep.state === 'idle' || ep.state === 'recv') {
    if (!blocking) {
      doNbRecvFailedTransfer(t);
      return;
    }
    setThreadState(k, t, 'blockedOnReceive', ep);
    t.blocking = blockedOn(ep, 0, canGrant, false, false, reply);
    queueAppend(k, ep.queue, t);
    ep.state = 'recv';
    return;
  }
  const sender = dequeueHead(ep);
  const b = sender.blocking;
  const msg = doIpcTransfer(k, sender, ep, b.badge, b.canGrant, t);
  const isCall = b.isCall || sender.fault !== null;
  emitMessage(k, sender, t, ep, msg, isCall ? (sender.fault ? 'fault' : 'call') : 'send');
  sender.blocking = emptyBlocking();
  if (isCall) {
    // receiveIPC: a sender lends its SC unless it is sending a timeout fault.
    const canDonate = sender.sc !== null && sender.fault?.type !== 'timeout';
    linkCaller(k, sender, t, b.canGrant, b.canGrantReply, reply, canGrant, canDonate);
  } else {
    setThreadState(k, sender, 'running');
    possibleSwitchTo(k, sender);
  }
}
