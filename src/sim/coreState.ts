// A core's state as the runner drives it (coreRunner.ts): its mode, the kernel entry in progress
// and what that entry has done so far. sel4-reference.md §1.8–1.10.
import type { Notification, Tcb } from './kernel/objects';
import type { SyscallOutcome } from './kernel/syscalls';
import type { SyscallRequest } from './kernel/requests';
import type { CoreModeName, ThreadSwitch } from './simEvents';

export type CoreMode = 'idle' | 'user' | 'kernel' | 'spinning';
export type Interrupt = 'ipi' | 'timer' | 'release';

export interface Entry {
  thread: Tcb;
  req: SyscallRequest | null;
  irq: Interrupt | null;
  name: string;
  requestedAt: number;
  outcome: SyscallOutcome | null;
  cost: number;
  ipis: number[];
  sgis: { core: number; ntfn: Notification }[];
  /** The scheduler's switches, emitted when the entry ends. */
  switches: ThreadSwitch[];
  /** Messages the entry moved. */
  messages: number;
}

export interface CoreRt {
  id: number;
  mode: CoreMode;
  /** The mode last reported by a coreModeChanged event. */
  shown: CoreModeName;
  /** Generation: bumps when user work is preempted, so its completion event is ignored. */
  gen: number;
  userStart: number;
  pendingIrq: Interrupt | null;
  entry: Entry | null;
  /** The one Entry record this core reuses for each kernel entry (one entry at a time). */
  readonly record: Entry;
  /** The time a release interrupt is armed for (MCS release queue head), or -1. */
  releaseAt: number;
  /** Notifications to signal when the next cross-image SGI is taken on this core. */
  pendingSignals: Notification[];
}
