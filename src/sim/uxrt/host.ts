// What UX/RT code reaches of the run; the simulation's core context provides it.
import type { Kernel } from '../kernel/kernelState';
import type { PlatformProfile } from '../machine/platform';
import type { ProgramHost, ScriptError, ThreadRuntime } from '../programs';
import type { SimEvent, SimEventBody } from '../simEvents';

/**
 * What UX/RT code reaches of the run (the simulation's CoreContext provides it). Narrower than
 * the core context, since the UX/RT setup is part of the world the core context holds.
 */
export interface UxrtHost {
  readonly now: number;
  readonly profile: PlatformProfile;
  readonly k: Kernel;
  readonly threads: ThreadRuntime[];
  readonly scriptErrors: ScriptError[];
  readonly host: ProgramHost;
  readonly listeners: ((e: SimEvent) => void)[];
  emit(core: number, body: SimEventBody): void;
}
