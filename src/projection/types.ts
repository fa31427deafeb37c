// What the views show: the machine as folded from the event log up to one index. Plain data
// (structured-clone safe), treated as immutable once published: a writer copies what it changes.
import type { MachineDescription } from '../sim/describe';
import type { EntryCounts, EntryRecords } from '../sim/events/entryCounts';
import type { ThreadStateName } from '../sim/simEvents';

export type CoreMode = 'idle' | 'user' | 'kernel' | 'spinning';

export interface CoreView {
  id: number;
  image: number;
  /** The thread the core runs (its idleThread when nothing else is ready). */
  thread: string;
  idleThread: string;
  /** What the core does, as its coreModeChanged events say (interrupt time is kernel time). */
  mode: CoreMode;
  /** The syscall or interrupt in progress while in the kernel or spinning for its lock. */
  entry: string | null;
  /** The thread that made that kernel entry (the core may have switched away from it since). */
  entryThread: string | null;
  /** Time the current mode began. */
  since: number;
  kernelEntries: number;
  kernelCycles: number;
  /** Messages moved by the kernel entry in progress (for cycles per IPC). */
  entryMessages: number;
}

export interface ThreadView {
  name: string;
  state: ThreadStateName;
  /** Endpoint, notification, reply object or server the thread is blocked on. */
  blockedOn: string | null;
  /** Affinity: the core the thread is scheduled on. */
  core: number;
  /** The core running it right now, or null. */
  runningOn: number | null;
  priority: number;
  /** The scheduling context it runs on now (MCS). */
  sc: string | null;
  /** Slot named by its last syscall (used for the badge of a queued sender). */
  lastCap: string | null;
  lastSyscall: string | null;
  syscalls: number;
  fastpath: number;
  slowpath: number;
  kernelCycles: number;
  sent: number;
  received: number;
  /** Event index of the last message it received. */
  lastMessage: number | null;
  stopped: string | null;
}

export interface EndpointView {
  name: string;
  image: number;
  state: string;
  /** Queued threads, head first. */
  queue: string[];
  messages: number;
  lastMessage: number | null;
  /** Event index of the last change. */
  changedAt: number | null;
}

export interface NotificationView extends EndpointView {
  word: number;
  boundThread: string | null;
  signals: number;
}

export interface LockView {
  image: number;
  /** A one-core image is a uniprocessor build and has no big lock. */
  hasLock: boolean;
  /** Core holding the big lock, or null. */
  holder: number | null;
  /** Cores that asked for the lock and wait, in FIFO (CLH) order. */
  queue: number[];
  acquisitions: number;
  contended: number;
  spinCycles: number;
}

export interface LineView {
  name: string;
  /** The core the line last moved to. */
  at: number;
  migrations: number;
  cycles: number;
  lastIndex: number;
  lastT: number;
}

export interface SchedContextView {
  name: string;
  core: number;
  /** Thread running on it now; differs from home while it is lent. */
  holder: string | null;
  home: string | null;
  /** MCS refill list, head first, as the last schedContextRefilled gave it (schedContextRefills.ts). */
  refills?: { time: number; amount: number }[];
  /** Cycles charged to it in all, as of the last refill change. */
  consumed?: number;
}

/** One mount point of a Plan 9 namespace: its union of targets, in search order. */
export interface NsBinding {
  path: string;
  targets: string[];
  /** replace, before or after: how the last bind joined the union. */
  flag: string;
  /** Per target: may files be created through it. */
  create: boolean[];
}

export interface FileOpView {
  index: number;
  t: number;
  thread: string;
  op: string;
  path: string;
  bytes: number;
  kernelEntries: number;
  clientEntries: number;
  serverEntries: number;
  transport: string;
  error: string | null;
  /** The IPC hops and kernel entries it took, e.g. 'cat->ramfs Call (fast)'. */
  hops: string[];
  cycles: number;
  copiedBytes: number;
  /** Why it was not one fastpath Call and ReplyRecv: the first slowpath reason. */
  reason: string | null;
}

export interface FaultView {
  index: number;
  t: number;
  thread: string;
  type: string;
  detail: string;
}

/** Kernel entries as counted by src/sim/events/entryCounts.ts (the CLI's counts too), and more. */
export interface StatsView extends EntryCounts, EntryRecords {
  messages: number;
  ipis: number;
  migrations: number;
  migrationCycles: number;
  /** Migrations of kernel lines (everything but user.* buffers). */
  kernelMigrations: number;
  kernelMigrationCycles: number;
  lockAcquisitions: number;
  lockContended: number;
  lockSpinCycles: number;
  fileOps: number;
  fileOpKernelEntries: number;
}

export interface Projection {
  /** Number of events folded in: the state after event index - 1. */
  index: number;
  /** Simulated time of the last folded event (cycles). */
  t: number;
  cores: CoreView[];
  threads: Record<string, ThreadView>;
  endpoints: Record<string, EndpointView>;
  notifications: Record<string, NotificationView>;
  locks: LockView[];
  lines: Record<string, LineView>;
  schedContexts: Record<string, SchedContextView>;
  /** Plan 9 namespace per process, as the last namespaceChanged event gave it. */
  namespaces: Record<string, NsBinding[]>;
  /** Registered ports: port name to serving process. */
  ports: Record<string, string>;
  /** The most recent file operations (at most FILE_OPS_KEPT), oldest first. */
  fileOps: FileOpView[];
  /** The most recent faults and stopped threads (at most FAULTS_KEPT). */
  faults: FaultView[];
  stats: StatsView;
}

export const FILE_OPS_KEPT = 200;
export const FAULTS_KEPT = 200;

export type { MachineDescription };
