// Kernel invariants checked after every step in tests (style guide 3.7; seL4's asserts in
// src/object/endpoint.c and src/kernel/thread.c; sel4-reference.md §1.2, §1.5, §1.6, §1.8).
// Each check returns sentences naming the object and thread; an empty list means all hold.
import type { KernelState } from './kernel/kernelState';
import type { Endpoint, Notification, Tcb } from './kernel/objects';
import { isRunnable } from './kernel/scheduler';
import type { SimEvent } from './simEvents';

interface HasKernel {
  world: { state: KernelState };
}

function checkCores(s: KernelState, out: string[]): void {
  const currentOn = new Map<Tcb, number>();
  for (const n of s.nodes) {
    const cur = n.curThread;
    if (cur.isIdle && cur !== n.idleThread) {
      out.push(`core ${n.core} runs another core's idle thread '${cur.name}'`);
    }
    const other = currentOn.get(cur);
    if (other !== undefined) {
      out.push(`thread '${cur.name}' is current on cores ${other} and ${n.core}`);
    }
    currentOn.set(cur, n.core);
    if (cur.queued) out.push(`thread '${cur.name}' runs on core ${n.core} and is in a ready queue`);
  }
}

/** Every queue a thread can sit in, with a name for messages. */
function queuesOf(s: KernelState): [string, Tcb[]][] {
  const qs: [string, Tcb[]][] = [];
  for (const n of s.nodes) {
    n.readyQueues.forEach((q, p) => {
      if (q.length > 0) qs.push([`ready queue ${p} of core ${n.core}`, q]);
    });
  }
  for (const ep of s.endpoints) qs.push([`endpoint '${ep.name}'`, ep.queue]);
  for (const nt of s.notifications) qs.push([`notification '${nt.name}'`, nt.queue]);
  return qs;
}

function checkQueues(s: KernelState, out: string[]): void {
  const seen = new Map<Tcb, string>();
  for (const [where, q] of queuesOf(s)) {
    for (const t of q) {
      const before = seen.get(t);
      if (before !== undefined) out.push(`thread '${t.name}' is in ${before} and in ${where}`);
      seen.set(t, where);
    }
  }
  for (const n of s.nodes) {
    n.readyQueues.forEach((q, p) => {
      for (const t of q) {
        if (!t.queued) out.push(`'${t.name}' is in ${`ready queue ${p}`} but not marked queued`);
        if (t.priority !== p)
          out.push(`'${t.name}' (priority ${t.priority}) is in ready queue ${p}`);
        if (t.affinity !== n.core)
          out.push(`'${t.name}' (core ${t.affinity}) is in core ${n.core}'s ready queue`);
        if (!isRunnable(t)) out.push(`'${t.name}' is in a ready queue while ${t.state}`);
      }
    });
  }
  const current = new Set(s.nodes.map((n) => n.curThread));
  for (const t of s.threads) {
    if (t.queued && !seen.get(t)?.startsWith('ready queue')) {
      out.push(`'${t.name}' is marked queued but is in no ready queue`);
    }
    // A runnable thread is running or ready; on MCS only if it holds an SC with budget (§1.9).
    const schedulable = !s.config.mcs || (t.sc !== null && !t.inReleaseQueue);
    if (isRunnable(t) && schedulable && !t.queued && !current.has(t)) {
      out.push(`'${t.name}' is ${t.state} but neither running nor in a ready queue`);
    }
  }
}

function checkEndpoint(ep: Endpoint, s: KernelState, out: string[]): void {
  if ((ep.state === 'idle') !== (ep.queue.length === 0)) {
    out.push(`endpoint '${ep.name}' is ${ep.state} with ${ep.queue.length} queued`);
  }
  const want = ep.state === 'send' ? 'blockedOnSend' : 'blockedOnReceive';
  for (const t of ep.queue) {
    if (t.state !== want || t.blocking.object !== ep) {
      out.push(`endpoint '${ep.name}' (${ep.state}) queues '${t.name}', which is ${t.state}`);
    }
  }
  for (const t of s.threads) {
    const waits = t.state === 'blockedOnSend' || t.state === 'blockedOnReceive';
    if (waits && t.blocking.object === ep && !ep.queue.includes(t)) {
      out.push(`'${t.name}' is ${t.state} on '${ep.name}' but not in its queue`);
    }
  }
}

