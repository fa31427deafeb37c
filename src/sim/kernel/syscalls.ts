// System call decode and dispatch (seL4 src/api/syscall.c: handleSyscall, handleInvocation,
// handleRecv, handleReply, handleYield; sel4-reference.md §1.1, §1.3, §1.7). Cap lookups that
// fail raise cap faults; invocations with the wrong rights return errors (Call) or vanish (Send).
import { receiveIpc, sendIpc } from './endpoint';
import { invokeCNode } from './cnode';
import { checkCallFastpath, checkReplyRecvFastpath } from './fastpath';
import { capFaultWords, handleFault, handleFaultReply } from './faults';
import type { Kernel } from './kernelState';
import { emitMessage } from './messages';
import { receiveSignal, sendSignal } from './notification';
import type { Cap, Reply, Tcb } from './objects';
import { emptyBlocking } from './objects';
import { replyRemove } from './reply';
import type { OutMessage, SyscallRequest } from './requests';
import { node } from './kernelState';
import { possibleSwitchTo, rescheduleRequired, setThreadState, tcbSchedAppend } from './scheduler';
import { refillHead } from './sporadic';
import { chargeBudget } from './timer';
import { invokeTcb } from './tcbInvocations';
import { doIpcTransfer, lookupFailure, lookupSlotCap, setSyscallResult } from './transfer';

export interface SyscallOutcome {
  path: 'fast' | 'slow';
  reason?: string;
  /** A message moved (adds the IPC transfer work to a slowpath entry). */
  transferred: boolean;
}

