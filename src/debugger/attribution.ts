// Imposed time (peers.md C2, §3 item 10): for the call chain that starts at one thread, what it
// cost every server it reached. A server works for the chain from the Call that reaches it from
// a thread of the chain until its reply back; whatever the server does then (its own Calls
// included) is imposed by the chain. Per hop: the cycles the server held a core for the chain,
// its kernel cycles, and the cycles spent moving cache lines on cores it ran on meanwhile.
// Imposed cycles = its kernel entries plus its time in user mode while working for the chain.
// The chain starts at its first thread's first Call.
import type { SimEvent } from '../sim/simEvents';
import type { LogSource } from './hitScanner';

export interface Hop {
  thread: string;
  /** 0 for the chain's first thread, 1 for the servers it calls, and so on. */
  depth: number;
  /** The thread whose Call first brought this one into the chain. */
  calledBy: string | null;
  /** Calls from the chain it served (for the first thread: 0). */
  requests: number;
  /** Cycles it spent working for the chain: kernel entries and user time. */
  imposedCycles: number;
  kernelCycles: number;
  migrations: number;
  migrationCycles: number;
}

export interface Attribution {
  root: string;
  /** Events looked at (the log up to the cursor). */
  events: number;
  hops: Hop[];
}

/** The chain from one thread, folded one event at a time (the CLI streams; the worker reads its log). */
export class ChainFold {
  private readonly hops = new Map<string, Hop>();
  /** Threads working for the chain now, each with the caller it answers to. */
  private readonly serving = new Map<string, string>();
  /** Servers that replied: they work for the chain until that kernel entry ends. */
  private readonly finishing = new Set<string>();
  /** Per core: the thread it runs. */
  private readonly onCore = new Map<number, string>();
  /** Threads of the chain in user mode now: on which core, since when. */
  private readonly user = new Map<string, { core: number; since: number }>();
  private events = 0;
  private lastT = 0;

  constructor(readonly root: string) {
    this.hop(root, 0, null);
  }

  private hop(thread: string, depth: number, calledBy: string | null): Hop {
    let h = this.hops.get(thread);
    if (h === undefined) {
      h = {
        thread,
        depth,
        calledBy,
        requests: 0,
        imposedCycles: 0,
        kernelCycles: 0,
        migrations: 0,
        migrationCycles: 0,
      };
      this.hops.set(thread, h);
    }
    return h;
  }

  /** Start from the threads on the cores now (a fold begun in the middle of a run). */
  seedCores(onCore: ReadonlyMap<number, string>, events: number): void {
    for (const [core, thread] of onCore) this.onCore.set(core, thread);
    this.events = events;
  }

  /** End the user-mode interval of whatever chain thread runs on `core`. */
  private leaveUser(core: number, t: number): void {
    for (const [thread, u] of this.user) {
      if (u.core !== core) continue;
      this.hops.get(thread)!.imposedCycles += t - u.since;
      this.user.delete(thread);
    }
  }

  add(e: SimEvent): void {
    this.events++;
    this.lastT = e.t;
    switch (e.type) {
      case 'threadSwitched':
        this.leaveUser(e.core, e.t);
        this.onCore.set(e.core, e.to);
        return;
      case 'syscallEntered':
      case 'interruptTaken':
        this.leaveUser(e.core, e.t);
        return;
      case 'messageTransferred':
        if (e.kind === 'call' && e.from === this.root && !this.serving.has(this.root)) {
          this.serving.set(this.root, ''); // the chain starts at the root's first Call
        }
        if (e.kind === 'call' && this.serving.has(e.from) && e.to !== e.from) {
          const h = this.hop(e.to, this.hops.get(e.from)!.depth + 1, e.from);
          h.requests++;
          this.serving.set(e.to, e.from);
          this.finishing.delete(e.to);
        } else if (e.kind === 'reply' && this.serving.get(e.from) === e.to) {
          this.finishing.add(e.from);
        }
        return;
      case 'syscallExited': {
        const h = this.serving.has(e.thread) ? this.hops.get(e.thread)! : null;
        if (h !== null) {
          h.kernelCycles += e.cycles;
          h.imposedCycles += e.cycles;
        }
        if (this.finishing.delete(e.thread)) this.serving.delete(e.thread);
        return;
      }
      case 'coreModeChanged': {
        // User time starts when the core says it is back in user mode, in whichever thread it
        // runs then (the switch at the end of a kernel entry comes before it).
        this.leaveUser(e.core, e.t);
        const now = this.onCore.get(e.core);
        if (e.mode === 'user' && now !== undefined && this.serving.has(now)) {
          this.user.set(now, { core: e.core, since: e.t });
        }
        return;
      }
      case 'cacheLineMigrated': {
        const t = this.onCore.get(e.core);
        if (t !== undefined && this.serving.has(t)) {
          const h = this.hops.get(t)!;
          h.migrations++;
          h.migrationCycles += e.cycles;
        }
        return;
      }
      default:
        return;
    }
  }

  /** The hops so far (user time counted up to the last event). */
  result(): Attribution {
    const hops = [...this.hops.values()].map((h) => ({ ...h }));
    const byName = new Map(hops.map((h) => [h.thread, h]));
    for (const [thread, u] of this.user) byName.get(thread)!.imposedCycles += this.lastT - u.since;
    return {
      root: this.root,
      events: this.events,
      hops: hops.sort((x, y) => x.depth - y.depth || x.thread.localeCompare(y.thread)),
    };
  }
}

/** The chain from `root` over the log up to `upTo` events. */
export function attribute(log: LogSource, root: string, upTo = log.length): Attribution {
  const f = new ChainFold(root);
  const end = Math.min(upTo, log.length);
  for (let i = 0; i < end; i++) f.add(log.get(i));
  return f.result();
}

/** At most this many chains in a report (the first threads to Call). */
export const MAX_CHAINS = 16;

/**
 * Every chain of a run, folded as events stream by: one per thread that Calls, started at its
 * first Call; the result keeps those whose thread is never called itself (where chains start).
 */
export class AllChains {
  private readonly folds = new Map<string, ChainFold>();
  private readonly called = new Set<string>();
  private readonly onCore = new Map<number, string>();
  private events = 0;

  add(e: SimEvent): void {
    if (e.type === 'messageTransferred' && e.kind === 'call') {
      this.called.add(e.to);
      if (!this.folds.has(e.from) && this.folds.size < MAX_CHAINS) {
        const f = new ChainFold(e.from);
        f.seedCores(this.onCore, this.events);
        this.folds.set(e.from, f);
      }
    }
    if (e.type === 'threadSwitched') this.onCore.set(e.core, e.to);
    this.events++;
    for (const f of this.folds.values()) f.add(e);
  }

  result(): Attribution[] {
    return [...this.folds.values()]
      .filter((f) => !this.called.has(f.root))
      .map((f) => f.result())
      .sort((a, b) => a.root.localeCompare(b.root));
  }
}

/** Threads that Call others and are never called: where chains start. */
export function chainRoots(log: LogSource, upTo = log.length): string[] {
  const callers = new Set<string>();
  const called = new Set<string>();
  for (let i = 0; i < Math.min(upTo, log.length); i++) {
    const e = log.get(i);
    if (e.type === 'messageTransferred' && e.kind === 'call') {
      callers.add(e.from);
      called.add(e.to);
    }
  }
  return [...callers].filter((t) => !called.has(t)).sort();
}
