// The simulation behind the worker: one loaded run (runLog.ts) and the cursor the page looks
// at. Runs the engine in time slices, steps exactly by event, kernel entry or message, seeks
// anywhere in the log, stops at breakpoints, and posts events at most once per slice.
import type { StepUnit } from '../projection/breakpoints';
import { deadlockDetail } from '../projection/deadlock';
import type { FromWorker, Reply, Request, StopReason, ToWorker } from '../protocol/messages';
import { PROTOCOL_VERSION } from '../protocol/messages';
import type { ConfigOverrides } from '../sim/config';
import { PLATFORMS } from '../sim/machine/platforms';
import { DebugCommands, type SessionAccess } from './debug/debugCommands';
import type { BreakpointProblem, LogpointSpec } from '../debugger/protocol';
import { DebugController } from './debug/debugController';
import { describeScenarios } from './describeScenarios';
import { Pacer } from './pacer';
import { PageFeed } from './pageFeed';
import { RunLog } from './runLog';
import { stepTarget } from './stepTarget';
import { exportRunFile } from './exportRun';
import { loadErrorReply, stopDetail } from './sessionErrors';

/** What the session needs from where it runs (a worker, or the test process). */
export interface SessionHost {
  post(msg: FromWorker, transfer?: Transferable[]): void;
  /** Real time in ms (slices and speed only; never simulated time). */
  now(): number;
  /** Run fn later (after other messages had a chance to arrive). */
  defer(fn: () => void, ms: number): void;
}

const SLICE_MS = 12;
/** Replaying logged events costs little; bound a slice so the page can fold it in a frame. */
const REPLAY_PER_SLICE = 60_000;

export class SimSession {
  private run: RunLog | null = null;
  /** The overrides of the last load, for exports (which re-run it as the CLI would). */
  private loadedOverrides: ConfigOverrides = {};
  private cursor = 0;
  private running = false;
  private readonly pacer = new Pacer();
  /** Breakpoints of every kind, scanned over the log (src/worker/debug). */
  private readonly debug = new DebugController(null);
  private readonly commands = new DebugCommands(this.access());
  /** What the page has been sent. */
  private readonly feed = new PageFeed();
  private sliceQueued = false;

  constructor(private readonly host: SessionHost) {}

  /** The session as the debugger's commands see it. */
  private access(): SessionAccess {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- getters read the live fields
    const self = this;
    return {
      get run() {
        return self.run;
      },
      get cursor() {
        return self.cursor;
      },
      now: () => self.host.now(),
      reply: (seq, r) => self.reply(seq, r),
      adopt: (seq, run, cursor) => self.adopt(seq, run, cursor),
    };
  }

  handle(msg: ToWorker): void {
    if (msg.v !== PROTOCOL_VERSION) {
      this.reply(msg.seq, {
        type: 'error',
        kind: 'load',
        message: `protocol version ${msg.v} does not match the worker's ${PROTOCOL_VERSION}: reload the page`,
        file: null,
        line: null,
        column: null,
      });
      this.reply(msg.seq, { type: 'done' });
      return;
    }
    try {
      this.dispatch(msg.seq, msg);
    } catch (e) {
      this.running = false;
      const message = e instanceof Error ? e.message : String(e);
      this.reply(msg.seq, {
        type: 'error',
        kind: 'runtime',
        message,
        file: null,
        line: null,
        column: null,
      });
      this.stopped(msg.seq, 'error', message);
    }
    if (msg.type !== 'ack' && msg.type !== 'ping') this.reply(msg.seq, { type: 'done' });
  }

  private dispatch(seq: number, m: Request): void {
    switch (m.type) {
      case 'load':
        return this.load(seq, m.source, m.file, m.overrides, m.logpoints ?? []);
      case 'describeScenarios':
        return this.reply(seq, describeScenarios(m.sources));
      case 'run':
        return this.start(seq);
      case 'pause':
        return this.pause(seq, 'paused');
      case 'step':
        return this.step(seq, m.unit, m.direction);
      case 'seek':
        return this.seek(seq, m.index);
      case 'setBreakpoints':
        this.debug.setLegacy(m.breakpoints);
        return;
      case 'setConditions':
        this.postDebugState(seq, this.debug.setSemantic(m.breakpoints));
        return;
      case 'continue':
        return m.direction === 1 ? this.start(seq, true) : this.reverseContinue(seq);
      case 'setLogpoints':
      case 'diff':
      case 'fork':
      case 'switchBranch':
      case 'diffBranches':
      case 'attribution':
        return this.commands.handle(seq, m);
      case 'setSpeed':
        this.pacer.setSpeed(m.eventsPerSecond);
        return;
      case 'ack':
        this.feed.ack();
        if (this.running) this.queueSlice(0);
        return;
      case 'ping':
        return this.reply(seq, { type: 'pong' });
      case 'exportRun': {
        const r = this.run;
        if (r === null) throw new Error('nothing is loaded to export');
        const text = exportRunFile(r.loaded.source, r.loaded.file, this.loadedOverrides, m.format);
        return this.reply(seq, { type: 'runFile', format: m.format, text });
      }
    }
  }

