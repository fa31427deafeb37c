// The IPC fastpath guards (seL4 src/fastpath/fastpath.c: fastpath_call, fastpath_reply_recv;
// sel4-reference.md §1.7), checked in seL4's order. Each returns null when the fastpath is taken,
// or the first failing condition as a sentence a student can follow.
import { isHighestPrio } from './scheduler';
import { physicalMRs, type Kernel } from './kernelState';
import type { Cap, Endpoint, Reply, Tcb } from './objects';
import type { OutMessage } from './requests';
import { lookupSlotCap, MSG_MAX_LENGTH } from './transfer';

function messageCheck(k: Kernel, msg: OutMessage): string | null {
  const caps = msg.caps?.length ?? 0;
  if (caps > 0)
    return `${caps} cap${caps > 1 ? 's' : ''} transferred: the fastpath carries no caps`;
  const length = Math.min(msg.words?.length ?? 0, MSG_MAX_LENGTH);
  const mrs = physicalMRs(k);
  if (length > mrs) {
    return `${length} message words > ${mrs} message registers on ${k.state.profile.isa}`;
  }
  return null;
}

function affinityCheck(k: Kernel, other: Tcb, role: 'receiver' | 'caller'): string | null {
  const core = k.fx.core;
  if (other.affinity === core) return null;
  const key = (other.affinity * 65536 + core) * 2 + (role === 'caller' ? 1 : 0);
  const memo = other.affinityReason;
  if (memo !== null && memo.key === key) return memo.text;
  const text = `${role} '${other.name}' runs on core ${other.affinity}, this thread on core ${core}`;
  other.affinityReason = { key, text };
  return text;
}

/** fastpath_call conditions 1–11 (§1.7). */
export function checkCallFastpath(k: Kernel, t: Tcb, slot: string, msg: OutMessage): string | null {
  const m = messageCheck(k, msg);
  if (m) return m;
  if (t.fault !== null) return 'the caller has a pending fault';
  const cap: Cap | null = lookupSlotCap(t, slot);
  if (cap === null || cap.object.kind !== 'endpoint') {
    return `slot '${slot}' does not hold an endpoint cap`;
  }
  if (!cap.rights.write) return `the endpoint cap in '${slot}' lacks the Write right`;
  const ep = cap.object;
  if (ep.state !== 'recv') {
    return `no receiver is waiting on endpoint '${ep.name}' (state ${ep.state}): the caller must queue`;
  }
  const dest = ep.queue[0]!;
  if (dest.priority < t.priority && !isHighestPrio(k, dest.priority)) {
    return `receiver '${dest.name}' (priority ${dest.priority}) is below the caller (${t.priority}) and a higher-priority thread is ready`;
  }
  if (!cap.rights.grant && !cap.rights.grantReply) {
    return `the endpoint cap has neither Grant nor GrantReply, so no reply cap can be made`;
  }
  if (k.state.config.mcs) {
    if (dest.sc !== null)
      return `receiver '${dest.name}' has its own scheduling context (not passive)`;
    if (dest.blocking.reply === null) return `receiver '${dest.name}' waits without a reply object`;
  }
  return affinityCheck(k, dest, 'receiver');
}

/** fastpath_reply_recv conditions 1–12 (§1.7). */
export function checkReplyRecvFastpath(
  k: Kernel,
  t: Tcb,
  slot: string,
  msg: OutMessage,
  reply: Reply | null,
): string | null {
  const m = messageCheck(k, msg);
  if (m) return m;
  if (t.fault !== null) return 'the replier has a pending fault';
  const cap = lookupSlotCap(t, slot);
  if (cap === null || cap.object.kind !== 'endpoint') {
    return `slot '${slot}' does not hold an endpoint cap`;
  }
  if (!cap.rights.read) return `the endpoint cap in '${slot}' lacks the Read right`;
  const ep: Endpoint = cap.object;
  if (k.state.config.mcs && reply === null) return 'no reply object to reply through';
  const bound = t.boundNotification;
  if (bound !== null && bound.state === 'active') {
    return `bound notification '${bound.name}' is active: the signal must be delivered first`;
  }
  if (ep.state === 'send') {
    return `senders are queued on endpoint '${ep.name}': the next one must be received`;
  }
  let caller: Tcb | null;
  if (k.state.config.mcs) {
    caller = reply?.caller ?? null;
    if (caller === null) return 'the reply object is not linked to a caller';
    if (reply!.donatedSc !== null && reply!.donatedSc !== t.sc) {
      return 'the scheduling context to return is not the one this thread runs on';
    }
  } else {
    const callerCap = t.callerSlot;
    if (callerCap === null || callerCap.object.kind !== 'tcb')
      return 'no reply cap in the caller slot';
    caller = callerCap.object;
  }
  if (caller.fault !== null)
    return `the caller '${caller.name}' has a fault: a fault reply is slowpath`;
  if (!isHighestPrio(k, caller.priority)) {
    return `a thread above the caller '${caller.name}' (priority ${caller.priority}) is ready`;
  }
  if (k.state.config.mcs && caller.sc !== null) {
    return `the caller '${caller.name}' still has a scheduling context (it did not donate)`;
  }
  return affinityCheck(k, caller, 'caller');
}