function capFault(k: Kernel, t: Tcb, slot: string, inRecvPhase: boolean, why: string): void {
  const index = t.cspace.get(slot)?.index ?? -1;
  handleFault(k, t, {
    type: 'capFault',
    detail: `slot '${slot}'${index >= 0 ? ` (#${index})` : ''}: ${why}`,
    words: capFaultWords(index, inRecvPhase),
  });
}

/** A Call gets the error back; a Send has nobody to tell (§1.3). */
function invocationError(t: Tcb, isCall: boolean, e: string): void {
  if (isCall) setSyscallResult(t, e);
}

/** Every fastpath entry has the same outcome: one shared record (nothing writes to it). */
const FASTPATH: SyscallOutcome = Object.freeze({ path: 'fast', transferred: true });

function slowpath(reason: string, transferred = true): SyscallOutcome {
  return { path: 'slow', reason, transferred };
}

function setOutbox(t: Tcb, msg: OutMessage): void {
  t.outbox = { label: msg.label ?? 0, words: msg.words ?? [], caps: msg.caps ?? [] };
}

/**
 * MCS: the Grant right of the reply cap named for a Reply (doReplyTransfer's grant is
 * capReplyCanGrant of the invoked reply cap, src/api/syscall.c handleInvocation). The reply
 * object a process gets by default is reached through a cap with all rights.
 */
function replyGrant(k: Kernel, t: Tcb, name: string | undefined): boolean {
  if (!k.state.config.mcs || name === undefined) return true;
  return lookupSlotCap(t, name)?.rights.grant ?? false;
}

function ownReply(k: Kernel, t: Tcb, name: string | undefined): Reply | null {
  if (!k.state.config.mcs) return null;
  if (name === undefined) return t.reply;
  const cap = lookupSlotCap(t, name);
  return cap !== null && cap.object.kind === 'reply' ? cap.object : null;
}

/** handleInvocation for Send/NBSend/Call. Returns false if the kernel faulted the thread. */
function invoke(
  k: Kernel,
  t: Tcb,
  slot: string,
  msg: OutMessage,
  isCall: boolean,
  blocking: boolean,
  canDonate = isCall,
): void {
  setOutbox(t, msg);
  const cap: Cap | null = lookupSlotCap(t, slot);
  if (cap === null) {
    // A blocking invocation of an empty slot faults; NBSend fails silently (handleInvocation).
    if (blocking) capFault(k, t, slot, false, lookupFailure(t, slot));
    return;
  }
  const o = cap.object;

  switch (o.kind) {
    case 'endpoint':
      if (!cap.rights.write)
        return invocationError(t, isCall, 'InvalidCapability: endpoint cap without Write right');
      sendIpc(k, t, o, {
        blocking,
        isCall,
        badge: cap.badge,
        canGrant: cap.rights.grant,
        canGrantReply: cap.rights.grantReply,
        canDonate,
      });
      return;
    case 'notification':
      if (!cap.rights.write)
        return invocationError(
          t,
          isCall,
          'InvalidCapability: notification cap without Write right',
        );
      sendSignal(k, o, cap.badge);
      if (isCall) setSyscallResult(t, null);
      return;
    case 'reply':
      doReply(k, t, o, cap.rights.grant);
      return;
    case 'tcb':
      return invocationError(
        t,
        isCall,
        'IllegalOperation: invoke a TCB cap with sys.tcbSuspend, sys.tcbResume, ...',
      );
    case 'schedContext':
      return invocationError(
        t,
        isCall,
        'IllegalOperation: scheduling context invocations are not modelled',
      );
  }
}

/**
 * handleRecv: Recv/NBRecv/Wait/Poll on an endpoint or notification cap. `replySlot` is the MCS
 * reply argument of Recv/NBRecv/ReplyRecv/NBSendRecv (undefined: this thread's own reply
 * object; null: Wait, no reply object).
 */
function recv(
  k: Kernel,
  t: Tcb,
  slot: string,
  blocking: boolean,
  replySlot: string | null | undefined,
): void {
  const cap = lookupSlotCap(t, slot);
  if (cap === null) return capFault(k, t, slot, true, lookupFailure(t, slot));
  const o = cap.object;
  if (o.kind === 'endpoint') {
    if (!cap.rights.read) return capFault(k, t, slot, true, 'endpoint cap without Read right');
    let reply: Reply | null = null;
    if (k.state.config.mcs && replySlot !== null) {
      // lookupReply: the reply argument must name a reply object, else a cap fault in the
      // receive phase (src/api/syscall.c handleRecv).
      if (replySlot === undefined) reply = t.reply;
      else {
        const rc = lookupSlotCap(t, replySlot);
        if (rc === null) return capFault(k, t, replySlot, true, lookupFailure(t, replySlot));
        if (rc.object.kind !== 'reply')
          return capFault(k, t, replySlot, true, `not a reply object cap (${rc.object.kind})`);
        reply = rc.object;
      }
    }
    // deleteCallerCap: a pending reply cap is lost, on an endpoint receive only (§1.5)
    if (!k.state.config.mcs) t.callerSlot = null;
    receiveIpc(k, t, o, blocking, reply, cap.rights.grant);
    return;
  }
  if (o.kind === 'notification') {
    if (!cap.rights.read) return capFault(k, t, slot, true, 'notification cap without Read right');
    if (o.boundTcb !== null && o.boundTcb !== t) {
      return capFault(k, t, slot, true, `notification is bound to '${o.boundTcb.name}'`);
    }
    receiveSignal(k, t, o, blocking);
    return;
  }
  capFault(k, t, slot, true, `not an endpoint or notification cap (${o.kind})`);
}

/** doReplyTransfer through the classic caller slot or an MCS reply object. */
function doReply(k: Kernel, t: Tcb, reply: Reply | null, grant: boolean): boolean {
  let caller: Tcb | null;
  if (k.state.config.mcs) {
    if (reply === null || reply.caller === null) return false;
    caller = replyRemove(k, reply);
  } else {
    const rc = t.callerSlot;
    if (rc === null || rc.object.kind !== 'tcb') return false; // nothing to reply to: no effect
    caller = rc.object;
    grant = rc.rights.grant;
    t.callerSlot = null;
    k.fx.touch(t.lines.cte, true);
  }
  if (caller === null) return false;
  caller.blocking = emptyBlocking();
  if (caller.fault !== null) {
    emitMessage(
      k,
      t,
      caller,
      'fault reply',
      {
        badge: 0,
        label: t.outbox.label,
        length: 0,
        words: [],
        extraCaps: 0,
        capsUnwrapped: 0,
        caps: [],
        unwrappedBadges: [],
      },
      'reply',
    );
    handleFaultReply(k, caller, t.outbox.label);
  } else {
    const msg = doIpcTransfer(k, t, null, 0, grant, caller);
    emitMessage(k, t, caller, reply ?? k.state.replyCap, msg, 'reply');
    setThreadState(k, caller, 'running');
  }
  if (caller.state === 'running' || caller.state === 'restart') possibleSwitchTo(k, caller);
  return true;
}

/**
 * handleYield (src/api/syscall.c). Classic: to the tail of its priority queue. MCS: the rest of
 * the head refill is charged (chargeBudget(head.rAmount)), so a round-robin SC goes to the back
 * of its queue with a fresh slice and a sporadic SC waits for its next refill.
 */
function handleYield(k: Kernel, t: Tcb): void {
  if (k.state.config.mcs) {
    const n = node(k);
    const sc = n.curSc;
    if (sc === null) return;
    const consumed = sc.consumed + n.consumed;
    chargeBudget(k, refillHead(sc).amount, false);
    sc.consumed = consumed;
    return;
  }
  tcbSchedAppend(k, t);
  rescheduleRequired(k);
  node(k).schedulerAction = 'chooseNewThread';
}

export function handleSyscall(k: Kernel, t: Tcb, r: SyscallRequest): SyscallOutcome {
  switch (r.op) {
    case 'call': {
      const reason = checkCallFastpath(k, t, r.slot, r.msg);
      invoke(k, t, r.slot, r.msg, true, true);
      return reason === null ? FASTPATH : slowpath(reason);
    }
    case 'send':
    case 'nbSend':
      invoke(k, t, r.slot, r.msg, false, r.op === 'send');
      return slowpath('Send has no fastpath (only Call and ReplyRecv do)');
    case 'recv':
    case 'nbRecv':
    case 'wait':
    case 'nbWait':
    case 'poll': {
      const blocking = r.op === 'recv' || r.op === 'wait';
      const noReply = r.op === 'wait' || r.op === 'nbWait' || r.op === 'poll';
      recv(k, t, r.slot, blocking, noReply ? null : r.reply);
      return slowpath('Recv has no fastpath (only Call and ReplyRecv do)');
    }
    case 'reply': {
      setOutbox(t, r.msg);
      doReply(k, t, ownReply(k, t, r.reply), replyGrant(k, t, r.reply));
      return slowpath('Reply has no fastpath (only Call and ReplyRecv do)');
    }
    case 'replyRecv': {
      const reply = ownReply(k, t, r.reply);
      const reason = checkReplyRecvFastpath(k, t, r.slot, r.msg, reply);
      setOutbox(t, r.msg);
      doReply(k, t, reply, replyGrant(k, t, r.reply));
      recv(k, t, r.slot, true, r.reply);
      return reason === null ? FASTPATH : slowpath(reason);
    }
    case 'nbSendRecv':
    case 'nbSendWait': {
      // canDonate: NBSendRecv and NBSendWait may lend the SC (handleSyscall).
      invoke(k, t, r.dest, r.msg, false, false, true);
      if (t.state === 'running') recv(k, t, r.slot, true, r.op === 'nbSendRecv' ? r.reply : null);
      return slowpath(`${r.op === 'nbSendRecv' ? 'NBSendRecv' : 'NBSendWait'} has no fastpath`);
    }
    case 'signal': {
      const cap = lookupSlotCap(t, r.slot);
      if (cap === null) {
        capFault(k, t, r.slot, false, lookupFailure(t, r.slot));
        return slowpath('cap fault', false);
      }
      if (cap.object.kind !== 'notification') {
        invoke(k, t, r.slot, {}, false, true);
        return slowpath('Signal is a Send on a notification cap; this cap is not one');
      }
      if (cap.rights.write) sendSignal(k, cap.object, cap.badge);
      return slowpath('Signal has no fastpath on this configuration', false);
    }
    case 'sgi': {
      const cap = lookupSlotCap(t, r.slot);
      if (cap === null) {
        capFault(k, t, r.slot, false, lookupFailure(t, r.slot));
        return slowpath('cap fault', false);
      }
      const end = cap.object.kind === 'notification' ? cap.object.channel : null;
      if (end !== null && cap.rights.write) k.fx.sendSgi(end.peerCore, end.peer);
      return slowpath('SGI invocation (cross-image signal) takes the slowpath', false);
    }
    case 'yield':
      handleYield(k, t);
      return slowpath('Yield', false);
    case 'tcb': {
      const cap =
        r.slot === null
          ? {
              object: t,
              rights: { read: true, write: true, grant: true, grantReply: true },
              badge: 0,
            }
          : lookupSlotCap(t, r.slot);
      if (cap === null) {
        capFault(k, t, r.slot ?? 'self', false, 'empty slot');
        return slowpath('cap fault', false);
      }
      if (cap.object.kind !== 'tcb') {
        setSyscallResult(t, `InvalidCapability: slot '${r.slot}' is not a TCB cap`);
        return slowpath('TCB invocation', false);
      }
      invokeTcb(k, t, cap.object, { method: r.method, arg: r.arg }, true);
      return slowpath('TCB invocations take the slowpath', false);
    }
    case 'exit':
      setThreadState(k, t, 'inactive', null);
      k.fx.emit({ type: 'threadStopped', thread: t.name, reason: r.reason ?? 'program returned' });
      return slowpath('the program returned (TCB_Suspend on itself)', false);
    case 'cnode':
      invokeCNode(k, t, r);
      return slowpath('CNode invocations take the slowpath', false);
  }
}
