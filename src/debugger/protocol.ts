// The debugger's part of the worker protocol (src/protocol/messages.ts includes these unions).
// Plain, structured-clone-safe data.
import type { ConfigOverrides } from '../sim/config';
import type { LogpointHit, LogpointProblem, LogpointSpec } from '../loader/logpoints';
import type { RunDiff } from './runDiff';
import type { Attribution } from './attribution';

export type { LogpointHit, LogpointProblem, LogpointSpec };

/** One side of a diff, or a fork: a scenario source on a machine. */
export interface RunVariant {
  label: string;
  source: string;
  file: string;
  overrides: ConfigOverrides;
}

export interface BreakpointProblem {
  id: number;
  /** The event where the condition threw (null: it did not compile). */
  index: number | null;
  message: string;
  line: number | null;
  column: number | null;
}

export interface BranchInfo {
  id: number;
  label: string;
  /** The branch it was forked from (null: the run as loaded). */
  parent: number | null;
  /** Events kept from the parent before the change took effect. */
  forkIndex: number;
  /** What changed, in words. */
  change: string;
}

export type DebugRequest =
  /** Continue to the next hit of an enabled breakpoint (1, as fast as possible) or the previous (-1). */
  | { type: 'continue'; direction: 1 | -1 }
  /** Re-simulate the run with these logpoints (none: without any); answered by logpoints. */
  | { type: 'setLogpoints'; logpoints: LogpointSpec[] }
  /** Run two variants to the end (or the log cap) and compare them; answered by diff. */
  | { type: 'diff'; a: RunVariant; b: RunVariant; maxEvents?: number }
  /**
   * At the cursor, change the scenario's parameters (the same source) or its source, and go on
   * from there as a new branch; answered by branches (and the new run's snapshot).
   */
  | { type: 'fork'; params?: Record<string, number>; source?: string; label?: string }
  /** Switch to another branch (its log, cursor kept where it was); answered by branches. */
  | { type: 'switchBranch'; id: number }
  /** Compare two branches; answered by diff. */
  | { type: 'diffBranches'; a: number; b: number }
  /** Attribution of the call chain that starts at a thread, over the log up to the cursor. */
  | { type: 'attribution'; thread: string };

export type DebugReply =
  /** Hit counts (at the cursor) of the semantic breakpoints, and conditions that failed. */
  | { type: 'debugState'; counts: Record<number, number>; problems: BreakpointProblem[] }
  /**
   * Logpoint values: all of them after setLogpoints (reset), then the new ones as the run
   * goes on. traceHash is the run's so far: the same as without logpoints.
   */
  | {
      type: 'logpoints';
      hits: LogpointHit[];
      problems: LogpointProblem[];
      traceHash: string;
      reset: boolean;
    }
  | { type: 'diff'; diff: RunDiff }
  | { type: 'branches'; branches: BranchInfo[]; current: number }
  | { type: 'attribution'; attribution: Attribution };
