// One simulation run from a loaded scenario, shared by the library, the CLI, the sweep threads
// and the app's sweep workers: resolve the configuration, set up, run, summarise. Pure: no Node
// or DOM APIs, so the same code runs in worker_threads and in Web Workers.
import {
  loadScenarioSource,
  locate,
  ScenarioError,
  type LoadedScenario,
} from '../loader/loadScenario';
import { ConfigError, resolveConfig, type ConfigOverrides, type RunConfig } from '../sim/config';
import type { SimEvent } from '../sim/simEvents';
import { Simulation } from '../sim/simulation';
import { computeRunSummary, type RunSummary } from '../sim/summary';
import { SetupError } from '../sim/world';
import { AllChains, type Attribution } from '../debugger/attribution';
import { ConfigOverrideError, ScenarioFailure } from './errors';

export const DEFAULT_MAX_CYCLES = 100_000_000;

export interface RunLimits {
  /** Stop at this simulated cycle (default 100,000,000). */
  maxCycles: number;
  /** Stop after this many events. */
  maxEvents?: number;
  /** Real time a program may run without a kernel entry (default 2000 ms). */
  watchdogMs?: number;
}

export interface SimulateOptions {
  /** Overrides of the scenario's machine, seed and params (like --platform, --cores, ...). */
  config?: ConfigOverrides;
  limits?: Partial<RunLimits>;
  /** Called with every event as the engine emits it (the same objects `--events` writes). */
  onEvent?: (e: SimEvent) => void;
}

function errorText(e: unknown): string {
  if (e instanceof SetupError || e instanceof ConfigError) return e.message;
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

export function fullLimits(limits: Partial<RunLimits> = {}): RunLimits {
  return { ...limits, maxCycles: limits.maxCycles ?? DEFAULT_MAX_CYCLES };
}

/** "file:line:col: message" when the stack points into the scenario file, else "file: message". */
export function describeScenarioError(loaded: { file: string }, e: unknown): string {
  const at = locate(e, loaded.file);
  const where = at === null ? loaded.file : `${loaded.file}:${at.line}:${at.column}`;
  return `${where}: ${errorText(e)}`;
}

/** Load a scenario from its source text; `file` names it in messages and stack positions. */
export function scenarioFromSource(source: string, file = 'scenario.ts'): LoadedScenario {
  try {
    return loadScenarioSource(source, file);
  } catch (e) {
    if (e instanceof ScenarioError) throw new ScenarioFailure(e.message);
    throw new ScenarioFailure(`${file}: ${errorText(e)}`);
  }
}

/**
 * The scenario's own configuration must resolve (else the scenario is at fault); the overrides
 * on top of it may not (ConfigOverrideError, e.g. an unknown parameter).
 */
export function resolveRunConfig(loaded: LoadedScenario, overrides: ConfigOverrides): RunConfig {
  try {
    resolveConfig(loaded.scenario, {});
  } catch (e) {
    throw new ScenarioFailure(`${loaded.file}: ${errorText(e)}`);
  }
  try {
    return resolveConfig(loaded.scenario, overrides);
  } catch (e) {
    if (e instanceof ConfigError) throw new ConfigOverrideError(e.message);
    throw e;
  }
}

/** Build the machine and run the scenario's setup(k). */
export function createSimulation(
  loaded: LoadedScenario,
  config: RunConfig,
  limits: RunLimits,
): Simulation {
  try {
    return new Simulation(loaded.scenario, config, {
      realClock: () => performance.now(),
      ...(limits.watchdogMs !== undefined ? { watchdogMs: limits.watchdogMs } : {}),
      describeError: (e) => loaded.describeError(e),
    });
  } catch (e) {
    throw new ScenarioFailure(`${describeScenarioError(loaded, e)} (in setup)`);
  }
}

function engineFailure(loaded: LoadedScenario, sim: Simulation, e: unknown): ScenarioFailure {
  // Programs' own exceptions are caught by the simulation; anything else escaping is reported.
  const stack = e instanceof Error && e.stack !== undefined ? `\n${e.stack}` : '';
  return new ScenarioFailure(
    `${describeScenarioError(loaded, e)} (at cycle ${sim.now}, event ${sim.eventCount})${stack}`,
  );
}

/** Run to a limit, streaming every event to `listeners`. */
export function runSimulation(
  loaded: LoadedScenario,
  sim: Simulation,
  limits: RunLimits,
  listeners: ((e: SimEvent) => void)[] = [],
): void {
  sim.listeners.push(...listeners);
  try {
    sim.run({
      maxCycles: limits.maxCycles,
      ...(limits.maxEvents !== undefined ? { maxEvents: limits.maxEvents } : {}),
    });
  } catch (e) {
    throw engineFailure(loaded, sim, e);
  }
}

/** Script errors (a program threw, or the watchdog stopped it) as "file:line:col: message" lines. */
export function scriptErrorLines(loaded: LoadedScenario, sim: Simulation): string {
  const file = loaded.file;
  return sim.scriptErrors
    .map((s) => {
      // A thrown error's message ends in "(file:line:col)" (describeError): move it to the front.
      const tail = ` (${file}:`;
      const at = s.message.lastIndexOf(tail);
      if (at >= 0 && s.message.endsWith(')')) {
        return `${s.message.slice(at + 2, -1)}: ${s.message.slice(0, at)}\n`;
      }
      return `${s.line !== null ? `${file}:${s.line}` : file}: ${s.message}\n`;
    })
    .join('');
}

/** Run a scenario once and return the summary object `ipcscope run --json` prints. */
/** What `ipcscope run --json` prints: the run summary and each call chain's attribution. */
export type RunResult = RunSummary & { chains: Attribution[] };

export function simulate(loaded: LoadedScenario, opts: SimulateOptions = {}): RunResult {
  const limits = fullLimits(opts.limits);
  const sim = createSimulation(loaded, resolveRunConfig(loaded, opts.config ?? {}), limits);
  const chains = new AllChains();
  const listeners: ((e: SimEvent) => void)[] = [(e) => chains.add(e)];
  if (opts.onEvent) listeners.push(opts.onEvent);
  runSimulation(loaded, sim, limits, listeners);
  return { ...computeRunSummary(sim), chains: chains.result() };
}

/**
 * The same run as a stream: yields every event in order, and returns the summary when the run
 * ends. The engine advances only as far as the consumer reads, so a `break` stops it.
 */
export function* simulationEvents(
  loaded: LoadedScenario,
  opts: Omit<SimulateOptions, 'onEvent'> = {},
): Generator<SimEvent, RunSummary, undefined> {
  const limits = fullLimits(opts.limits);
  const sim = createSimulation(loaded, resolveRunConfig(loaded, opts.config ?? {}), limits);
  let pending: SimEvent[] = [];
  sim.listeners.push((e) => pending.push(e));
  const stepLimits = {
    maxCycles: limits.maxCycles,
    ...(limits.maxEvents !== undefined ? { maxEvents: limits.maxEvents } : {}),
  };
  for (;;) {
    let more: boolean;
    try {
      more = sim.step(stepLimits);
    } catch (e) {
      throw engineFailure(loaded, sim, e);
    }
    const batch = pending;
    pending = [];
    yield* batch;
    if (!more) break;
  }
  return computeRunSummary(sim);
}
