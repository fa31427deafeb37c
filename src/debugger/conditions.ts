// Semantic breakpoints: conditions on the machine as the projection folds it, not only on single
// events (peers.md §3 item 7). Plain data, so they cross the worker boundary; each kind has a
// pure evaluator (evaluators.ts) that the worker runs over its log and the tests run directly.
import type { Breakpoint } from '../projection/breakpoints';
import type { ThreadStateName } from '../sim/simEvents';

export type Condition =
  /** The old event-level breakpoints (event type, thread, slowpath, cache line). */
  | { kind: 'event'; match: Breakpoint }
  /** An endpoint (or any, when null) comes to hold at least `atLeast` queued senders/receivers. */
  | { kind: 'endpointQueue'; endpoint: string | null; side: 'send' | 'recv'; atLeast: number }
  /** A thread (or any) enters this state. */
  | { kind: 'threadState'; thread: string | null; state: ThreadStateName }
  /** A cache line (or any) changes owner; with crossSocket, only moves between sockets. */
  | { kind: 'lineOwner'; line: string | null; crossSocket: boolean }
  /** A core (or any) is idle while a thread whose affinity is that core is ready to run. */
  | { kind: 'coreIdleWhileReady'; core: number | null }
  /** A core waited for the big lock longer than `cycles`. */
  | { kind: 'lockContended'; cycles: number }
  /** A scheduling context ran out of budget (MCS), for a thread or any. */
  | { kind: 'scExhausted'; thread: string | null }
  /** A fault was raised, by a thread or any. */
  | { kind: 'fault'; thread: string | null }
  /** A file operation took more than `entries` kernel entries. */
  | { kind: 'fileOpCost'; entries: number }
  /**
   * A TypeScript condition over `machine` (the projection, read-only) and `event` (the event
   * just folded); the breakpoint hits when it turns from false to true.
   */
  | { kind: 'expression'; source: string };

export type ConditionKind = Condition['kind'];

export interface DebugBreakpoint {
  /** Stable across edits (the page assigns it). */
  id: number;
  condition: Condition;
  enabled: boolean;
}

function who(name: string | null, what: string): string {
  return name === null ? `any ${what}` : `${what} ${name}`;
}

/** One line for the breakpoints panel and the stop message. */
export function describeCondition(c: Condition): string {
  switch (c.kind) {
    case 'event':
      switch (c.match.kind) {
        case 'eventType':
          return `event ${c.match.type}`;
        case 'thread':
          return `an event of thread ${c.match.thread}`;
        case 'slowpath':
          return 'a syscall leaves on the slowpath';
        case 'line':
          return `line ${c.match.line} migrates`;
      }
      break;
    case 'endpointQueue':
      return `${who(c.endpoint, 'endpoint')} holds ≥ ${c.atLeast} queued ${c.side === 'send' ? 'senders' : 'receivers'}`;
    case 'threadState':
      return `${who(c.thread, 'thread')} enters ${c.state}`;
    case 'lineOwner':
      return c.crossSocket
        ? `${who(c.line, 'cache line')} crosses a socket`
        : `${who(c.line, 'cache line')} changes owner`;
    case 'coreIdleWhileReady':
      return `${c.core === null ? 'a core' : `core ${c.core}`} idles while a thread is ready on it`;
    case 'lockContended':
      return `the big lock is contended for > ${c.cycles} cycles`;
    case 'scExhausted':
      return `${c.thread === null ? 'a scheduling context' : `the SC of ${c.thread}`} runs out of budget`;
    case 'fault':
      return `${who(c.thread, 'thread')} raises a fault`;
    case 'fileOpCost':
      return `a file operation costs > ${c.entries} kernel entries`;
    case 'expression':
      return `when ${c.source.trim().replace(/\s+/g, ' ')}`;
  }
}