  private reply(seq: number, r: Reply, transfer?: Transferable[]): void {
    this.host.post({ v: PROTOCOL_VERSION, seq, ...r }, transfer);
  }

  private load(
    seq: number,
    source: string,
    file: string,
    overrides: ConfigOverrides,
    logpoints: LogpointSpec[],
  ): void {
    this.loadedOverrides = overrides;
    this.running = false;
    this.run = null;
    let run: RunLog;
    const options = logpoints.length > 0 ? { logpoints } : {};
    try {
      run = RunLog.load(source, file, overrides, () => this.host.now(), options);
    } catch (e) {
      this.reply(seq, loadErrorReply(e, file));
      return;
    }
    this.commands.loaded(seq, { label: 'main', source, file, overrides }, run, options);
    this.adopt(seq, run, 0);
  }

  /** Show this run from `cursor` on: the page hears it as a new load (a branch, logpoints). */
  private adopt(seq: number, run: RunLog, cursor: number): void {
    // The page counts as running until it hears a stop: a run interrupted here is paused.
    if (this.running && this.run !== null) this.stopped(seq, 'paused');
    this.running = false;
    this.run = run;
    this.feed.reset();
    this.debug.attach(run);
    if (cursor > run.length) this.produce(cursor);
    this.cursor = Math.min(cursor, run.length);
    const { scenario } = run.loaded;
    this.reply(seq, {
      type: 'loaded',
      scenario: {
        file: run.loaded.file,
        name: scenario.name,
        description: scenario.description ?? '',
      },
      config: run.sim.config,
      description: run.description,
      platforms: PLATFORMS.map((p) => ({
        id: p.id,
        name: p.name,
        isa: p.isa,
        cores: p.cores,
        clusterSize: p.topology.clusterSize,
        socketSize: p.topology.socketSize,
      })),
    });
    this.sendEvents(seq);
    this.snapshot(seq);
  }

  /** Make the log at least `count` events long if the run can; reports new script errors. */
  private produce(count: number): boolean {
    const ok = this.run!.produce(count);
    this.reportScriptErrors(0);
    return ok;
  }

  private get endReason(): StopReason | null {
    return this.run!.endReason;
  }

  private start(seq: number, fullSpeed = false): void {
    if (this.running) return;
    if (this.run === null) {
      // The page counts on a stop after every run request, even one that cannot start.
      this.stopped(seq, 'error', 'No scenario is loaded.');
      return;
    }
    if (this.cursor >= this.run.length && !this.produce(this.cursor + 1)) {
      this.stopped(seq, this.endReason ?? 'idle');
      return;
    }
    this.running = true;
    this.pacer.start(this.host.now(), fullSpeed);
    this.queueSlice(0);
  }

  private queueSlice(ms: number): void {
    if (this.sliceQueued) return;
    this.sliceQueued = true;
    this.host.defer(() => {
      this.sliceQueued = false;
      this.slice();
    }, ms);
  }

  /** One time slice of a run: move the cursor, then post what the page has not seen. */
  private slice(): void {
    if (!this.running || this.run === null) return;
    const r = this.run;
    if (this.feed.mustWait(r)) return;
    const now = this.host.now();
    const budget = this.pacer.budget(now);
    const deadline = now + SLICE_MS;
    const replayEnd =
      this.cursor < r.log.length ? Math.min(r.log.length, this.cursor + REPLAY_PER_SLICE) : -1;
    let moved = 0;
    let hit = -1;
    let end: StopReason | null = null;
    while (moved < budget) {
      if (this.cursor >= r.log.length && !this.produce(this.cursor + 1)) {
        end = this.endReason ?? 'idle';
        break;
      }
      if (this.debug.active && this.debug.hitAt(this.cursor)) hit = this.cursor;
      this.cursor++;
      moved++;
      if (hit >= 0) break;
      if (this.cursor === replayEnd) break;
      if ((moved & 255) === 0 && this.host.now() > deadline) break;
    }
    this.pacer.spend(moved);
    if (hit >= 0 || end !== null) {
      this.running = false;
      this.sendEvents(0);
      this.snapshot(0);
      this.stopped(
        0,
        hit >= 0 ? 'breakpoint' : end!,
        hit >= 0 ? this.debug.describeHitAt(hit) : '',
      );
      return;
    }
    this.commands.postNewHits(0);
    if (this.feed.due(r, moved, now)) this.sendEvents(0, true);
    this.queueSlice(this.pacer.pause);
  }

