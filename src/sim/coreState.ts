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
  /** The scheduler's switches (the first switchCount), emitted when the entry ends. */
  switches: ThreadSwitch[];
  switchCount: number;
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

/** An interrupt entry's name, made once: a string built per entry costs a hash per use. */
export const INTERRUPT_NAMES: Record<Interrupt, string> = {
  ipi: 'interrupt (ipi)',
  timer: 'interrupt (timer)',
  release: 'interrupt (release)',
};

/** The outcome of a system call a remote-call stall abandoned while its core spun for the lock. */
export const STALLED: SyscallOutcome = {
  path: 'slow',
  reason: 'stalled by a remote call while waiting for the lock: the thread restarts the call later',
  transferred: false,
};

/** The outcome of a system call not made because the thread's budget ran out at entry (MCS). */
export const OUT_OF_BUDGET: SyscallOutcome = {
  path: 'slow',
  reason: 'budget exhausted at kernel entry: the thread makes the call again after its refill',
  transferred: false,
};

export const NONE: number[] = [];
export const NO_SGIS: { core: number; ntfn: Notification }[] = [];

/** A core at the start of a run: idle, running its idle thread, no entry in progress. */
export function createCoreRt(id: number, idleThread: Tcb): CoreRt {
  return {
    id,
    mode: 'idle',
    shown: 'idle',
    gen: 0,
    userStart: 0,
    pendingIrq: null,
    entry: null,
    record: {
      thread: idleThread,
      req: null,
      irq: null,
      name: '',
      requestedAt: 0,
      outcome: null,
      cost: 0,
      ipis: NONE,
      sgis: NO_SGIS,
      switches: [],
      switchCount: 0,
      messages: 0,
    },
    releaseAt: -1,
    pendingSignals: [],
  };
}
