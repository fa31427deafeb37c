// Imposed time (peers.md C2, §3 item 10): for the call chain that starts at one thread, what it
// cost every server it reached. A server works for the chain from the Call that reaches it from
// a thread of the chain until its reply back; whatever the server does then (its own Calls
// included) is imposed by the chain. Per hop: the cycles the server held a core for the chain,
// its kernel cycles, and the cycles spent moving cache lines on cores it ran on meanwhile.
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
  /** Cycles it ran on a core while working for the chain. */
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

export function attribute(log: LogSource, root: string, upTo = log.length): Attribution {
  const hops = new Map<string, Hop>();
  const hop = (thread: string, depth: number, calledBy: string | null): Hop => {
    let h = hops.get(thread);
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
      hops.set(thread, h);
    }
    return h;
  };
  hop(root, 0, null);
  /** Threads working for the chain now, each with the caller it answers to. */
  const serving = new Map<string, string>([[root, '']]);
  /** Per core: the thread on it and since when. */
  const onCore = new Map<number, { thread: string; since: number }>();
  const close = (core: number, t: number): void => {
    const cur = onCore.get(core);
    if (cur !== undefined && serving.has(cur.thread)) {
      hops.get(cur.thread)!.imposedCycles += t - cur.since;
    }
  };
  const end = Math.min(upTo, log.length);
  let lastT = 0;
  for (let i = 0; i < end; i++) {
    const e: SimEvent = log.get(i);
    lastT = e.t;
    switch (e.type) {
      case 'threadSwitched':
        close(e.core, e.t);
        onCore.set(e.core, { thread: e.to, since: e.t });
        break;
      case 'messageTransferred':
        if (e.kind === 'call' && serving.has(e.from) && e.to !== e.from) {
          close(e.core, e.t);
          const cur = onCore.get(e.core);
          if (cur !== undefined) cur.since = e.t;
          const from = hops.get(e.from)!;
          const h = hop(e.to, from.depth + 1, e.from);
          h.requests++;
          serving.set(e.to, e.from);
        } else if (e.kind === 'reply' && serving.get(e.from) === e.to) {
          close(e.core, e.t);
          const cur = onCore.get(e.core);
          if (cur !== undefined) cur.since = e.t;
          serving.delete(e.from);
        }
        break;
      case 'syscallExited':
        if (serving.has(e.thread)) hops.get(e.thread)!.kernelCycles += e.cycles;
        break;
      case 'cacheLineMigrated': {
        const cur = onCore.get(e.core);
        if (cur !== undefined && serving.has(cur.thread)) {
          const h = hops.get(cur.thread)!;
          h.migrations++;
          h.migrationCycles += e.cycles;
        }
        break;
      }
      default:
        break;
    }
  }
  for (const core of onCore.keys()) close(core, lastT);
  return {
    root,
    events: end,
    hops: [...hops.values()].sort((x, y) => x.depth - y.depth || x.thread.localeCompare(y.thread)),
  };
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
