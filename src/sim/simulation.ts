// The simulated machine: cores running threads' programs, kernel entries under the big lock,
// IPIs, timers and the event log (DESIGN.md "The simulation model"). Time is integer cycles from
// the event queue; the kernel semantics live in kernel/, the costs in the platform profile.
import type { RunConfig } from './config';
import { resolvePlatform } from './config';
import { EventQueue } from './engine/eventQueue';
import { ItemKind } from './engine/queueItems';
import { createRng, type Rng } from './engine/rng';
import { EventLog } from './events/eventLog';
import { createWriters, type Writers } from './events/writers';
import { EntryEffects } from './effects';
import type { CoreContext } from './coreContext';
import { CoreRunner } from './coreRunner';
import type { CoreRt } from './coreState';
import { BigLock } from './machine/bigLock';
import { CacheLineDirectory, type Line } from './machine/cacheLines';
import type { PlatformOverride, PlatformProfile } from './machine/platform';
import type { Kernel } from './kernel/kernelState';
import { tcbSchedAppend } from './kernel/scheduler';
import type { ProgramHost, ScriptError, ThreadRuntime } from './programs';
import type * as Api from './script/ipcscope';
import { createSeL4Sys } from './script/runtime';
import type { SimEvent, SimEventBody } from './simEvents';
import { createRunStats, type RunStats } from './stats';
import { installUxrt } from './uxrt/install';
import { buildWorld, type World } from './world';

export type StopReason = 'idle' | 'maxCycles' | 'maxEvents' | 'watchdog';

export interface SimOptions {
  /** Real-time clock in ms for the watchdog only (never for simulated time). */
  realClock?: () => number;
  /** Real time a program may run without a kernel entry (default 2000 ms). */
  watchdogMs?: number;
  describeError?: ProgramHost['describeError'];
  /** Keep every event's record in `events` (the app and tests); the CLI streams instead. */
  keepLog?: boolean;
  /** Compute the traceHash (default true). Benchmarks of the bare engine turn it off. */
  hash?: boolean;
  /** Extend the sys object with more methods (the UX/RT file API). */
  extendSys?: (sys: Api.Sys, rt: ThreadRuntime, sim: Simulation) => void;
}

export interface FaultRecord {
  thread: string;
  type: string;
  detail: string;
}

export type { ScriptError } from './programs';

export class Simulation implements CoreContext {
  readonly profile: PlatformProfile;
  readonly world: World;
  readonly k: Kernel;
  readonly lines: CacheLineDirectory;
  readonly locks: (BigLock | null)[];
  readonly queue = new EventQueue();
  readonly rng: Rng;
  readonly threads: ThreadRuntime[] = [];
  readonly stats: RunStats = createRunStats();
  readonly faults: FaultRecord[] = [];
  readonly console: { thread: string; t: number; text: string }[] = [];
  readonly scriptErrors: ScriptError[] = [];
  /** The run's events as binary records (all of them with keepLog, else only the latest). */
  readonly events: EventLog;
  readonly listeners: ((e: SimEvent) => void)[] = [];
  /** Typed writers for the hot paths (events/writers.ts); `emit` for everything else. */
  readonly out: Writers;
  readonly fx: EntryEffects;
  readonly runner: CoreRunner;
  readonly host: ProgramHost;
  now = 0;
  stopReason: StopReason | null = null;
  private decoded: SimEvent[] = [];

  constructor(
    readonly scenario: Api.Scenario,
    readonly config: RunConfig,
    opts: SimOptions = {},
  ) {
    const override = (scenario.machine?.profile ?? undefined) as PlatformOverride | undefined;
    this.profile = resolvePlatform(config.platform, override);
    this.events = new EventLog({ retain: opts.keepLog ?? false, hash: opts.hash ?? true });
    this.out = createWriters(this.events, this, this.listeners, () => this.notifyLast());
    this.rng = createRng(config.seed);
    this.host = {
      realClock: opts.realClock ?? (() => 0),
      watchdogMs: opts.watchdogMs ?? 2000,
      describeError: opts.describeError ?? ((e) => ({ message: String(e), line: null })),
    };
    this.lines = new CacheLineDirectory(this.profile, this.rng);
    this.fx = new EntryEffects({
      emit: (core, body) => this.emit(core, body),
      out: this.out,
      touchLine: (core, line, write) => this.touchLine(core, line, write),
      remoteCall: (from, to) => this.runner.remoteCall(from, to),
    });
    this.world = buildWorld(scenario, config, this.profile, this.rng);
    this.k = { state: this.world.state, fx: this.fx };
    this.locks = this.world.state.config.coresInImage.map((n, image) =>
      n > 1 ? new BigLock(image) : null,
    );
    this.runner = new CoreRunner(this);
    for (const p of this.world.processes) {
      const rt: ThreadRuntime = {
        tcb: p.tcb,
        program: p.program,
        sys: null as unknown as Api.Sys,
        gen: null,
        pendingCompute: 0,
        pendingResume: undefined,
        lastRequest: null,
        stats: { syscalls: 0, fastpath: 0, slowpath: 0, userCycles: 0, kernelCycles: 0 },
      };
      const sys = createSeL4Sys(p.tcb.name, {
        now: () => this.now,
        random: () => this.rng.next(),
        log: (text) => this.writeConsole(p.tcb, text),
      }) as Api.Sys;
      rt.sys = sys;
      installUxrt(sys, rt, this);
      opts.extendSys?.(sys, rt, this);
      this.threads[p.tcb.id] = rt;
    }
    this.start();
  }

