// Faults (seL4 src/kernel/faulthandler.c: handleFault, sendFaultIPC, handleFaultReply;
// sel4-reference.md §1.3 and DESIGN.md "Kernel"). A fault goes as a Call-like message to the
// thread's fault endpoint; with no usable fault endpoint the thread stops (becomes Inactive).
import { sendIpc } from './endpoint';
import type { Kernel } from './kernelState';
import type { FaultInfo, Tcb } from './objects';
import { setThreadState } from './scheduler';
import { lookupSlotCap } from './transfer';

/** seL4_Fault labels (libsel4 seL4_FaultType). */
export const FAULT_LABEL: Record<FaultInfo['type'], number> = {
  capFault: 1,
  unknownSyscall: 2,
  exception: 3,
  timeout: 6,
};

export function handleFault(k: Kernel, t: Tcb, fault: FaultInfo): void {
  t.fault = fault;
  const slot = t.faultHandlerSlot;
  const cap = slot === null ? null : lookupSlotCap(t, slot);
  const usable =
    cap !== null &&
    cap.object.kind === 'endpoint' &&
    cap.rights.write &&
    (cap.rights.grant || cap.rights.grantReply);
  k.fx.emit({
    type: 'faultRaised',
    thread: t.name,
    faultType: fault.type,
    detail: fault.detail,
    handler: usable ? cap.object.name : null,
  });
  if (!usable || cap.object.kind !== 'endpoint') {
    setThreadState(k, t, 'inactive', null);
    k.fx.emit({ type: 'threadStopped', thread: t.name, reason: `${fault.type}: ${fault.detail}` });
    return;
  }
  t.outbox = { label: FAULT_LABEL[fault.type], words: fault.words, caps: [] };
  sendIpc(k, t, cap.object, {
    blocking: true,
    isCall: true,
    badge: cap.badge,
    canGrant: cap.rights.grant,
    canGrantReply: true,
  });
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
