// One pure evaluator per condition kind (conditions.ts). The scanner calls `before` with the
// state before an event is folded and `after` with the state after; `after` says whether the
// breakpoint hits at that event. Conditions on state (a queue length, an idle core, a free-form
// expression) hit where they turn true, so a run that keeps holding them stops once, as a
// watchpoint would. `reset` starts from any projection (a checkpoint), so scanning can begin
// anywhere in the log and give the same hits as a scan from the start.
import { matchesBreakpoint } from '../projection/breakpoints';
import type { MachineDescription, Projection } from '../projection/types';
import type { SimEvent } from '../sim/simEvents';
import type { Condition } from './conditions';

export type Machine = Readonly<Projection>;

export interface ConditionEvaluator {
  reset(p: Machine, last: SimEvent | null): void;
  before(p: Machine, e: SimEvent): void;
  after(p: Machine, e: SimEvent): boolean;
}

/** A compiled free-form condition (the worker compiles it; tests may pass a plain function). */
export type CompiledExpression = (machine: Machine, event: SimEvent | null) => unknown;

type Of<K extends Condition['kind']> = Extract<Condition, { kind: K }>;

/** An evaluator that looks at the event alone. */
function onEvent(test: (e: SimEvent) => boolean): ConditionEvaluator {
  return { reset() {}, before() {}, after: (_p, e) => test(e) };
}

/**
 * Rising edge of a per-key predicate: `keys(e)` are the keys the event may change (null: any
 * key may have changed, re-test all of `all(p)`).
 */
function risingEdge(
  holds: (p: Machine, key: string) => boolean,
  all: (p: Machine) => string[],
  keys: (e: SimEvent) => string[] | null,
): ConditionEvaluator {
  let level = new Set<string>();
  return {
    reset(p) {
      level = new Set(all(p).filter((k) => holds(p, k)));
    },
    before() {},
    after(p, e) {
      const ks = keys(e);
      if (ks !== null && ks.length === 0) return false;
      let hit = false;
      for (const k of ks ?? all(p)) {
        const now = holds(p, k);
        if (now && !level.has(k)) {
          level.add(k);
          hit = true;
        } else if (!now) level.delete(k);
      }
      return hit;
    },
  };
}

function endpointQueue(c: Of<'endpointQueue'>): ConditionEvaluator {
  return risingEdge(
    (p, name) => {
      const ep = p.endpoints[name];
      return ep !== undefined && ep.state === c.side && ep.queue.length >= c.atLeast;
    },
    (p) => (c.endpoint === null ? Object.keys(p.endpoints) : [c.endpoint]),
    (e) =>
      e.type === 'objectChanged' &&
      e.kind === 'endpoint' &&
      (c.endpoint === null || e.object === c.endpoint)
        ? [e.object]
        : [],
  );
}

/** Threads an event may change the state of. */
function namedThreads(e: SimEvent): string[] {
  switch (e.type) {
    case 'threadBlocked':
    case 'threadWoken':
    case 'threadStopped':
    case 'faultRaised':
    case 'syscallEntered':
    case 'syscallExited':
    case 'budgetExhausted':
      return [e.thread];
    case 'threadSwitched':
      return [e.from, e.to];
    default:
      return [];
  }
}

function threadState(c: Of<'threadState'>): ConditionEvaluator {
  const was = new Map<string, string>();
  return {
    reset() {},
    before(p, e) {
      was.clear();
      for (const name of namedThreads(e)) {
        const t = p.threads[name];
        if (t !== undefined) was.set(name, t.state);
      }
    },
    after(p, e) {
      for (const name of namedThreads(e)) {
        if (c.thread !== null && name !== c.thread) continue;
        const t = p.threads[name];
        if (t !== undefined && t.state === c.state && was.get(name) !== c.state) return true;
      }
      return false;
    },
  };
}

function lineOwner(c: Of<'lineOwner'>, desc: MachineDescription): ConditionEvaluator {
  const socket = (core: number) => desc.cores[core]?.socket ?? 0;
  return onEvent(
    (e) =>
      e.type === 'cacheLineMigrated' &&
      (c.line === null || e.line === c.line) &&
      e.from !== e.to &&
      (!c.crossSocket || socket(e.from) !== socket(e.to)),
  );
}

/** Cores that are idle while a thread with affinity to them is ready and not running. */
function idleWithReady(p: Machine): Set<number> {
  const ready = new Set<number>();
  for (const t of Object.values(p.threads)) {
    if (t.state === 'running' && t.runningOn === null) ready.add(t.core);
  }
  const out = new Set<number>();
  for (const core of p.cores) if (core.mode === 'idle' && ready.has(core.id)) out.add(core.id);
  return out;
}

const SCHEDULING_EVENTS = new Set<SimEvent['type']>([
  'threadSwitched',
  'threadWoken',
  'threadBlocked',
  'threadStopped',
  'threadMigrated',
  'syscallEntered',
  'syscallExited',
  'interruptTaken',
  'lockAcquired',
]);

function coreIdleWhileReady(c: Of<'coreIdleWhileReady'>): ConditionEvaluator {
  let level = new Set<number>();
  const wanted = (s: Set<number>) =>
    c.core === null ? s : new Set([...s].filter((x) => x === c.core));
  return {
    reset(p) {
      level = wanted(idleWithReady(p));
    },
    before() {},
    after(p, e) {
      if (!SCHEDULING_EVENTS.has(e.type)) return false;
      const now = wanted(idleWithReady(p));
      const hit = [...now].some((x) => !level.has(x));
      level = now;
      return hit;
    },
  };
}

function expression(run: CompiledExpression): ConditionEvaluator {
  let level = false;
  return {
    reset(p, last) {
      level = Boolean(run(p, last));
    },
    before() {},
    after(p, e) {
      const now = Boolean(run(p, e));
      const hit = now && !level;
      level = now;
      return hit;
    },
  };
}

/**
 * The evaluator for one condition. An expression needs its compiled form (`compiled`); the
 * evaluator throws whatever the expression throws, and the caller reports it.
 */
export function createEvaluator(
  c: Condition,
  desc: MachineDescription,
  compiled?: CompiledExpression,
): ConditionEvaluator {
  switch (c.kind) {
    case 'event':
      return onEvent((e) => matchesBreakpoint(e, c.match));
    case 'endpointQueue':
      return endpointQueue(c);
    case 'threadState':
      return threadState(c);
    case 'lineOwner':
      return lineOwner(c, desc);
    case 'coreIdleWhileReady':
      return coreIdleWhileReady(c);
    case 'lockContended':
      return onEvent((e) => e.type === 'lockContended' && e.waitCycles > c.cycles);
    case 'scExhausted':
      return onEvent(
        (e) => e.type === 'budgetExhausted' && (c.thread === null || e.thread === c.thread),
      );
    case 'fault':
      return onEvent(
        (e) => e.type === 'faultRaised' && (c.thread === null || e.thread === c.thread),
      );
    case 'fileOpCost':
      return onEvent((e) => e.type === 'fileOperation' && e.kernelEntries > c.entries);
    case 'expression':
      if (compiled === undefined)
        throw new Error('an expression condition needs its compiled form');
      return expression(compiled);
  }
}
