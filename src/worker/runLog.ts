// One loaded run as the worker keeps it: the engine, its event log in compact form, the
// timeline, and projection checkpoints every CHECKPOINT_EVERY events, so the projection after any
// index is the nearest checkpoint plus a short fold (or just the next few events when the cursor
// moves forward). The engine runs only as far as someone asks.
import { loadScenarioSource, type LoadedScenario } from '../loader/loadScenario';
import type { LogpointSpec } from '../loader/logpoints';
import type { EventLog } from '../projection/eventLog';
import { createProjection } from '../projection/initialProjection';
import { ProjectionWriter } from '../projection/projectionWriter';
import { TimelineModel } from '../projection/timeline';
import type { MachineDescription, Projection } from '../projection/types';
import type { StopReason } from '../protocol/messages';
import { resolveConfig, type ConfigOverrides } from '../sim/config';
import { describeMachine } from '../sim/describe';
import { Simulation, type ScriptError } from '../sim/simulation';
import { CHECKPOINT_EVERY, LOG_CAP, MAX_CYCLES } from './sessionLimits';

export interface RunOptions {
  /** Retroactive logpoints: the run records their values (its events stay the same). */
  logpoints?: readonly LogpointSpec[];
  /** A what-if fork: these parameters take effect once the log holds `index` events. */
  paramsFrom?: { index: number; params: Record<string, number> };
}

export class RunLog {
  readonly description: MachineDescription;
  readonly timeline: TimelineModel;
  private readonly head: ProjectionWriter;
  /** Follows the cursor: moving forward folds only the events in between. */
  private cursorWriter: ProjectionWriter | null = null;
  private cursorIndex = -1;
  private readonly checkpoints: Projection[];
  private errorsReported = 0;
  /** The scenario's `k.params`, kept to change them at a fork point. */
  private params: { current: Record<string, number> | null } = { current: null };
  private pendingParams: RunOptions['paramsFrom'] | null = null;

  private constructor(
    readonly loaded: LoadedScenario,
    readonly sim: Simulation,
  ) {
    this.description = describeMachine(sim);
    const initial = createProjection(this.description);
    this.head = new ProjectionWriter(initial);
    this.checkpoints = [initial];
    this.timeline = new TimelineModel(this.description, { forgetSent: true });
    sim.listeners.push((e) => {
      this.head.apply(e);
      this.timeline.add(e, this.head.current.cores[e.core]);
      if (this.log.length % CHECKPOINT_EVERY === 0) this.checkpoints.push(this.head.snapshot());
    });
  }

  /** Load a scenario and build its machine; throws what the loader or setup throws. */
  static load(
    source: string,
    file: string,
    overrides: ConfigOverrides,
    clock: () => number,
    opts: RunOptions = {},
  ): RunLog {
    const loaded = loadScenarioSource(source, file, { logpoints: opts.logpoints });
    const config = resolveConfig(loaded.scenario, overrides);
    const params: { current: Record<string, number> | null } = { current: null };
    // Keep a handle on k.params: a fork changes them in place, mid-run.
    const spec = loaded.scenario;
    const scenario = {
      ...spec,
      setup(k: Parameters<typeof spec.setup>[0]) {
        params.current = k.params;
        return spec.setup(k);
      },
    };
    const sim = new Simulation(scenario, config, {
      realClock: clock,
      keepLog: true,
      describeError: (e) => loaded.describeError(e),
    });
    const run = new RunLog(loaded, sim);
    run.params = params;
    run.pendingParams = opts.paramsFrom ?? null;
    loaded.logpoints?.recorder.bind(() => ({ index: run.log.length, t: sim.now }));
    return run;
  }

  /** The engine's own log: the same records go to the page and back for every seek. */
  get log(): EventLog {
    return this.sim.events;
  }

  get length(): number {
    return this.log.length;
  }

  /** Make the log at least `count` events long if the run can; false if it ended first. */
  produce(count: number): boolean {
    const limit = Math.min(count, LOG_CAP);
    while (this.log.length < limit) {
      const p = this.pendingParams;
      if (p && this.log.length >= p.index && this.params.current !== null) {
        Object.assign(this.params.current, p.params);
        this.pendingParams = null;
      }
      if (!this.sim.step({ maxCycles: MAX_CYCLES })) break;
    }
    return this.log.length >= count;
  }

  /** Why the log cannot grow, or null while it can. */
  get endReason(): StopReason | null {
    if (this.sim.stopReason !== null) return this.sim.stopReason;
    return this.log.length >= LOG_CAP ? 'logFull' : null;
  }

  /**
   * The projection after `index` events: the head's when it is the end of the log, else the
   * cursor's fold moved forward, or the nearest checkpoint plus a fold when that is shorter.
   */
  projectionAt(index: number): Projection {
    if (index === this.log.length) {
      const p = this.head.snapshot();
      this.cursorWriter = new ProjectionWriter(p);
      this.cursorIndex = index;
      return p;
    }
    const k = Math.min(Math.floor(index / CHECKPOINT_EVERY), this.checkpoints.length - 1);
    if (
      this.cursorWriter === null ||
      index < this.cursorIndex ||
      k * CHECKPOINT_EVERY > this.cursorIndex
    ) {
      this.cursorWriter = new ProjectionWriter(this.checkpoints[k]!);
      this.cursorIndex = k * CHECKPOINT_EVERY;
    }
    for (let i = this.cursorIndex; i < index; i++) this.cursorWriter.apply(this.log.get(i));
    this.cursorIndex = index;
    return this.cursorWriter.snapshot();
  }

  /** Exceptions and watchdog stops in programs not reported yet. */
  newScriptErrors(): ScriptError[] {
    const errs = this.sim.scriptErrors.slice(this.errorsReported);
    this.errorsReported = this.sim.scriptErrors.length;
    return errs;
  }
}
