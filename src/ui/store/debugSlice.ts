// The debugger's state on the page: semantic breakpoints (with their hit counts and problems),
// retroactive logpoints and their values, the last run diff, the what-if branches and the last
// call-chain attribution. Every answer comes from the worker (src/worker/debug); the page only
// asks and shows. Replies reach the store through debugPatch, from the message intake.
import type { StoreApi } from 'zustand/vanilla';
import type { Attribution } from '../../debugger/attribution';
import type { Condition, DebugBreakpoint } from '../../debugger/conditions';
import type {
  BranchInfo,
  BreakpointProblem,
  LogpointHit,
  LogpointProblem,
  LogpointSpec,
  RunVariant,
} from '../../debugger/protocol';
import type { RunDiff } from '../../debugger/runDiff';
import type { FromWorker, Request } from '../../protocol/messages';
import type { SimClient } from '../../worker/simClient';
import type { AppState } from './types';

type Set = StoreApi<AppState>['setState'];
type Get = StoreApi<AppState>['getState'];

/** What the diff view shows: the diff, or why there is none yet. */
export interface DiffResult {
  /** Two variants, or two branches (by id). */
  source:
    { kind: 'variants'; a: RunVariant; b: RunVariant } | { kind: 'branches'; a: number; b: number };
  diff: RunDiff;
}

export interface DebugSlice {
  conditions: DebugBreakpoint[];
  /** Hits per breakpoint id before the cursor. */
  bpCounts: Record<number, number>;
  /** Conditions that did not compile or threw (the latest per id). */
  bpProblems: BreakpointProblem[];
  logpoints: LogpointSpec[];
  /** Every value the logpoints recorded in this run, in run order. */
  logHits: LogpointHit[];
  logProblems: LogpointProblem[];
  /** The run's traceHash as the logpoint reply gave it (the same as without logpoints). */
  logTraceHash: string | null;
  diff: DiffResult | null;
  diffState: 'idle' | 'running' | 'failed';
  branches: BranchInfo[];
  currentBranch: number;
  /** The script each branch runs (the machine holds the current one's: Run goes on with it). */
  branchSources: Record<number, string>;
  attribution: Attribution | null;
  /** The breakpoint the panel has selected (also in the URL). */
  focusBreakpoint: number | null;

  addCondition: (c: Condition) => number;
  updateCondition: (id: number, c: Condition) => void;
  setConditionEnabled: (id: number, enabled: boolean) => void;
  removeCondition: (id: number) => void;
  setFocusBreakpoint: (id: number | null) => void;
  /** Re-simulate the run with these logpoints (the worker answers with their values). */
  setLogpoints: (lps: LogpointSpec[]) => void;
  addLogpoint: (line: number, expression: string) => void;
  /** Edits in the editor moved logpoints to other lines: follow them, no re-simulation. */
  moveLogpoints: (lps: LogpointSpec[]) => void;
  removeLogpoint: (id: number) => void;
  runDiff: (a: RunVariant, b: RunVariant) => Promise<void>;
  diffBranches: (a: number, b: number) => Promise<void>;
  fork: (change: { params?: Record<string, number>; source?: string; label?: string }) => void;
  switchBranch: (id: number) => void;
  requestAttribution: (thread: string) => Promise<void>;
  /**
   * Show one side of the last diff at this cursor: a seek in the run shown, else that run loaded
   * (or that branch switched to) first. `shown` says the side is the run on screen.
   */
  jumpToDiff: (side: 'a' | 'b', cursor: number, shown: boolean) => void;
}

export function emptyDebugState() {
  return {
    bpCounts: {},
    bpProblems: [],
    logHits: [],
    logProblems: [],
    logTraceHash: null,
    branches: [],
    currentBranch: 0,
    branchSources: {},
    attribution: null,
  } satisfies Partial<DebugSlice>;
}

/**
 * Send a request and wait for its reply of one type; an error (or an error stop) with the same
 * seq rejects. `pending` counts it like every other request, so the idle signal waits for it.
 */
export function ask<T extends FromWorker['type']>(
  client: SimClient,
  set: Set,
  r: Request,
  type: T,
): Promise<Extract<FromWorker, { type: T }>> {
  return new Promise((resolve, reject) => {
    set((s) => ({ pending: s.pending + 1 }));
    let seq = -1;
    let got: Extract<FromWorker, { type: T }> | null = null;
    const off = client.subscribe((m) => {
      if (m.seq !== seq) return;
      if (m.type === type) got = m as Extract<FromWorker, { type: T }>;
      else if (m.type === 'error') {
        off();
        reject(new Error(m.message));
      } else if (m.type === 'done') {
        off();
        if (got !== null) resolve(got);
        else reject(new Error(`the worker sent no ${type}`));
      }
    });
    seq = client.send(r);
  });
}

