// TCB invocations a script needs (seL4 src/object/tcb.c: invokeTCB_Suspend/Resume,
// setPriority, invokeTCB_SetAffinity, bindNotification; sel4-reference.md §1.6, §1.8, §1.10).
// Changing a thread that is running on another core first stalls that core with a remote call.
import { cancelEndpointIpc } from './ipcQueue';
import { node, type Kernel } from './kernelState';
import { cancelSignal } from './notification';
import type { Tcb } from './objects';
import { emptyBlocking } from './objects';
import { replyRemoveTcb } from './reply';
import { releaseRemove } from './scheduler';
import {
  isSchedulable,
  possibleSwitchTo,
  rescheduleRequired,
  setThreadState,
  tcbSchedDequeue,
  tcbSchedEnqueue,
} from './scheduler';
import { migrateTcb } from './schedContext';
import type { TcbMethod } from './requests';
import { lookupSlotCap, setSyscallResult } from './transfer';

function stallIfRunningElsewhere(k: Kernel, t: Tcb): void {
  const n = node(k, t.affinity);
  if (t.affinity !== k.fx.core && n.curThread === t) k.fx.remoteCall(t.affinity);
}

/** cancelIPC: take a blocked thread out of whatever it waits on. */
export function cancelIpc(k: Kernel, t: Tcb): void {
  const o = t.blocking.object;
  if (t.state === 'blockedOnSend' || t.state === 'blockedOnReceive') {
    if (o !== null && o.kind === 'endpoint') cancelEndpointIpc(k, t, o);
  } else if (t.state === 'blockedOnNotification') {
    if (o !== null && o.kind === 'notification') cancelSignal(k, t, o);
  } else if (t.state === 'blockedOnReply') {
    t.fault = null;
    if (o !== null && o.kind === 'reply') replyRemoveTcb(k, o);
    for (const other of k.state.threads) {
      // Classic: the reply cap in the server's caller slot goes with the caller.
      if (other.callerSlot?.object === t) other.callerSlot = null;
    }
  }
  t.blocking = emptyBlocking();
}

export function suspend(k: Kernel, t: Tcb): void {
  stallIfRunningElsewhere(k, t);
  cancelIpc(k, t);
  releaseRemove(k, t);
  setThreadState(k, t, 'inactive', null);
  tcbSchedDequeue(k, t);
  k.fx.emit({ type: 'threadStopped', thread: t.name, reason: 'suspended' });
  if (node(k, t.affinity).curThread === t && t.affinity !== k.fx.core) {
    k.fx.ipiReschedulePending.add(t.affinity);
  }
}

/**
 * restart (TCB_Resume): a stopped thread, Inactive or blocked in any IPC, has its IPC cancelled
 * and runs again from the restart point, so a blocked system call is made again
 * (src/kernel/thread.c restart, isStopped).
 */
export function resume(k: Kernel, t: Tcb): void {
  if (t.state !== 'inactive' && !t.state.startsWith('blocked')) return;
  cancelIpc(k, t);
  setThreadState(k, t, 'restart');
  if (k.state.config.mcs) {
    if (isSchedulable(k, t)) possibleSwitchTo(k, t);
    return;
  }
  tcbSchedEnqueue(k, t);
  possibleSwitchTo(k, t);
}

function setPriority(k: Kernel, t: Tcb, prio: number): void {
  tcbSchedDequeue(k, t);
  t.priority = prio;
  const o = t.blocking.object;
  if (k.state.config.mcs && o !== null && (o.kind === 'endpoint' || o.kind === 'notification')) {
    // reorderEP / reorderNTFN: MCS queues stay priority-ordered.
    const q = o.queue;
    q.splice(q.indexOf(t), 1);
    let i = q.length;
    while (i > 0 && q[i - 1]!.priority < prio) i--;
    q.splice(i, 0, t);
  }
  if (t.state === 'running' || t.state === 'restart') {
    if (t === node(k).curThread) rescheduleRequired(k);
    // A thread running on another core keeps running there at its new priority (seL4
    // setPriority touches only queued threads and this core's current one).
    else if (node(k, t.affinity).curThread !== t) possibleSwitchTo(k, t);
  }
}

function setAffinity(k: Kernel, t: Tcb, core: number): string | null {
  if (k.state.config.mcs)
    return "IllegalOperation: on MCS a thread runs on its scheduling context's core";
  if (!Number.isInteger(core) || core < 0 || core >= k.state.nodes.length)
    return `RangeError: no core ${core}`;
  if (k.state.config.imageOfCore[core] !== t.image)
    return `InvalidArgument: core ${core} belongs to another kernel image`;
  stallIfRunningElsewhere(k, t);
  const wasCurrent = node(k, t.affinity).curThread === t;
  const from = t.affinity;
  migrateTcb(k, t, core);
  if (t.state === 'running' || t.state === 'restart') {
    if (!wasCurrent) tcbSchedEnqueue(k, t);
    if (wasCurrent && from === k.fx.core) rescheduleRequired(k);
    else if (wasCurrent) k.fx.ipiReschedulePending.add(from);
  }
  return null;
}

export function invokeTcb(
  k: Kernel,
  caller: Tcb,
  target: Tcb,
  inv: { method: TcbMethod; arg: number | string },
  isCall: boolean,
): void {
  let error: string | null = null;
  switch (inv.method) {
    case 'suspend':
      suspend(k, target);
      break;
    case 'resume':
      resume(k, target);
      break;
    case 'setPriority': {
      const p = Number(inv.arg);
      if (!Number.isInteger(p) || p < 0 || p > 255)
        error = `RangeError: priority ${inv.arg} is not in 0-255`;
      // checkPrio: the authority's MCP, not its priority, bounds the new priority.
      else if (p > caller.mcp)
        error = `RangeError: priority ${p} is above the caller's MCP (${caller.mcp})`;
      else setPriority(k, target, p);
      break;
    }
    case 'setAffinity':
      error = setAffinity(k, target, Number(inv.arg));
      break;
    case 'bindNotification': {
      const cap = lookupSlotCap(caller, String(inv.arg));
      if (cap === null || cap.object.kind !== 'notification')
        error = `InvalidCapability: '${inv.arg}' is not a notification cap`;
      else if (target.boundNotification !== null || cap.object.boundTcb !== null)
        error = 'IllegalOperation: already bound';
      else {
        target.boundNotification = cap.object;
        cap.object.boundTcb = target;
      }
      break;
    }
    case 'unbindNotification':
      if (target.boundNotification === null) error = 'IllegalOperation: no bound notification';
      else {
        target.boundNotification.boundTcb = null;
        target.boundNotification = null;
      }
      break;
  }
  if (isCall && caller.state === 'running') setSyscallResult(caller, error);
}
