// All kernel state of the simulated machine in one typed object, plus the per-entry context the
// kernel operations write to (current core, time, accumulated cost, emitted events). Per-core
// state mirrors seL4's NODE_STATE: ksCurThread, ksIdleThread, ksSchedulerAction, ksReadyQueues.
import type { Line } from '../machine/cacheLines';
import type { PlatformProfile } from '../machine/platform';
import type { Named } from '../events/schema';
import type { Writers } from '../events/writers';
import type { SimEventBody, ThreadSwitch } from '../simEvents';
import type { Endpoint, Notification, Reply, SchedContext, Tcb } from './objects';

export const NUM_PRIORITIES = 256;

export type SchedulerAction = 'resumeCurrentThread' | 'chooseNewThread' | Tcb;

export interface NodeState {
  core: number;
  image: number;
  curThread: Tcb;
  idleThread: Tcb;
  /** The cache line of this core's scheduler state (lines.ts schedLine). */
  schedLine: Line;
  schedulerAction: SchedulerAction;
  readyQueues: Tcb[][];
  /** One bit per priority with a non-empty ready queue (seL4's ksReadyQueuesL2Bitmap). */
  readyBitmap: Uint32Array;
  /** One bit per word of readyBitmap that is not zero (ksReadyQueuesL1Bitmap): the highest
   * ready priority is two count-leading-zeros away, not a scan of the words. */
  readyL1: number;
  /** Time of the last kernel entry's timestamp (ksCurTime). */
  curTime: number;
  /** MCS: time used since the last commit, not yet charged (ksConsumed). */
  consumed: number;
  /** MCS: the SC time is charged to (ksCurSC); null for the idle thread. */
  curSc: SchedContext | null;
  /** MCS: threads waiting for a refill, earliest first (ksReleaseQueue). */
  releaseQueue: Tcb[];
}

export interface KernelConfig {
  mcs: boolean;
  /** Kernel image of each core (smp: all 0; multikernel: core index; clustered:N: core / N). */
  imageOfCore: number[];
  /** Number of cores in each image; a one-core image is a uniprocessor build with no big lock. */
  coresInImage: number[];
  /** Classic round-robin time slice in cycles (KernelTimeSlice x KernelTimerTickMS, §1.8). */
  timeslice: number;
  /** MCS: MIN_BUDGET in cycles, 2 x the kernel's WCET (include/kernel/sporadic.h). */
  minBudget: number;
}

export interface KernelState {
  profile: PlatformProfile;
  config: KernelConfig;
  nodes: NodeState[];
  threads: Tcb[];
  endpoints: Endpoint[];
  notifications: Notification[];
  replies: Reply[];
  schedContexts: SchedContext[];
  /** The object a classic-kernel reply names in its messageTransferred event: the caller's
   * one-shot reply cap, which is no object of its own (§1.4). A Named, so its id is cached. */
  replyCap: Named;
}

/** What a kernel operation may do to the world besides changing kernel objects. */
export interface KernelEffects {
  /** Current time (the moment this kernel entry holds the lock). */
  readonly now: number;
  /** Core executing this kernel entry. */
  readonly core: number;
  /** Emit an event at `now` on this core. */
  emit(body: SimEventBody): void;
  /** Typed writers of the hot events (events/writers.ts); write them at `core`. */
  readonly out: Writers;
  /** Messages this entry transferred (its cost depends on them); count one as it is written. */
  messages: number;
  /** The scheduler switched this core's thread: reported when the entry ends. */
  switched(s: ThreadSwitch): void;
  /** Access a modelled cache line; adds any transfer cost to this entry. */
  touch(line: Line, write: boolean): void;
  /** Add cycles to this kernel entry. */
  charge(cycles: number): void;
  /** Cores that need a reschedule IPI at the end of this entry (ipiReschedulePending). */
  ipiReschedulePending: Set<number>;
  /** An endpoint or notification changed state or queue (reported once per entry). */
  changed(o: Endpoint | Notification): void;
  /** Raise a software-generated interrupt on `core` that signals `ntfn` there (channels). */
  sendSgi(core: number, ntfn: Notification): void;
  /** Cores that must run a remote call (stall) before this entry can finish. */
  remoteCall(core: number): void;
}

export interface Kernel {
  state: KernelState;
  fx: KernelEffects;
}

export function node(k: Kernel, core = k.fx.core): NodeState {
  return k.state.nodes[core]!;
}

export function physicalMRs(k: Kernel): number {
  return k.state.config.mcs ? k.state.profile.physicalMRs.mcs : k.state.profile.physicalMRs.classic;
}