export function createDebugSlice(set: Set, get: Get, client: SimClient): DebugSlice {
  let nextBp = 1;
  let nextLp = 1;
  const send = (r: Request): void => {
    set((s) => ({ pending: s.pending + 1 }));
    client.send(r);
  };
  const ready = (): boolean => get().loadState === 'ready';
  const pushConditions = (conditions: DebugBreakpoint[]): void => {
    // The reply names every condition that does not compile; runtime failures come after.
    set({ conditions, bpProblems: [] });
    send({ type: 'setConditions', breakpoints: conditions });
  };
  return {
    conditions: [],
    logpoints: [],
    diff: null,
    diffState: 'idle',
    focusBreakpoint: null,
    ...emptyDebugState(),
    addCondition(condition) {
      const id = nextBp++;
      pushConditions([...get().conditions, { id, condition, enabled: true }]);
      set({ focusBreakpoint: id });
      return id;
    },
    updateCondition(id, condition) {
      pushConditions(get().conditions.map((b) => (b.id === id ? { ...b, condition } : b)));
    },
    setConditionEnabled(id, enabled) {
      pushConditions(get().conditions.map((b) => (b.id === id ? { ...b, enabled } : b)));
    },
    removeCondition(id) {
      pushConditions(get().conditions.filter((b) => b.id !== id));
      set((s) => ({
        bpProblems: s.bpProblems.filter((p) => p.id !== id),
        focusBreakpoint: s.focusBreakpoint === id ? null : s.focusBreakpoint,
      }));
    },
    setFocusBreakpoint(focusBreakpoint) {
      set({ focusBreakpoint });
    },
    setLogpoints(logpoints) {
      for (const lp of logpoints) nextLp = Math.max(nextLp, lp.id + 1);
      set({ logpoints });
      if (logpoints.length === 0) set({ logHits: [], logProblems: [] });
      const s = get();
      // The lines are the editor's: an edited script is run again, with them (the load takes them).
      if (!s.draftIsLoaded()) {
        if (s.draftErrors === 0) s.loadDraft(undefined, { run: true });
        return;
      }
      if (ready()) send({ type: 'setLogpoints', logpoints });
    },
    moveLogpoints(logpoints) {
      set({ logpoints });
    },
    addLogpoint(line, expression) {
      get().setLogpoints([...get().logpoints, { id: nextLp++, line, expression }]);
    },
    removeLogpoint(id) {
      get().setLogpoints(get().logpoints.filter((lp) => lp.id !== id));
    },
    async runDiff(a, b) {
      set({ diffState: 'running' });
      try {
        const m = await ask(client, set, { type: 'diff', a, b }, 'diff');
        set({ diff: { source: { kind: 'variants', a, b }, diff: m.diff }, diffState: 'idle' });
      } catch {
        set({ diffState: 'failed' });
      }
    },
    async diffBranches(a, b) {
      set({ diffState: 'running', bottomTab: 'diff' });
      try {
        const m = await ask(client, set, { type: 'diffBranches', a, b }, 'diff');
        set({ diff: { source: { kind: 'branches', a, b }, diff: m.diff }, diffState: 'idle' });
      } catch {
        set({ diffState: 'failed' });
      }
    },
    fork(change) {
      if (!ready() || get().running) return;
      // An edited script becomes what the machine holds: Run goes on with the branch.
      const s = get();
      const branchSources = { [s.currentBranch]: s.source, ...s.branchSources };
      set({ branchSources, ...(change.source !== undefined ? { source: change.source } : {}) });
      send({ type: 'fork', ...change });
    },
    switchBranch(id) {
      if (!ready() || id === get().currentBranch) return;
      send({ type: 'switchBranch', id });
    },
    jumpToDiff(side, cursor, shown) {
      const d = get().diff;
      if (d === null) return;
      if (d.source.kind === 'branches') {
        const id = side === 'a' ? d.source.a : d.source.b;
        if (id !== get().currentBranch) get().switchBranch(id);
      } else if (!shown) {
        const v = side === 'a' ? d.source.a : d.source.b;
        get().loadSource(v.source, v.file, v.overrides, { run: false });
      }
      // Requests are answered in order: the seek lands in the run just loaded or switched to.
      send({ type: 'seek', index: cursor });
    },
    async requestAttribution(thread) {
      if (!ready()) return;
      try {
        const m = await ask(client, set, { type: 'attribution', thread }, 'attribution');
        set({ attribution: m.attribution });
      } catch {
        set({ attribution: null });
      }
    },
  };
}

/** What a debugger reply changes in the store (null: not a debugger reply). */
export function debugPatch(m: FromWorker, s: AppState): Partial<AppState> | null {
  switch (m.type) {
    case 'debugState': {
      const ids = new Set(m.problems.map((p) => p.id));
      const known = new Set(s.conditions.map((b) => b.id));
      return {
        bpCounts: m.counts,
        bpProblems: [
          ...s.bpProblems.filter((p) => !ids.has(p.id) && known.has(p.id)),
          ...m.problems,
        ],
      };
    }
    case 'logpoints':
      return m.reset
        ? { logHits: m.hits, logProblems: m.problems, logTraceHash: m.traceHash }
        : { logHits: [...s.logHits, ...m.hits], logTraceHash: m.traceHash };
    case 'branches': {
      // A branch new to the page runs the script the fork sent (already the store's source).
      const branchSources = { ...s.branchSources };
      for (const b of m.branches) branchSources[b.id] ??= s.source;
      return {
        branches: m.branches,
        currentBranch: m.current,
        branchSources,
        source: branchSources[m.current]!,
      };
    }
    default:
      return null;
  }
}
