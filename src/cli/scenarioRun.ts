// One simulation run from a scenario file, shared by `run` and `sweep`: read, load (the same
// loader as the app), resolve the configuration, set up, run. Each failure becomes a printable
// message with the scenario's file:line:col where one is known.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  loadScenarioSource,
  locate,
  ScenarioError,
  type LoadedScenario,
} from '../loader/loadScenario';
import { ConfigError, resolveConfig, type ConfigOverrides, type RunConfig } from '../sim/config';
import type { SimEvent } from '../sim/simEvents';
import { Simulation } from '../sim/simulation';
import { SetupError } from '../sim/world';
import { ScenarioFailure, UsageError } from './errors';

export interface RunLimits {
  maxCycles: number;
  maxEvents?: number;
  /** Real time a program may run without a kernel entry. */
  watchdogMs?: number;
}

function errorText(e: unknown): string {
  if (e instanceof SetupError || e instanceof ConfigError) return e.message;
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

/** "file:line:col: message" when the stack points into the scenario file, else "file: message". */
export function describeScenarioError(loaded: { file: string }, e: unknown): string {
  const at = locate(e, loaded.file);
  const where = at === null ? loaded.file : `${loaded.file}:${at.line}:${at.column}`;
  return `${where}: ${errorText(e)}`;
}

/** Read and load a scenario file; `file` is shown as given, read relative to `cwd`. */
export function loadScenarioFile(file: string, cwd: string): LoadedScenario {
  let source: string;
  try {
    source = readFileSync(resolve(cwd, file), 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code;
    throw new ScenarioFailure(`${file}: cannot read the scenario file (${why ?? String(e)})`);
  }
  try {
    return loadScenarioSource(source, file);
  } catch (e) {
    if (e instanceof ScenarioError) throw new ScenarioFailure(e.message);
    throw new ScenarioFailure(`${file}: ${errorText(e)}`);
  }
}

/**
 * The scenario's own configuration must resolve (else the scenario is at fault: exit 1); the
 * command line's overrides on top of it may not (a usage error: exit 2, e.g. an unknown --param).
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
    if (e instanceof ConfigError) throw new UsageError(e.message);
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
    // Programs' own exceptions are caught by the simulation; anything else escaping is reported.
    const stack = e instanceof Error && e.stack !== undefined ? `\n${e.stack}` : '';
    throw new ScenarioFailure(
      `${describeScenarioError(loaded, e)} (at cycle ${sim.now}, event ${sim.eventCount})${stack}`,
    );
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
