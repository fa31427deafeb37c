// The scheduler (seL4 src/kernel/thread.c: schedule, chooseThread, possibleSwitchTo,
// rescheduleRequired, setThreadState; src/object/tcb.c: tcbSchedEnqueue/Append/Dequeue,
// remoteQueueUpdate). sel4-reference.md §1.8 and §1.10. One domain only (SMP requires it).
import type { ThreadStateName } from '../simEvents';
import type { Named } from '../events/schema';
import { node, type Kernel, type NodeState } from './kernelState';
import type { SchedContext, Tcb } from './objects';
import {
  emitRefills,
  refillHead,
  refillReady,
  refillSufficient,
  refillUnblockCheck,
} from './sporadic';

export function isRunnable(t: Tcb): boolean {
  return t.state === 'running' || t.state === 'restart';
}

/** MCS: a thread needs a scheduling context and must not wait for a refill (isSchedulable). */
export function isSchedulable(k: Kernel, t: Tcb): boolean {
  if (!isRunnable(t) || t.isIdle) return false;
  if (!k.state.config.mcs) return true;
  return t.sc !== null && !t.inReleaseQueue;
}

/** getHighestPrio: the top set bit of the L1 word picks the L2 word, whose top bit is the prio. */
export function highestReadyPrio(n: NodeState): number {
  if (n.readyL1 === 0) return -1;
  const w = 31 - Math.clz32(n.readyL1);
  return w * 32 + 31 - Math.clz32(n.readyBitmap[w]!);
}

/** addToBitmap */
function markReady(n: NodeState, prio: number): void {
  const w = prio >> 5;
  n.readyBitmap[w]! |= 1 << (prio & 31);
  n.readyL1 |= 1 << w;
}

/** removeFromBitmap, once the queue of prio is empty. */
function markMaybeEmpty(n: NodeState, prio: number): void {
  if (n.readyQueues[prio]!.length !== 0) return;
  const w = prio >> 5;
  if ((n.readyBitmap[w]! &= ~(1 << (prio & 31))) === 0) n.readyL1 &= ~(1 << w);
}

/** isHighestPrio: no thread in this core's ready queues outranks prio (fastpath guard, §1.7). */
export function isHighestPrio(k: Kernel, prio: number, core = k.fx.core): boolean {
  return highestReadyPrio(node(k, core)) <= prio;
}

function remoteQueueUpdate(k: Kernel, t: Tcb): void {
  // §1.10: a thread queued on another core gets a reschedule IPI only when that core is idle or
  // runs something of lower priority.
  if (t.affinity === k.fx.core) return;
  const target = node(k, t.affinity);
  if (target.curThread.isIdle || t.priority > target.curThread.priority) {
    k.fx.ipiReschedulePending.add(t.affinity);
  }
}

/** tcbSchedEnqueue: put a runnable thread at the head of its priority queue. */
export function tcbSchedEnqueue(k: Kernel, t: Tcb): void {
  if (t.queued || t.isIdle) return;
  const n = node(k, t.affinity);
  const q = n.readyQueues[t.priority]!;
  // Usually alone in its queue: push then, which costs V8 far less than unshift.
  if (q.length === 0) q.push(t);
  else q.unshift(t);
  markReady(n, t.priority);
  t.queued = true;
  k.fx.touch(n.schedLine, true);
  remoteQueueUpdate(k, t);
}

/** tcbSchedAppend: put a runnable thread at the tail of its priority queue. */
export function tcbSchedAppend(k: Kernel, t: Tcb): void {
  if (t.queued || t.isIdle) return;
  const n = node(k, t.affinity);
  n.readyQueues[t.priority]!.push(t);
  markReady(n, t.priority);
  t.queued = true;
  k.fx.touch(n.schedLine, true);
  remoteQueueUpdate(k, t);
}

export function tcbSchedDequeue(k: Kernel, t: Tcb): void {
  if (!t.queued) return;
  const n = node(k, t.affinity);
  const q = n.readyQueues[t.priority]!;
  const i = q.indexOf(t);
  if (i >= 0) q.splice(i, 1);
  markMaybeEmpty(n, t.priority);
  t.queued = false;
  k.fx.touch(n.schedLine, true);
}

export function rescheduleRequired(k: Kernel): void {
  const n = node(k);
  const a = n.schedulerAction;
  if (a !== 'resumeCurrentThread' && a !== 'chooseNewThread' && isSchedulable(k, a)) {
    tcbSchedEnqueue(k, a);
  }
  n.schedulerAction = 'chooseNewThread';
}

/** scheduleTCB: the current thread stopped being schedulable, so pick another. */
function scheduleTcb(k: Kernel, t: Tcb): void {
  const n = node(k);
  if (t === n.curThread && n.schedulerAction === 'resumeCurrentThread' && !isSchedulable(k, t)) {
    rescheduleRequired(k);
  }
}

