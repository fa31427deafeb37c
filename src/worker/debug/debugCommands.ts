// The debugger's requests that need more than the cursor: logpoints (re-simulate with them),
// run diffs, what-if forks and switching between branches, call-chain attribution. Each branch
// is its own RunLog; the session shows one at a time (SimSession.adopt).
import { attribute } from '../../debugger/attribution';
import type { BranchInfo, DebugRequest, RunVariant } from '../../debugger/protocol';
import { diffRuns, firstDivergences } from '../../debugger/runDiff';
import type { LogpointSpec } from '../../loader/logpoints';
import type { Reply } from '../../protocol/messages';
import type { ConfigOverrides } from '../../sim/config';
import type { RunLog, RunOptions } from '../runLog';
import { loadErrorReply } from '../sessionErrors';
import { LOG_CAP } from '../sessionLimits';
import { diffInput, runVariant } from './variantRun';

/** What the commands need from the session. */
export interface SessionAccess {
  readonly run: RunLog | null;
  readonly cursor: number;
  now(): number;
  reply(seq: number, r: Reply): void;
  /** Show another run (a branch, the run re-simulated with logpoints) at this cursor. */
  adopt(seq: number, run: RunLog, cursor: number): void;
}

interface Branch {
  info: BranchInfo;
  variant: RunVariant;
  options: RunOptions;
  run: RunLog;
  cursor: number;
}

export class DebugCommands {
  private branches: Branch[] = [];
  private current = 0;
  private logpoints: LogpointSpec[] = [];
  private hitsSent = 0;

  constructor(private readonly s: SessionAccess) {}

  /** A scenario was loaded from the page: it is the only branch, with the logpoints it asked for. */
  loaded(seq: number, variant: RunVariant, run: RunLog, options: RunOptions = {}): void {
    this.branches = [
      {
        info: { id: 0, label: 'main', parent: null, forkIndex: 0, change: 'as loaded' },
        variant,
        options,
        run,
        cursor: 0,
      },
    ];
    this.current = 0;
    this.logpoints = options.logpoints?.slice() ?? [];
    this.hitsSent = 0;
    const rec = run.loaded.logpoints;
    if (rec !== null) {
      this.s.reply(seq, {
        type: 'logpoints',
        hits: [],
        problems: rec.problems,
        traceHash: run.sim.traceHash,
        reset: true,
      });
    }
  }

  handle(seq: number, m: DebugRequest): void {
    switch (m.type) {
      case 'setLogpoints':
        return this.setLogpoints(seq, m.logpoints);
      case 'diff':
        return this.diff(seq, m.a, m.b, m.maxEvents);
      case 'fork':
        return this.fork(seq, m.params, m.source, m.label);
      case 'switchBranch':
        return this.switchTo(seq, m.id);
      case 'diffBranches':
        return this.diffBranches(seq, m.a, m.b);
      case 'attribution': {
        const r = this.s.run;
        if (r === null) return;
        return this.s.reply(seq, {
          type: 'attribution',
          attribution: attribute(r.log, m.thread, this.s.cursor),
        });
      }
      case 'continue':
        return; // the session moves the cursor itself
    }
  }

  private branch(): Branch | undefined {
    return this.branches.find((b) => b.info.id === this.current);
  }

  /** Logpoint values the page has not seen (the run records more as it goes on). */
  postNewHits(seq: number): void {
    const rec = this.s.run?.loaded.logpoints?.recorder;
    if (rec === undefined || rec.hits.length === this.hitsSent) return;
    const hits = rec.hits.slice(this.hitsSent);
    this.hitsSent = rec.hits.length;
    this.s.reply(seq, {
      type: 'logpoints',
      hits,
      problems: [],
      traceHash: this.s.run!.sim.traceHash,
      reset: false,
    });
  }

  private setLogpoints(seq: number, lps: LogpointSpec[]): void {
    const b = this.branch();
    if (b === undefined) return;
    const upTo = b.run.length;
    const cursor = this.s.cursor;
    const options: RunOptions = { ...b.options, logpoints: lps };
    let run: RunLog;
    try {
      run = runVariant(b.variant, () => this.s.now(), options, upTo);
    } catch (e) {
      this.s.reply(seq, loadErrorReply(e, b.variant.file));
      return;
    }
    this.logpoints = lps;
    b.options = options;
    b.run = run;
    const rec = run.loaded.logpoints;
    this.hitsSent = rec?.recorder.hits.length ?? 0;
    this.s.reply(seq, {
      type: 'logpoints',
      hits: rec?.recorder.hits.slice() ?? [],
      problems: rec?.problems ?? [],
      traceHash: run.sim.traceHash,
      reset: true,
    });
    this.s.adopt(seq, run, cursor);
  }

