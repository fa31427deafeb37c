// The machine as a free-form breakpoint condition sees it: the projection at the event just
// folded (src/projection/types.ts), read-only. The condition editor loads this file as the
// type of `machine` (conditionLib.ts); machineView.test.ts proves that every Projection is one,
// so these declarations cannot drift from what the worker hands the condition.

export type ThreadState =
  | 'running'
  | 'restart'
  | 'inactive'
  | 'blockedOnSend'
  | 'blockedOnReceive'
  | 'blockedOnReply'
  | 'blockedOnNotification'
  | 'idle';

export interface Core {
  readonly id: number;
  /** The kernel image the core runs. */
  readonly image: number;
  /** The thread the core runs (its idle thread when nothing else is ready). */
  readonly thread: string;
  readonly idleThread: string;
  readonly mode: 'idle' | 'user' | 'kernel' | 'spinning';
  /** The syscall or interrupt in progress while in the kernel or spinning for its lock. */
  readonly entry: string | null;
  /** Time the current mode began (cycles). */
  readonly since: number;
  readonly kernelEntries: number;
  readonly kernelCycles: number;
}

export interface Thread {
  readonly name: string;
  readonly state: ThreadState;
  /** Endpoint, notification, reply object or server the thread is blocked on. */
  readonly blockedOn: string | null;
  /** Affinity: the core the thread is scheduled on. */
  readonly core: number;
  /** The core running it right now, or null. */
  readonly runningOn: number | null;
  readonly priority: number;
  /** The scheduling context it runs on now (MCS). */
  readonly sc: string | null;
  readonly lastSyscall: string | null;
  readonly syscalls: number;
  readonly fastpath: number;
  readonly slowpath: number;
  readonly kernelCycles: number;
  readonly sent: number;
  readonly received: number;
  /** Why it stopped (exited, a fault with no handler), or null while it lives. */
  readonly stopped: string | null;
}

export interface Endpoint {
  readonly name: string;
  readonly image: number;
  /** 'idle', 'send' (senders queued) or 'recv' (receivers queued); notifications: 'active' too. */
  readonly state: string;
  /** Queued threads, head first. */
  readonly queue: readonly string[];
  readonly messages: number;
}

export interface Notification extends Endpoint {
  readonly word: number;
  readonly boundThread: string | null;
  readonly signals: number;
}

export interface BigLock {
  readonly image: number;
  readonly hasLock: boolean;
  /** Core holding the big lock, or null. */
  readonly holder: number | null;
  /** Cores waiting for it, in FIFO (CLH) order. */
  readonly queue: readonly number[];
  readonly acquisitions: number;
  readonly contended: number;
  readonly spinCycles: number;
}

export interface CacheLine {
  readonly name: string;
  /** The core the line last moved to. */
  readonly at: number;
  readonly migrations: number;
  readonly cycles: number;
}

export interface SchedContext {
  readonly name: string;
  readonly core: number;
  /** Thread running on it now; differs from home while it is lent. */
  readonly holder: string | null;
  readonly home: string | null;
}

export interface FileOp {
  readonly index: number;
  readonly t: number;
  readonly thread: string;
  readonly op: string;
  readonly path: string;
  readonly bytes: number;
  readonly kernelEntries: number;
  readonly error: string | null;
}

export interface Fault {
  readonly index: number;
  readonly t: number;
  readonly thread: string;
  readonly type: string;
  readonly detail: string;
}

export interface Stats {
  readonly syscalls: number;
  readonly fastpath: number;
  readonly slowpath: number;
  readonly kernelCycles: number;
  readonly messages: number;
  readonly ipis: number;
  readonly migrations: number;
  readonly migrationCycles: number;
  readonly lockAcquisitions: number;
  readonly lockContended: number;
  readonly lockSpinCycles: number;
  readonly fileOps: number;
}

export interface Machine {
  /** Events folded in: the state after event index - 1. */
  readonly index: number;
  /** Simulated time of the last folded event (cycles). */
  readonly t: number;
  readonly cores: readonly Core[];
  readonly threads: { readonly [name: string]: Thread | undefined };
  readonly endpoints: { readonly [name: string]: Endpoint | undefined };
  readonly notifications: { readonly [name: string]: Notification | undefined };
  /** One per kernel image. */
  readonly locks: readonly BigLock[];
  readonly lines: { readonly [name: string]: CacheLine | undefined };
  readonly schedContexts: { readonly [name: string]: SchedContext | undefined };
  /** The most recent file operations, oldest first. */
  readonly fileOps: readonly FileOp[];
  /** The most recent faults, oldest first. */
  readonly faults: readonly Fault[];
  readonly stats: Stats;
}