export function setThreadState(
  k: Kernel,
  t: Tcb,
  s: ThreadStateName,
  object: Named | null = null,
): void {
  const was = t.state;
  t.state = s;
  k.fx.touch(t.lines.state, true);
  if (s === 'running' || s === 'restart') {
    if (was !== 'running' && was !== 'restart') {
      k.fx.out.threadWoken(k.fx.core, { thread: t });
      // A sporadic SC whose thread wakes merges its due refills (refill_unblock_check at every
      // wake-up site in endpoint.c, notification.c, thread.c), unless it is the one in use.
      const sc = t.sc;
      if (k.state.config.mcs && sc !== null && sc !== node(k, sc.core).curSc) {
        if (refillUnblockCheck(sc, k.fx.now)) emitRefills(k, sc);
      }
    }
  } else {
    if (t.queued) tcbSchedDequeue(k, t);
    k.fx.out.threadBlocked(k.fx.core, { thread: t, state: s, object });
  }
  scheduleTcb(k, t);
}

/** possibleSwitchTo: lazily switch to a woken thread on this core, else queue it (§1.8). */
export function possibleSwitchTo(k: Kernel, target: Tcb): void {
  if (k.state.config.mcs) {
    const sc = target.sc;
    if (sc === null || target.inReleaseQueue) return;
    if (!refillReady(sc, k.fx.now) || !refillSufficient(sc, 0, k.state.config.minBudget)) {
      postpone(k, sc); // its budget is not available yet: wait for the refill
      return;
    }
  }
  const n = node(k);
  if (target.affinity !== k.fx.core) {
    tcbSchedEnqueue(k, target);
  } else if (n.schedulerAction !== 'resumeCurrentThread') {
    rescheduleRequired(k);
    tcbSchedEnqueue(k, target);
  } else {
    n.schedulerAction = target;
  }
}

export function switchToThread(k: Kernel, t: Tcb): void {
  const n = node(k);
  tcbSchedDequeue(k, t);
  if (n.curThread !== t) {
    k.fx.switched({ from: n.curThread, to: t, idle: t.isIdle });
    k.fx.touch(t.lines.regs, false);
    k.fx.touch(n.schedLine, true);
  }
  n.curThread = t;
}

function chooseThread(k: Kernel): void {
  const n = node(k);
  const prio = highestReadyPrio(n);
  if (prio >= 0) switchToThread(k, n.readyQueues[prio]![0]!);
  else switchToThread(k, n.idleThread);
}

/** schedule(): act on ksSchedulerAction once per kernel exit (seL4 src/kernel/thread.c). */
export function schedule(k: Kernel): void {
  const n = node(k);
  const action = n.schedulerAction;
  if (action !== 'resumeCurrentThread') {
    const cur = n.curThread;
    const wasRunnable = isSchedulable(k, cur);
    if (wasRunnable) tcbSchedEnqueue(k, cur);
    if (action === 'chooseNewThread') {
      chooseThread(k);
    } else {
      const candidate = action;
      const fastfail = cur.isIdle || candidate.priority < cur.priority;
      if (fastfail && !isHighestPrio(k, candidate.priority)) {
        tcbSchedEnqueue(k, candidate);
        n.schedulerAction = 'chooseNewThread';
        chooseThread(k);
      } else if (wasRunnable && candidate.priority === cur.priority) {
        tcbSchedAppend(k, candidate);
        n.schedulerAction = 'chooseNewThread';
        chooseThread(k);
      } else {
        switchToThread(k, candidate);
      }
    }
  }
  n.schedulerAction = 'resumeCurrentThread';
}

// The release queue (seL4 src/kernel/thread.c, beside tcbSchedDequeue): threads whose SC waits
// for its next refill.
/** postpone: the SC's thread waits in the release queue for the SC's head refill. */
export function postpone(k: Kernel, sc: SchedContext): void {
  const t = sc.tcb;
  if (t === null) return;
  tcbSchedDequeue(k, t);
  const n = node(k, t.affinity);
  if (!t.inReleaseQueue) {
    const at = refillHead(sc).time;
    let i = n.releaseQueue.length;
    while (i > 0 && refillHead(n.releaseQueue[i - 1]!.sc!).time > at) i--;
    n.releaseQueue.splice(i, 0, t);
    t.inReleaseQueue = true;
  }
  k.fx.emit({ type: 'budgetExhausted', thread: t.name, sc: sc.name, until: refillHead(sc).time });
}

/** Take a thread out of its core's release queue (tcbReleaseRemove). */
export function releaseRemove(k: Kernel, t: Tcb): void {
  if (!t.inReleaseQueue) return;
  const q = node(k, t.affinity).releaseQueue;
  q.splice(q.indexOf(t), 1);
  t.inReleaseQueue = false;
}
