// Kernel objects (sel4-reference.md §1.2–1.6, §1.9, §1.11): TCB, endpoint, notification, reply
// object (MCS), scheduling context (MCS) and the caps that name them. Plain mutable records; the
// operations on them live in one file per object, as in seL4 src/object/.
import type { ThreadStateName } from '../simEvents';
import type { Line, TcbLines } from './lines';

export interface Rights {
  read: boolean;
  write: boolean;
  grant: boolean;
  grantReply: boolean;
}

export const ALL_RIGHTS: Rights = { read: true, write: true, grant: true, grantReply: true };

export type KernelObject = Endpoint | Notification | Tcb | Reply | SchedContext;

export interface Cap {
  object: KernelObject;
  rights: Rights;
  badge: number;
}

export interface Slot {
  name: string;
  index: number;
  cap: Cap | null;
}

export type EndpointState = 'idle' | 'send' | 'recv';
export type NotificationState = 'idle' | 'waiting' | 'active';

export interface Endpoint {
  kind: 'endpoint';
  name: string;
  /** Its name's id in the run's event log, once written (events/writers.ts Named). */
  logId: number;
  /** Its cache line (lines.ts). */
  line: Line;
  image: number;
  state: EndpointState;
  queue: Tcb[];
}

export interface Notification {
  kind: 'notification';
  name: string;
  /** Its name's id in the run's event log, once written (events/writers.ts Named). */
  logId: number;
  /** Its cache line (lines.ts). */
  line: Line;
  image: number;
  state: NotificationState;
  word: number;
  queue: Tcb[];
  boundTcb: Tcb | null;
  /** Set when this notification is one end of a cross-image channel. */
  channel: ChannelEnd | null;
  /** MCS: scheduling context bound to it (schedContext_bindNtfn), lent to a passive waiter. */
  sc: SchedContext | null;
}

/**
 * One end of a user-level channel between kernel images (sel4-reference.md §5): messages sit in
 * shared memory, and the sender's kernel raises a software-generated interrupt (an IPI) on the
 * peer's core, whose own kernel then signals the peer's notification.
 */
export interface ChannelEnd {
  name: string;
  peer: Notification;
  peerCore: number;
  /** Shared region holding the messages (its lines go through the cache-line directory). */
  region: string;
  /** Messages written by the peer, waiting to be read at this end. */
  inbox: PendingMessage[];
}

export interface Reply {
  kind: 'reply';
  name: string;
  /** Its name's id in the run's event log, once written (events/writers.ts Named). */
  logId: number;
  /** Its cache line (lines.ts). */
  line: Line;
  image: number;
  /** The caller this reply object answers (reply_push), or null when unused. */
  caller: Tcb | null;
  /** The receiver that owns this reply object and will reply through it. */
  owner: Tcb;
  /** The scheduling context lent with the call, if any (scReply link). */
  donatedSc: SchedContext | null;
}

/** One refill: `amount` cycles of budget usable from `time` (seL4 refill_t). */
export interface Refill {
  time: number;
  amount: number;
}

export interface SchedContext {
  kind: 'schedContext';
  name: string;
  /** Its cache line (lines.ts). */
  line: Line;
  image: number;
  core: number;
  budget: number;
  period: number;
  /** Sporadic-server refills, head first, in time order; amounts sum to the budget (sporadic.ts). */
  refills: Refill[];
  /** The most refills the list may hold (2 + extra refills, seL4 scRefillMax). */
  maxRefills: number;
  /** Badge reported in its timeout faults (seL4 scBadge). */
  badge: number;
  /** Notification it is bound to (schedContext_bindNtfn), if any. */
  ntfn: Notification | null;
  /** Thread currently running on this SC. */
  tcb: Tcb | null;
  /** Thread the SC belongs to (to whom it returns after a donation chain unwinds). */
  home: Tcb | null;
  /** Cycles consumed in total. */
  consumed: number;
}

/** Why a blocked thread is blocked, with what it needs to resume (seL4 tcbState fields). */
export interface BlockingInfo {
  object: Endpoint | Notification | Reply | null;
  badge: number;
  canGrant: boolean;
  canGrantReply: boolean;
  isCall: boolean;
  /** MCS: reply object named by a blocked receiver. */
  reply: Reply | null;
}

export interface PendingMessage {
  label: number;
  words: number[];
  caps: string[];
}

export interface FaultInfo {
  type: 'capFault' | 'exception' | 'unknownSyscall' | 'timeout';
  detail: string;
  words: number[];
}

export interface Tcb {
  kind: 'tcb';
  name: string;
  /** Its name's id in the run's event log, once written (events/writers.ts Named). */
  logId: number;
  /** Its cache lines (lines.ts). */
  lines: TcbLines;
  id: number;
  image: number;
  priority: number;
  /** Maximum controlled priority: the highest it may give any thread (seL4 tcbMCP, checkPrio). */
  mcp: number;
  affinity: number;
  state: ThreadStateName;
  blocking: BlockingInfo;
  /** In a ready queue right now (tcbQueued). */
  queued: boolean;
  cspace: Map<string, Slot>;
  nextSlotIndex: number;
  /** Classic: the caller slot (tcbCaller) holding a one-shot reply cap. */
  callerSlot: Cap | null;
  boundNotification: Notification | null;
  faultHandlerSlot: string | null;
  /** MCS: slot of the endpoint cap that takes its timeout faults (tcbTimeoutHandler). */
  timeoutHandlerSlot: string | null;
  /** MCS: waiting in its core's release queue for a refill (tcbInReleaseQueue). */
  inReleaseQueue: boolean;
  fault: FaultInfo | null;
  /** Slot name that receives a transferred cap (receiveCNode/Index in the IPC buffer). */
  receiveSlot: string | null;
  /** MCS */
  sc: SchedContext | null;
  reply: Reply | null;
  /** Classic round-robin time slice left, in cycles. */
  timeslice: number;
  /** Message registers and message info as the kernel left them for the thread to read. */
  outbox: PendingMessage;
  inbox: ReceivedMessage | null;
  isIdle: boolean;
  /** The last fastpath affinity sentence naming this thread, and the cores it was built for
   * (fastpath.ts): a pair of cores keeps one string, not a new one to intern per entry. */
  affinityReason: { key: number; text: string } | null;
}

export interface ReceivedMessage {
  badge: number;
  label: number;
  length: number;
  words: number[];
  extraCaps: number;
  capsUnwrapped: number;
  caps: string[];
  unwrappedBadges: number[];
  error?: string;
  /** The words the sender asked to send, when more than seL4_MsgMaxLength (cut to 120). */
  requested?: number;
}

/** What a thread that waits on nothing holds: one frozen object (no one writes a field of it). */
const NOT_BLOCKED: BlockingInfo = Object.freeze(blockedOn(null, 0, false, false, false, null));

export function emptyBlocking(): BlockingInfo {
  return NOT_BLOCKED;
}

/** A thread's blocking state, always built in this field order (one object shape). */
export function blockedOn(
  object: BlockingInfo['object'],
  badge: number,
  canGrant: boolean,
  canGrantReply: boolean,
  isCall: boolean,
  reply: BlockingInfo['reply'],
): BlockingInfo {
  return { object, badge, canGrant, canGrantReply, isCall, reply };
}

export function objectName(o: KernelObject): string {
  return o.name;
}