  private diff(seq: number, a: RunVariant, b: RunVariant, maxEvents?: number): void {
    const runs: RunLog[] = [];
    for (const v of [a, b]) {
      try {
        runs.push(runVariant(v, () => this.s.now(), {}, maxEvents));
      } catch (e) {
        const r = loadErrorReply(e, v.file);
        if (r.type === 'error') r.message = `${v.label}: ${r.message}`;
        this.s.reply(seq, r);
        return;
      }
    }
    this.s.reply(seq, {
      type: 'diff',
      diff: diffRuns(diffInput(a.label, runs[0]!), diffInput(b.label, runs[1]!)),
    });
  }

  private diffBranches(seq: number, a: number, b: number): void {
    const ba = this.branches.find((x) => x.info.id === a);
    const bb = this.branches.find((x) => x.info.id === b);
    if (ba === undefined || bb === undefined) {
      this.s.reply(seq, {
        type: 'error',
        kind: 'runtime',
        message: `there is no branch ${ba === undefined ? a : b}`,
        file: null,
        line: null,
        column: null,
      });
      return;
    }
    // Both to their end (or the log cap), as a diff of two variants runs them.
    ba.run.produce(LOG_CAP);
    bb.run.produce(LOG_CAP);
    this.s.reply(seq, {
      type: 'diff',
      diff: diffRuns(diffInput(ba.info.label, ba.run), diffInput(bb.info.label, bb.run)),
    });
  }

  /**
   * Fork at the cursor. New parameters take effect there (the prefix is re-simulated as it
   * was); a new source is simulated from the start, and the branch says where it first
   * differs from its parent.
   */
  private fork(
    seq: number,
    params: Record<string, number> | undefined,
    source: string | undefined,
    label: string | undefined,
  ): void {
    const parent = this.branch();
    if (parent === undefined) return;
    const at = this.s.cursor;
    const variant: RunVariant = {
      ...parent.variant,
      source: source ?? parent.variant.source,
      label: label ?? `branch ${this.branches.length}`,
    };
    const options: RunOptions = { logpoints: this.logpoints };
    const changes: string[] = [];
    if (params !== undefined && Object.keys(params).length > 0) {
      options.paramsFrom = {
        index: at,
        params: { ...(parent.options.paramsFrom?.params ?? {}), ...params },
      };
      changes.push(
        Object.entries(params)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ') + ` from event ${at}`,
      );
    } else if (parent.options.paramsFrom !== undefined) {
      options.paramsFrom = parent.options.paramsFrom;
    }
    if (source !== undefined && source !== parent.variant.source) changes.push('edited script');
    let run: RunLog;
    try {
      run = runVariant(variant, () => this.s.now(), options, Math.max(at, parent.run.length));
    } catch (e) {
      this.s.reply(seq, loadErrorReply(e, variant.file));
      return;
    }
    const d = firstDivergences(parent.run.log, run.log).structural;
    const where =
      d === null ? 'no difference yet' : `differs from ${parent.info.label} at event ${d.index}`;
    const id = Math.max(...this.branches.map((x) => x.info.id)) + 1;
    const info: BranchInfo = {
      id,
      label: variant.label,
      parent: parent.info.id,
      forkIndex: at,
      change: `${changes.join('; ') || 'no change'} (${where})`,
    };
    parent.cursor = at;
    this.branches.push({ info, variant, options, run, cursor: at });
    this.current = id;
    this.hitsSent = run.loaded.logpoints?.recorder.hits.length ?? 0;
    this.postBranches(seq);
    this.s.adopt(seq, run, at);
  }

  private switchTo(seq: number, id: number): void {
    const b = this.branches.find((x) => x.info.id === id);
    const cur = this.branch();
    if (b === undefined || cur === undefined) return;
    cur.cursor = this.s.cursor;
    this.current = id;
    this.hitsSent = b.run.loaded.logpoints?.recorder.hits.length ?? 0;
    this.postBranches(seq);
    this.s.adopt(seq, b.run, b.cursor);
  }

  postBranches(seq: number): void {
    this.s.reply(seq, {
      type: 'branches',
      branches: this.branches.map((b) => b.info),
      current: this.current,
    });
  }

  /** The overrides of the branch shown (for a diff against it). */
  get overrides(): ConfigOverrides {
    return this.branch()?.variant.overrides ?? {};
  }
}
