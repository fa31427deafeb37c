// Breakpoints and step units: predicates over single events, shared by the worker (which stops a
// run on them) and the page (which lists them). Plain data so they cross the worker boundary.
import type { SimEvent } from '../sim/simEvents';

export type Breakpoint =
  /** Stop after any event of this type. */
  | { kind: 'eventType'; type: string }
  /** Stop after any event that names this thread. */
  | { kind: 'thread'; thread: string }
  /** Stop after a syscall leaves the kernel on the slowpath. */
  | { kind: 'slowpath' }
  /** Stop after this cache line migrates. */
  | { kind: 'line'; line: string };

export type StepUnit = 'event' | 'entry' | 'message';

/** Thread names an event mentions (thread, from, to). */
export function eventThreads(e: SimEvent): string[] {
  const r = e as unknown as Record<string, unknown>;
  const out: string[] = [];
  for (const k of ['thread', 'from', 'to'] as const) {
    const v = r[k];
    if (typeof v === 'string' && v !== '') out.push(v);
  }
  return out;
}

export function isSlowpathExit(e: SimEvent): boolean {
  return e.type === 'syscallExited' && e.path === 'slow' && e.interrupt === null;
}

export function matchesBreakpoint(e: SimEvent, b: Breakpoint): boolean {
  switch (b.kind) {
    case 'eventType':
      return e.type === b.type;
    case 'thread':
      return eventThreads(e).includes(b.thread);
    case 'slowpath':
      return isSlowpathExit(e);
    case 'line':
      return e.type === 'cacheLineMigrated' && e.line === b.line;
  }
}

/** The first breakpoint the event hits, or null. */
export function hitBreakpoint(e: SimEvent, bps: readonly Breakpoint[]): Breakpoint | null {
  for (const b of bps) if (matchesBreakpoint(e, b)) return b;
  return null;
}

/** The event type that ends a step of this unit (null: every event does). */
export function stepEndType(unit: StepUnit): SimEvent['type'] | null {
  return unit === 'entry' ? 'syscallExited' : unit === 'message' ? 'messageTransferred' : null;
}

export function describeBreakpoint(b: Breakpoint): string {
  switch (b.kind) {
    case 'eventType':
      return `on ${b.type}`;
    case 'thread':
      return `on thread ${b.thread}`;
    case 'slowpath':
      return 'on slowpath';
    case 'line':
      return `on line ${b.line}`;
  }
}

export function sameBreakpoint(a: Breakpoint, b: Breakpoint): boolean {
  return describeBreakpoint(a) === describeBreakpoint(b);
}
