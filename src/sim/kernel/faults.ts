// Faults (seL4 src/kernel/faulthandler.c: handleFault, handleTimeout, sendFaultIPC,
// handleFaultReply; src/api/faults.c: setMRs_fault; sel4-reference.md §1.3, §1.9). A fault goes
// as a Call-like message to the thread's fault endpoint (a timeout fault to its timeout
// endpoint); with no usable fault endpoint the thread stops (becomes Inactive).
import { sendIpc } from './endpoint';
import type { Kernel } from './kernelState';
import type { FaultInfo, SchedContext, Tcb } from './objects';
import { setThreadState } from './scheduler';
import { lookupSlotCap } from './transfer';

/** seL4_Fault labels (libsel4 arch shared_types.bf, tagged_union seL4_Fault, MCS numbering). */
export const FAULT_LABEL: Record<FaultInfo['type'], number> = {
  capFault: 1,
  unknownSyscall: 2,
  exception: 3,
  timeout: 5,
};

/** lookup_fault_t types (structures.bf); the message carries type + 1 (setMRs_lookup_failure). */
export const LOOKUP_FAULT = { invalidRoot: 0, missingCapability: 1 } as const;

/**
 * A cap fault's message registers as setMRs_fault lays them out: IP, the cap address, whether
 * it happened in the receive phase, lookup failure type + 1, bits left. No program counter is
 * modelled, so IP is 0; the address is the slot's index in the CSpace.
 */
export function capFaultWords(address: number, inRecvPhase: boolean): number[] {
  return [0, address, inRecvPhase ? 1 : 0, LOOKUP_FAULT.missingCapability + 1, 0];
}

/** A timeout fault's message: the SC's badge, then the time it consumed (seL4_Timeout_*). */
export function timeoutFaultWords(sc: SchedContext): number[] {
  return [sc.badge, sc.consumed];
}

function usableHandler(t: Tcb, slot: string | null) {
  const cap = slot === null ? null : lookupSlotCap(t, slot);
  return cap !== null &&
    cap.object.kind === 'endpoint' &&
    cap.rights.write &&
    (cap.rights.grant || cap.rights.grantReply)
    ? { cap, ep: cap.object }
    : null;
}

export function handleFault(k: Kernel, t: Tcb, fault: FaultInfo): void {
  t.fault = fault;
  const h = usableHandler(t, t.faultHandlerSlot);
  k.fx.emit({
    type: 'faultRaised',
    thread: t.name,
    faultType: fault.type,
    detail: fault.detail,
    handler: h?.ep.name ?? null,
  });
  if (h === null) {
    setThreadState(k, t, 'inactive', null);
    k.fx.emit({ type: 'threadStopped', thread: t.name, reason: `${fault.type}: ${fault.detail}` });
    return;
  }
  t.outbox = { label: FAULT_LABEL[fault.type], words: fault.words, caps: [] };
  sendIpc(k, t, h.ep, {
    blocking: true,
    isCall: true,
    badge: h.cap.badge,
    canGrant: h.cap.rights.grant,
    canGrantReply: h.cap.rights.grantReply,
    canDonate: t.sc !== null,
  });
}

/**
 * handleTimeout: the thread ran out of budget and has a timeout endpoint; it sends a timeout
 * fault there and waits for the reply, without lending its SC (sendFaultIPC can_donate false).
 * Returns false when the slot holds no usable endpoint cap (validTimeoutHandler).
 */
export function handleTimeout(k: Kernel, t: Tcb, sc: SchedContext): boolean {
  const h = usableHandler(t, t.timeoutHandlerSlot);
  if (h === null) return false;
  const fault: FaultInfo = {
    type: 'timeout',
    detail: `'${sc.name}' ran out of budget`,
    words: timeoutFaultWords(sc),
  };
  t.fault = fault;
  k.fx.emit({
    type: 'faultRaised',
    thread: t.name,
    faultType: 'timeout',
    detail: fault.detail,
    handler: h.ep.name,
  });
  t.outbox = { label: FAULT_LABEL.timeout, words: fault.words, caps: [] };
  sendIpc(k, t, h.ep, {
    blocking: true,
    isCall: false,
    badge: h.cap.badge,
    canGrant: h.cap.rights.grant,
    canGrantReply: h.cap.rights.grantReply,
    canDonate: false,
  });
  return true;
}

/**
 * handleFaultReply: after a cap fault the thread restarts its system call; after other faults it
 * resumes only when the reply's label is 0.
 */
export function handleFaultReply(k: Kernel, t: Tcb, replyLabel: number): void {
  const fault = t.fault;
  t.fault = null;
  const restart = fault === null || fault.type === 'capFault' || replyLabel === 0;
  setThreadState(k, t, restart ? 'restart' : 'inactive', null);
}
