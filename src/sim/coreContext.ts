// What the cores, interrupts, entry accounting, the kernel cost and the user-level helpers see of
// a run: the clock and queue, the kernel state and its per-entry effects, the machine (profile,
// locks, cache lines through touchLine), statistics and the event sink. Simulation provides it;
// the parts that drive cores take this and never the whole Simulation, so the engine's modules
// form no import cycle (scripts/checkLayers.mjs checks).
import type { EventQueue } from './engine/eventQueue';
import type { Rng } from './engine/rng';
import type { EntryEffects } from './effects';
import type { Kernel } from './kernel/kernelState';
import type { BigLock } from './machine/bigLock';
import type { Line } from './machine/cacheLines';
import type { PlatformProfile } from './machine/platform';
import type { ProgramHost, ScriptError, ThreadRuntime } from './programs';
import type { SimEvent, SimEventBody } from './simEvents';
import type { RunStats } from './stats';
import type { Writers } from './events/writers';
import type { World } from './world';

export interface CoreContext {
  /** Simulated time, in cycles: the time of the queue item being handled. */
  readonly now: number;
  readonly queue: EventQueue;
  readonly rng: Rng;
  readonly profile: PlatformProfile;
  readonly world: World;
  readonly k: Kernel;
  readonly fx: EntryEffects;
  readonly locks: (BigLock | null)[];
  readonly threads: ThreadRuntime[];
  readonly stats: RunStats;
  readonly host: ProgramHost;
  readonly scriptErrors: ScriptError[];
  readonly listeners: ((e: SimEvent) => void)[];
  emit(core: number, body: SimEventBody): void;
  /** Typed writers for the hot paths (events/writers.ts). */
  readonly out: Writers;
  /** Access a cache line from a core; returns the migration's cycles (0 if it was there). */
  touchLine(core: number, line: Line | string, write: boolean): number;
  stopWithWatchdog(): void;
}