  /** Post what the page has not seen (feed.events); `withDelta` while running. */
  private sendEvents(seq: number, withDelta = false): void {
    if (this.run === null) return;
    const { reply, transfer } = this.feed.events(this.run, this.cursor, this.running, withDelta);
    this.reply(seq, reply, transfer);
  }

  private pause(seq: number, reason: StopReason): void {
    if (this.run === null) return;
    const was = this.running;
    this.running = false;
    this.sendEvents(seq);
    this.snapshot(seq);
    if (was) this.stopped(seq, reason);
  }

  /** A step or seek during a run ends the run first; the page hears it as a pause. */
  private interrupt(seq: number): void {
    if (!this.running) return;
    this.running = false;
    this.stopped(seq, 'paused');
  }

  private step(seq: number, unit: StepUnit, direction: 1 | -1): void {
    const r = this.run;
    if (r === null) return;
    this.interrupt(seq);
    const run = {
      log: r.log,
      produce: (n: number) => this.produce(n),
      get endReason() {
        return r.endReason;
      },
    };
    const { target, stop } = stepTarget(run, this.cursor, unit, direction);
    this.cursor = target;
    this.sendEvents(seq);
    this.snapshot(seq);
    if (stop !== null) this.stopped(seq, stop);
  }

  private seek(seq: number, index: number): void {
    const r = this.run;
    if (r === null) return;
    this.interrupt(seq);
    const want = Math.max(0, Math.floor(index));
    if (want > r.log.length) this.produce(want);
    this.cursor = Math.min(want, r.log.length);
    this.sendEvents(seq);
    this.snapshot(seq);
  }

  private snapshot(seq: number): void {
    const r = this.run;
    if (r === null) return;
    this.reply(seq, this.feed.snapshot(r, this.cursor));
    this.commands.postNewHits(seq);
    if (this.debug.hasSemantic) this.postDebugState(seq, []);
  }

  /** Hit counts at the cursor, and conditions that failed to compile or threw. */
  private postDebugState(seq: number, problems: BreakpointProblem[]): void {
    if (this.run === null) return;
    const counts = this.debug.counts(this.cursor);
    this.reply(seq, {
      type: 'debugState',
      counts,
      problems: [...problems, ...this.debug.newFailures()],
    });
  }

  /**
   * Back to the previous hit of any enabled breakpoint (rr's reverse-continue): a lookup in the
   * hits the scan found, so as fast as going forward; the start of the run if there is none.
   */
  private reverseContinue(seq: number): void {
    if (this.run === null) return;
    this.interrupt(seq);
    const i = this.debug.previousHit(this.cursor);
    this.cursor = i + 1;
    this.sendEvents(seq);
    this.snapshot(seq);
    if (i >= 0) this.stopped(seq, 'breakpoint', this.debug.describeHitAt(i));
    else this.stopped(seq, 'runStart');
  }

  private stopped(seq: number, reason: StopReason, detail = ''): void {
    const total = this.run?.log.length ?? 0;
    // The end of a run where a thread still waits for an answer is a deadlock: say who waits.
    if (reason === 'idle' && detail === '' && this.run !== null) {
      detail = deadlockDetail(this.run.projectionAt(total)) ?? '';
    }
    this.reply(seq, {
      type: 'stopped',
      reason,
      detail: detail || stopDetail(reason),
      index: this.cursor,
      total,
    });
  }

  private reportScriptErrors(seq: number): void {
    const r = this.run!;
    for (const e of r.newScriptErrors()) {
      this.reply(seq, {
        type: 'error',
        kind: e.watchdog ? 'watchdog' : 'runtime',
        message: e.message,
        file: r.loaded.file,
        line: e.line,
        column: null,
        thread: e.thread,
      });
    }
  }
}