function checkNotification(nt: Notification, s: KernelState, out: string[]): void {
  if ((nt.state === 'waiting') !== nt.queue.length > 0) {
    out.push(`notification '${nt.name}' is ${nt.state} with ${nt.queue.length} waiting`);
  }
  // Active with word 0 is legal: a signal through an unbadged cap only wakes (§1.6).
  if (nt.state !== 'active' && nt.word !== 0) {
    out.push(`notification '${nt.name}' is ${nt.state} but holds word ${nt.word}`);
  }
  for (const t of nt.queue) {
    if (t.state !== 'blockedOnNotification' || t.blocking.object !== nt) {
      out.push(`notification '${nt.name}' queues '${t.name}', which is ${t.state}`);
    }
  }
  for (const t of s.threads) {
    if (t.state === 'blockedOnNotification' && t.blocking.object === nt && !nt.queue.includes(t)) {
      out.push(`'${t.name}' waits on '${nt.name}' but is not in its queue`);
    }
  }
  if (nt.boundTcb !== null && nt.boundTcb.boundNotification !== nt) {
    out.push(`notification '${nt.name}' and thread '${nt.boundTcb.name}' disagree on binding`);
  }
}

/**
 * A caller waits for one reply: classic, at most one caller slot holds its reply cap (none after
 * a second Recv deleted it, §1.5); MCS, exactly one reply object links it.
 */
function checkReplies(s: KernelState, out: string[]): void {
  const refs = new Map<Tcb, number>();
  const add = (t: Tcb): void => void refs.set(t, (refs.get(t) ?? 0) + 1);
  for (const t of s.threads) {
    const c = t.callerSlot?.object;
    if (c !== undefined && c.kind === 'tcb') {
      add(c);
      if (c.state !== 'blockedOnReply')
        out.push(`'${t.name}' holds a reply cap to '${c.name}', which is ${c.state}`);
    }
  }
  for (const r of s.replies) {
    if (r.caller === null) continue;
    add(r.caller);
    if (r.caller.state !== 'blockedOnReply' || r.caller.blocking.object !== r) {
      out.push(`reply object '${r.name}' links '${r.caller.name}', which is ${r.caller.state}`);
    }
  }
  for (const t of s.threads) {
    const n = refs.get(t) ?? 0;
    if (n > 1) out.push(`'${t.name}' is referenced by ${n} reply caps or reply objects`);
    if (s.config.mcs && t.state === 'blockedOnReply' && n !== 1) {
      out.push(`'${t.name}' is blockedOnReply but linked to ${n} reply objects`);
    }
  }
}

function checkSchedContexts(s: KernelState, out: string[]): void {
  for (const sc of s.schedContexts) {
    if (sc.tcb !== null && sc.tcb.sc !== sc) {
      out.push(`SC '${sc.name}' names '${sc.tcb.name}' as its thread, which runs on another SC`);
    }
  }
  for (const t of s.threads) {
    if (t.sc !== null && t.sc.tcb !== t)
      out.push(`'${t.name}' runs on '${t.sc.name}' it does not hold`);
  }
}

/** All kernel invariants of the current state; [] when they hold. */
export function checkInvariants(sim: HasKernel): string[] {
  const s = sim.world.state;
  const out: string[] = [];
  checkCores(s, out);
  checkQueues(s, out);
  for (const ep of s.endpoints) checkEndpoint(ep, s, out);
  for (const nt of s.notifications) checkNotification(nt, s, out);
  checkReplies(s, out);
  checkSchedContexts(s, out);
  return out;
}

/**
 * No message lost or duplicated: every Call (or fault message) is answered by exactly one reply
 * to that caller, or the caller ends the run still waiting, faulted or inactive.
 */
export function checkMessageConservation(log: readonly SimEvent[], sim: HasKernel): string[] {
  const out: string[] = [];
  const pending = new Map<string, number>();
  for (const e of log) {
    if (e.type === 'messageTransferred') {
      if (e.kind === 'call' || e.kind === 'fault') {
        if (pending.has(e.from)) {
          out.push(
            `'${e.from}' sent a ${e.kind} (event ${e.seq}) before its previous one was answered`,
          );
        }
        pending.set(e.from, e.seq);
      } else if (e.kind === 'reply') {
        if (!pending.delete(e.to)) out.push(`reply to '${e.to}' (event ${e.seq}) answers no call`);
      }
    } else if (e.type === 'threadBlocked' && e.state === 'inactive') {
      pending.delete(e.thread); // the call is void: suspended, or no reply cap could be made
    }
  }
  for (const [name, seq] of pending) {
    const t = sim.world.state.threads.find((x) => x.name === name);
    const ok = t !== undefined && (t.state === 'blockedOnReply' || t.fault !== null);
    if (!ok) out.push(`the call by '${name}' (event ${seq}) was never answered`);
  }
  return out;
}
