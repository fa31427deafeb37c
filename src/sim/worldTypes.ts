// The world a scenario's setup builds (world.ts): kernel state, processes, shared regions and the
// UX/RT layer. Apart from world.ts so the UX/RT setup can take it without an import cycle.
import type { KernelState } from './kernel/kernelState';
import type { Tcb } from './kernel/objects';
import type * as Api from './script/ipcscope';
import type { UxrtWorld } from './uxrt/uxrtWorld';

/** A scenario's setup did something seL4 or the model does not allow; the message says what. */
export class SetupError extends Error {}

export interface ProcessDef {
  tcb: Tcb;
  program: Api.Program;
  opts: Api.ProcessOptions;
}

export interface World {
  state: KernelState;
  processes: ProcessDef[];
  regions: Map<string, number>;
  /** The UX/RT file layer, when the scenario uses it (uxrt/setup.ts). */
  uxrt: UxrtWorld | null;
  /** Threads that stay inactive at start until someone resumes them (UX/RT spawn). */
  suspendedAtStart: Set<Tcb>;
}
