// Test helpers: build a Simulation from a scenario (an inline spec or one the loader returned),
// run it with the event log kept and the kernel invariants checked after every step, and pick
// events out of the log by type and field.
import type { ConfigOverrides } from '../config';
import { resolveConfig } from '../config';
import { checkInvariants } from '../invariants';
import type { Tcb } from '../kernel/objects';
import { scenario } from '../script/runtime';
import type * as Api from '../script/ipcscope';
import type { SimEvent, SimEventType } from '../simEvents';
import { Simulation, type SimOptions, type StopReason } from '../simulation';

export type EventOf<T extends SimEventType> = Extract<SimEvent, { type: T }>;

export interface RunLimits {
  maxCycles?: number;
  maxEvents?: number;
}

/** The CLI's defaults (DESIGN.md "The command line"), with a tighter event cap for tests. */
export const TEST_LIMITS: Required<RunLimits> = { maxCycles: 100_000_000, maxEvents: 200_000 };

/** A Simulation of `spec` with every event kept in `sim.log`. */
export function buildSim(
  spec: Api.ScenarioSpec | Api.Scenario,
  overrides: ConfigOverrides = {},
  opts: SimOptions = {},
): Simulation {
  const s = '__scenario' in spec ? spec : scenario(spec);
  return new Simulation(s, resolveConfig(s, overrides), { keepLog: true, ...opts });
}

/** What the loader returns, as far as a Simulation needs it (src/loader/loadScenario.ts). */
export interface LoadedLike {
  scenario: Api.Scenario;
  describeError(e: unknown): { message: string; line: number | null };
}

/** A Simulation of a loaded scenario file, with exceptions mapped to its lines. */
export function buildLoaded(loaded: LoadedLike, overrides: ConfigOverrides = {}): Simulation {
  return buildSim(loaded.scenario, overrides, { describeError: (e) => loaded.describeError(e) });
}

export interface RunResult {
  sim: Simulation;
  log: SimEvent[];
  stop: StopReason;
}

/** Build and run to the end (idle) or a limit, checking the kernel invariants after every step. */
export function runScenario(
  spec: Api.ScenarioSpec | Api.Scenario,
  overrides: ConfigOverrides = {},
  limits: RunLimits = TEST_LIMITS,
): RunResult {
  const sim = buildSim(spec, overrides);
  while (sim.step(limits)) {
    const broken = checkInvariants(sim);
    if (broken.length > 0) throw new Error(`at event ${sim.eventCount}: ${broken.join('; ')}`);
  }
  return { sim, log: sim.log, stop: sim.stopReason! };
}

/** Events of one type, optionally filtered by fields (`{ thread: 'client' }`). */
export function eventsOf<T extends SimEventType>(
  log: readonly SimEvent[],
  type: T,
  where: Partial<EventOf<T>> = {},
): EventOf<T>[] {
  const out: EventOf<T>[] = [];
  for (const e of log) {
    if (e.type !== type) continue;
    let ok = true;
    for (const [key, v] of Object.entries(where)) {
      if ((e as unknown as Record<string, unknown>)[key] !== v) ok = false;
    }
    if (ok) out.push(e as EventOf<T>);
  }
  return out;
}

/** The syscallExited events of one thread (and syscall), in order. */
export function exits(log: readonly SimEvent[], thread: string, syscall?: string) {
  return eventsOf(log, 'syscallExited', syscall === undefined ? { thread } : { thread, syscall });
}

/** Console lines written by one thread (or all), in order. */
export function consoleOf(sim: Simulation, thread?: string): string[] {
  return sim.console.filter((c) => thread === undefined || c.thread === thread).map((c) => c.text);
}

/** A thread's TCB by name. */
export function tcbOf(sim: Simulation, name: string): Tcb {
  const t = sim.world.state.threads.find((x) => x.name === name);
  if (t === undefined) throw new Error(`no thread '${name}'`);
  return t;
}

/** Index of the first event matching type and fields, or -1. */
export function indexOf<T extends SimEventType>(
  log: readonly SimEvent[],
  type: T,
  where: Partial<EventOf<T>> = {},
): number {
  const first = eventsOf(log, type, where)[0];
  return first === undefined ? -1 : log.indexOf(first);
}
