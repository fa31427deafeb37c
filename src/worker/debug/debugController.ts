// The worker's side of the debugger for one loaded run: the breakpoints the page set (the old
// event breakpoints and the semantic ones), compiled and scanned over the run's log by a
// HitScanner. Answers "does the run stop at event i", "where is the previous hit", "hit N".
import type { Breakpoint } from '../../projection/breakpoints';
import { createProjection } from '../../projection/initialProjection';
import { describeCondition, type DebugBreakpoint } from '../../debugger/conditions';
import type { CompiledExpression } from '../../debugger/evaluators';
import type { BreakpointProblem } from '../../debugger/protocol';
import { HitScanner } from '../../debugger/hitScanner';
import type { RunLog } from '../runLog';
import { compileCondition, ConditionError } from './compileCondition';

/** Ids at or below this are the old event breakpoints, numbered by their place in the list. */
const LEGACY_BASE = -1_000_000;

export class DebugController {
  private legacy: Breakpoint[] = [];
  private semantic: DebugBreakpoint[] = [];
  private scanner: HitScanner | null = null;
  private compileProblems: BreakpointProblem[] = [];
  private failuresReported = 0;

  constructor(private run: RunLog | null) {}

  /** A new run was loaded: scanning starts over, the breakpoints stay. */
  attach(run: RunLog | null): void {
    this.run = run;
    this.scanner = null;
  }

  setLegacy(bps: Breakpoint[]): void {
    this.legacy = bps;
    this.scanner = null;
  }

  /** Replace the semantic breakpoints; returns the ones that did not compile. */
  setSemantic(bps: DebugBreakpoint[]): BreakpointProblem[] {
    this.semantic = bps;
    this.scanner = null;
    this.compileProblems = [];
    return this.ensure() === null ? [] : this.compileProblems;
  }

  private all(): DebugBreakpoint[] {
    return [
      ...this.legacy.map((match, i): DebugBreakpoint => ({
        id: LEGACY_BASE - i,
        condition: { kind: 'event', match },
        enabled: true,
      })),
      ...this.semantic,
    ];
  }

  get hasSemantic(): boolean {
    return this.semantic.length > 0;
  }

  get active(): boolean {
    return this.legacy.length > 0 || this.semantic.some((b) => b.enabled);
  }

  private ensure(): HitScanner | null {
    if (this.scanner !== null || this.run === null) return this.scanner;
    const compiled = new Map<number, CompiledExpression>();
    const usable: DebugBreakpoint[] = [];
    this.compileProblems = [];
    for (const b of this.all()) {
      if (b.enabled && b.condition.kind === 'expression') {
        try {
          compiled.set(b.id, compileCondition(b.condition.source, b.id));
        } catch (e) {
          const ce = e instanceof ConditionError ? e : null;
          this.compileProblems.push({
            id: b.id,
            index: null,
            message: e instanceof Error ? e.message : String(e),
            line: ce?.line ?? null,
            column: ce?.column ?? null,
          });
          continue;
        }
      }
      usable.push(b);
    }
    const r = this.run;
    this.scanner = new HitScanner(
      r.log,
      createProjection(r.description),
      r.description,
      usable,
      compiled,
    );
    this.failuresReported = 0;
    return this.scanner;
  }

  /** Does the run stop after event i? (The log must hold event i.) */
  hitAt(i: number): boolean {
    const s = this.active ? this.ensure() : null;
    return s !== null && s.hitAt(i);
  }

  /** The event before `cursor - 1` where the last hit was, or -1. */
  previousHit(cursor: number): number {
    const s = this.active ? this.ensure() : null;
    return s === null ? -1 : s.previousHit(cursor);
  }

  /** What hit at event i, as a sentence for the stop message. */
  describeHitAt(i: number): string {
    const s = this.ensure();
    if (s === null) return '';
    const byId = new Map(this.all().map((b) => [b.id, b]));
    const names = s.idsAt(i).map((id) => {
      const b = byId.get(id)!;
      return id <= LEGACY_BASE
        ? describeCondition(b.condition)
        : `#${id} ${describeCondition(b.condition)}`;
    });
    return names.length === 0 ? '' : `Breakpoint: ${names.join('; ')}.`;
  }

  /** Hit counts of the semantic breakpoints at the cursor. */
  counts(cursor: number): Record<number, number> {
    const s = this.active ? this.ensure() : null;
    if (s === null) return {};
    const all = s.counts(cursor);
    const out: Record<number, number> = {};
    for (const b of this.semantic) if (all[b.id] !== undefined) out[b.id] = all[b.id]!;
    return out;
  }

  /** Conditions that threw since the last call (each is switched off where it threw). */
  newFailures(): BreakpointProblem[] {
    const s = this.scanner;
    if (s === null) return [];
    const out = s.failures.slice(this.failuresReported).map((f) => {
      const ce = /\(line (\d+)(?:, column (\d+))?\)/.exec(f.message);
      return {
        id: f.id,
        index: f.index,
        message: f.message,
        line: ce ? Number(ce[1]) : null,
        column: ce?.[2] !== undefined ? Number(ce[2]) : null,
      };
    });
    this.failuresReported = s.failures.length;
    return out;
  }
}
