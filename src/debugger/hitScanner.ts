// Finds where breakpoints hit in a logged run: folds the log once from the start, keeping for
// every enabled breakpoint the sorted indices of the events it hits at. Continuing forward,
// reverse-continuing and counting hits are then lookups in those lists; the scan only ever moves
// forward from where it stopped (a fold of logged events, never a re-simulation), so running
// back to the previous hit costs a binary search (peers.md D5, §3 item 7).
import { ProjectionWriter } from '../projection/projectionWriter';
import type { MachineDescription, Projection } from '../projection/types';
import type { SimEvent } from '../sim/simEvents';
import type { DebugBreakpoint } from './conditions';
import { createEvaluator, type CompiledExpression, type ConditionEvaluator } from './evaluators';

export interface LogSource {
  readonly length: number;
  get(i: number): SimEvent;
}

/** A breakpoint whose condition threw: it is switched off and the error is reported. */
export interface ConditionFailure {
  id: number;
  index: number;
  message: string;
}

interface Active {
  id: number;
  evaluator: ConditionEvaluator;
  hits: number[];
  /** Its condition threw: no longer evaluated (the hits before stay). */
  failed: boolean;
}

/** The last element of a sorted list that is < limit, or -1 (binary search). */
export function lastBelow(sorted: readonly number[], limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? -1 : sorted[lo - 1]!;
}

/** How many elements of a sorted list are < limit. */
export function countBelow(sorted: readonly number[], limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class HitScanner {
  private readonly writer: ProjectionWriter;
  private readonly active: Active[] = [];
  /** Indices hit by any breakpoint, sorted. */
  private readonly any: number[] = [];
  private done = 0;
  readonly failures: ConditionFailure[] = [];

  constructor(
    private readonly log: LogSource,
    initial: Projection,
    desc: MachineDescription,
    breakpoints: readonly DebugBreakpoint[],
    compiled: ReadonlyMap<number, CompiledExpression> = new Map(),
  ) {
    this.writer = new ProjectionWriter(initial);
    for (const b of breakpoints) {
      if (!b.enabled) continue;
      const evaluator = createEvaluator(b.condition, desc, compiled.get(b.id));
      try {
        evaluator.reset(this.writer.current, null);
      } catch (e) {
        this.fail(b.id, 0, e);
        continue;
      }
      this.active.push({ id: b.id, evaluator, hits: [], failed: false });
    }
  }

  /** Events folded so far: hits are known for every index below this. */
  get scanned(): number {
    return this.done;
  }

  get empty(): boolean {
    return this.active.every((a) => a.failed);
  }

  private fail(id: number, index: number, e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    this.failures.push({ id, index, message });
  }

  /** Fold the log up to (not including) index `n` (at most its length). */
  scanTo(n: number): void {
    const end = Math.min(n, this.log.length);
    const p = this.writer.current;
    for (let i = this.done; i < end; i++) {
      const e = this.log.get(i);
      for (const a of this.active) if (!a.failed) a.evaluator.before(p, e);
      this.writer.apply(e);
      let hit = false;
      for (const a of this.active) {
        if (a.failed) continue;
        let h: boolean;
        try {
          h = a.evaluator.after(p, e);
        } catch (err) {
          this.fail(a.id, i, err);
          a.failed = true;
          continue;
        }
        if (h) {
          a.hits.push(i);
          hit = true;
        }
      }
      if (hit) this.any.push(i);
    }
    if (end > this.done) this.done = end;
  }

  /** Does any enabled breakpoint hit at event i? Scans up to it first. */
  hitAt(i: number): boolean {
    this.scanTo(i + 1);
    return lastBelow(this.any, i + 1) === i;
  }

  /** Breakpoint ids that hit at event i (i must be scanned). */
  idsAt(i: number): number[] {
    return this.active.filter((a) => lastBelow(a.hits, i + 1) === i).map((a) => a.id);
  }

  /**
   * The last hit at an event before `cursor - 1` (the event the cursor stands after), or -1:
   * where reverse-continue from `cursor` stops (just after that event).
   */
  previousHit(cursor: number): number {
    this.scanTo(cursor);
    return lastBelow(this.any, cursor - 1);
  }

  /** Hits per breakpoint id at events before `cursor` ("hit N" at this moment). */
  counts(cursor: number): Record<number, number> {
    this.scanTo(cursor);
    const out: Record<number, number> = {};
    for (const a of this.active) out[a.id] = countBelow(a.hits, cursor);
    return out;
  }
}