  private start(): void {
    this.fx.begin(0, 0);
    for (const t of this.world.state.threads) {
      if (this.world.suspendedAtStart.has(t)) continue;
      t.state = 'running';
      this.fx.begin(0, t.affinity);
      tcbSchedAppend(this.k, t);
    }
    this.fx.ipiReschedulePending.clear();
    for (const n of this.world.state.nodes) {
      n.schedulerAction = 'chooseNewThread';
      this.queue.push(0, ItemKind.start, n.core, 0);
    }
  }

  get cores(): CoreRt[] {
    return this.runner.cores;
  }

  emit(core: number, body: SimEventBody): void {
    const seq = this.events.append(body, this.now, core);
    if (body.type === 'faultRaised')
      this.faults.push({ thread: body.thread, type: body.faultType, detail: body.detail });
    if (this.listeners.length === 0) return;
    // Listeners get the body literal completed: no decode, no copy (perf-limits.md §1).
    const e = body as SimEvent;
    e.seq = seq;
    e.t = this.now;
    e.core = core;
    for (const l of this.listeners) l(e);
  }

  /** Give listeners the event a writer just wrote. */
  private notifyLast(): void {
    const e = this.events.last();
    for (const l of this.listeners) l(e);
  }

  /** Events emitted so far. */
  get eventCount(): number {
    return this.events.length;
  }

  /** Every event as an object (keepLog runs; decoded on first access, for tests and tools). */
  get log(): SimEvent[] {
    const d = this.decoded;
    for (let i = d.length; i < this.events.length; i++) d.push(this.events.get(i));
    return d;
  }

  touchLine(core: number, line: Line | string, write: boolean): number {
    const lines = this.lines;
    const cycles = lines.accessCost(line, core, write);
    if (lines.lastFrom < 0) return 0;
    this.out.cacheLineMigrated(core, { line: lines.last!, from: lines.lastFrom, to: core, cycles });
    return cycles;
  }

  writeConsole(t: { name: string; affinity: number }, text: string): void {
    this.console.push({ thread: t.name, t: this.now, text });
    this.emit(t.affinity, { type: 'consoleWritten', thread: t.name, text });
  }

  get traceHash(): string {
    return this.events.traceHash;
  }

  /** Process one queue item. Returns false once the run has stopped. */
  step(limits: { maxCycles?: number; maxEvents?: number } = {}): boolean {
    if (this.stopReason !== null) return false;
    if (limits.maxEvents !== undefined && this.eventCount >= limits.maxEvents) {
      this.stopReason = 'maxEvents';
      return false;
    }
    const next = this.queue.peekTime();
    if (next === Infinity) {
      this.stopReason = 'idle';
      return false;
    }
    if (limits.maxCycles !== undefined && next > limits.maxCycles) {
      this.now = limits.maxCycles;
      this.stopReason = 'maxCycles';
      return false;
    }
    const item = this.queue.pop()!;
    this.now = item.time;
    this.runner.handle(item);
    return this.stopReason === null;
  }

  /** Run until a limit; returns the stop reason. */
  run(limits: { maxCycles?: number; maxEvents?: number } = {}): StopReason {
    while (this.step(limits));
    return this.stopReason!;
  }

  /** Run until the event log reaches `count` events (or the run stops). */
  runToEvent(count: number, limits: { maxCycles?: number } = {}): void {
    // One limits object for the whole run, not one per step.
    const stepLimits = { maxCycles: limits.maxCycles, maxEvents: count };
    while (this.eventCount < count && this.step(stepLimits));
    if (this.stopReason === 'maxEvents') this.stopReason = null;
  }

  stopWithWatchdog(): void {
    this.stopReason = 'watchdog';
  }
}
