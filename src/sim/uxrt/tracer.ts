// Counts the kernel entries and IPC hops of each file operation from the event stream alone. A
// thread that received a Call (or a fault message) works for its caller until it replies, so a
// server's nested Call to another server counts for the client's operation, and for the server's
// own operation if it is making one. An entry counts for the callers its thread worked for when it
// entered the kernel: the ReplyRecv that answers one client and takes the next is the first's.
import { unhandled, type SimEvent } from '../events/schema';

export interface OpTrace {
  clientEntries: number;
  serverEntries: number;
  hops: string[];
  /** The first slowpath reason among the operation's entries ("thread Syscall: reason"). */
  reason: string | null;
  fastpath: number;
  slowpath: number;
}

interface Moved {
  from: string;
  to: string;
  kind: string;
  chain: string[];
}

interface Entry {
  thread: string;
  syscall: string;
  chain: string[];
  moved: Moved[];
}

const MAX_DEPTH = 16;

export class OpTracer {
  /** Thread -> the caller it is working for (between receiving a call and replying). */
  private readonly callerOf = new Map<string, string>();
  /** Core -> the system call being executed there. */
  private readonly entries = new Map<number, Entry>();
  /** Operations in progress, by the thread making them. */
  private readonly traces = new Map<string, OpTrace>();

  /** The thread and the callers it works for, innermost first. */
  chain(thread: string): string[] {
    const out = [thread];
    let t = this.callerOf.get(thread);
    while (t !== undefined && out.length < MAX_DEPTH && !out.includes(t)) {
      out.push(t);
      t = this.callerOf.get(t);
    }
    return out;
  }

  /** Threads in the chain of `thread` that have an operation in progress. */
  openOps(thread: string): string[] {
    return this.chain(thread).filter((t) => this.traces.has(t));
  }

  /** Start counting a new operation of `thread`. */
  begin(thread: string): void {
    this.traces.set(thread, {
      clientEntries: 0,
      serverEntries: 0,
      hops: [],
      reason: null,
      fastpath: 0,
      slowpath: 0,
    });
  }

  /** What the operation of `thread` took since begin(). */
  take(thread: string): OpTrace {
    const t = this.traces.get(thread);
    this.traces.delete(thread);
    return (
      t ?? { clientEntries: 0, serverEntries: 0, hops: [], reason: null, fastpath: 0, slowpath: 0 }
    );
  }

  readonly onEvent = (e: SimEvent): void => {
    switch (e.type) {
      case 'syscallEntered':
        this.entries.set(e.core, {
          thread: e.thread,
          syscall: e.syscall,
          chain: this.chain(e.thread),
          moved: [],
        });
        return;
      case 'interruptTaken':
        this.entries.delete(e.core);
        return;
      case 'messageTransferred':
        this.moved(e.core, e.from, e.to, e.kind);
        return;
      case 'syscallExited':
        this.exited(e.core, e.thread, e.syscall, e.path, e.reason);
        return;
      case 'threadBlocked':
      case 'threadWoken':
      case 'objectChanged':
      case 'threadSwitched':
      case 'threadMigrated':
      case 'threadStopped':
      case 'cacheLineMigrated':
      case 'ipiSent':
      case 'lockAcquired':
      case 'lockContended':
      case 'lockReleased':
      case 'faultRaised':
      case 'schedContextDonated':
      case 'schedContextReturned':
      case 'budgetExhausted':
      case 'notificationSignalled':
      case 'consoleWritten':
      case 'fileOperation':
      case 'namespaceChanged':
      case 'portRegistered':
      case 'coreModeChanged':
        return;
      default:
        return unhandled(e);
    }
  };

  private moved(core: number, from: string, to: string, kind: string): void {
    let chain: string[];
    if (kind === 'reply') {
      chain = this.chain(to);
      this.callerOf.delete(from);
    } else {
      chain = this.chain(from);
      if (kind === 'call' || kind === 'fault') this.callerOf.set(to, from);
    }
    this.entries.get(core)?.moved.push({ from, to, kind, chain });
  }

  private exited(
    core: number,
    thread: string,
    syscall: string,
    path: string,
    reason?: string,
  ): void {
    const e = this.entries.get(core);
    if (e === undefined || e.thread !== thread || e.syscall !== syscall) return;
    this.entries.delete(core);
    const how = path === 'fast' ? 'fast' : 'slow';
    for (const owner of e.chain) {
      const t = this.traces.get(owner);
      if (t === undefined) continue;
      if (owner === thread) t.clientEntries++;
      else t.serverEntries++;
      if (path === 'fast') t.fastpath++;
      else {
        t.slowpath++;
        if (t.reason === null && reason !== undefined) t.reason = `${thread} ${syscall}: ${reason}`;
      }
      const mine = e.moved.filter((m) => m.chain.includes(owner));
      for (const m of mine) {
        t.hops.push(
          m.from === thread
            ? `${m.from}->${m.to} ${syscall} (${how})`
            : `${m.from}->${m.to} ${m.kind === 'fault' ? 'fault' : 'Call'} (queued; taken by ${thread} ${syscall})`,
        );
      }
      if (mine.length === 0) t.hops.push(`${thread} ${syscall} (${how})`);
    }
    // A message moved for an operation whose entry belongs to another (a queued Call taken by a
    // server's ReplyRecv): it is a hop of that operation too.
    for (const m of e.moved) {
      for (const owner of m.chain) {
        const t = this.traces.get(owner);
        if (t === undefined || e.chain.includes(owner)) continue;
        t.hops.push(
          `${m.from}->${m.to} ${m.kind === 'fault' ? 'fault' : 'Call'} (queued; taken by ${thread} ${syscall})`,
        );
      }
    }
  }
}
