// The scenario API: the module 'ipcscope' that every scenario file imports. This one file is the
// source of truth for its types; the editor loads it as an extra library for autocomplete.

/** Rights on a cap (sel4-reference.md §1.3). Omitted rights default to true. */
export interface Rights {
  /** Endpoint: may receive. Notification: may wait. */
  read?: boolean;
  /** Endpoint: may send. Notification: may signal. */
  write?: boolean;
  /** May send any caps with a message. */
  grant?: boolean;
  /** May send reply caps only (enough for Call). */
  grantReply?: boolean;
}

export interface CapOptions {
  rights?: Rights;
  /** Badge delivered to the receiver (0 = unbadged). 64-bit ISAs: 64 bits; 32-bit: 28 bits. */
  badge?: number;
}

/** A cap to hand to a process in `caps: { slotName: cap }`. */
export interface CapSpec {
  readonly __cap: true;
  readonly object: string;
}

export interface ObjectHandle {
  readonly name: string;
  /** Mint a cap to this object with the given rights and badge. */
  cap(opts?: CapOptions): CapSpec;
}

/** A message to send: up to 120 words (more are truncated), up to 3 caps named by slot. */
export interface Message {
  label?: number;
  words?: number[];
  /** Slot names of caps to transfer (needs the Grant right on the endpoint cap). */
  caps?: string[];
}

/** A message as the receiver sees it (seL4 message info + registers). */
export interface ReceivedMessage {
  /** Badge of the sender's cap, or the notification word; 0 for an NB receive that got nothing. */
  badge: number;
  label: number;
  length: number;
  words: number[];
  /** Number of caps processed (seL4_MessageInfo extraCaps). */
  extraCaps: number;
  /** Bit i set: cap i named this very endpoint and only its badge was delivered. */
  capsUnwrapped: number;
  /** Slot names where transferred caps landed (at most one, the receive slot). */
  caps: string[];
  /** Badges of unwrapped caps, by position. */
  unwrappedBadges: number[];
  /** Set when the kernel answered an invocation with an error (e.g. 'InvalidCapability: ...'). */
  error?: string;
}

/** A request handed to the simulator; opaque to scripts. */
export interface Request {
  readonly op: string;
}

/** A kernel entry or user activity: use it with `yield*`. */
export type Op<T> = Generator<Request, T, unknown>;

/** Result of a file read. */
export interface ReadResult {
  data: string;
  bytes: number;
  error?: string;
}

export interface FileStat {
  name: string;
  type: 'file' | 'dir' | 'port' | 'mem';
  size: number;
  server: string;
}

export type BindFlag = 'replace' | 'before' | 'after';

/** The system-call interface a program sees. Every kernel entry is `yield* sys.<op>(...)`. */
export interface Sys {
  /** This thread's name. */
  readonly name: string;
  /** seL4_Call: send and wait for the reply on a one-shot reply cap/object. Fastpath-eligible. */
  call(slot: string, msg?: Message): Op<ReceivedMessage>;
  /** seL4_Send: blocking send; errors are lost (nobody to reply to). */
  send(slot: string, msg?: Message): Op<void>;
  /** seL4_NBSend: dropped silently if no receiver waits. */
  nbSend(slot: string, msg?: Message): Op<void>;
  /** seL4_Recv on an endpoint or notification cap. MCS: uses this thread's reply object. */
  recv(slot: string, opts?: { reply?: string }): Op<ReceivedMessage>;
  /** seL4_NBRecv: badge 0 if nothing was waiting. */
  nbRecv(slot: string, opts?: { reply?: string }): Op<ReceivedMessage>;
  /** seL4_Reply (classic) or Send on the reply object (MCS). No effect if there is no caller. */
  reply(msg?: Message, opts?: { reply?: string }): Op<void>;
  /** seL4_ReplyRecv: reply and wait again in one kernel entry. Fastpath-eligible. */
  replyRecv(slot: string, msg?: Message, opts?: { reply?: string }): Op<ReceivedMessage>;
  /** MCS seL4_NBSendRecv. */
  nbSendRecv(
    dest: string,
    msg: Message,
    src: string,
    opts?: { reply?: string },
  ): Op<ReceivedMessage>;
  /** MCS seL4_NBSendWait. */
  nbSendWait(dest: string, msg: Message, src: string): Op<ReceivedMessage>;
  /** MCS seL4_Wait: receive without a reply object. Classic: same as recv. */
  wait(slot: string): Op<ReceivedMessage>;
  /** MCS seL4_NBWait. */
  nbWait(slot: string): Op<ReceivedMessage>;
  /** seL4_Signal: OR the cap's badge into the notification word. */
  signal(slot: string): Op<void>;
  /** seL4_Poll: non-blocking wait on a notification. */
  poll(slot: string): Op<ReceivedMessage>;
  /** seL4_Yield: to the back of this priority's ready queue. */
  yield(): Op<void>;
  /** TCB_SetAffinity on this thread (classic only; MCS threads follow their SC). */
  setAffinity(core: number): Op<ReceivedMessage>;
  /** TCB_SetPriority on a TCB cap (or on this thread when slot is omitted). */
  setPriority(priority: number, slot?: string): Op<ReceivedMessage>;
  /** TCB_Suspend on a TCB cap. */
  tcbSuspend(slot: string): Op<ReceivedMessage>;
  /** TCB_Resume on a TCB cap. */
  tcbResume(slot: string): Op<ReceivedMessage>;
  /** TCB_BindNotification: bind the notification in `ntfnSlot` to this thread. */
  bindNotification(ntfnSlot: string): Op<ReceivedMessage>;
  /** Channel: write the message to shared memory, then signal the peer (one kernel entry). */
  channelSend(slot: string, msg?: Message): Op<void>;
  /** Channel: read the next message from shared memory, waiting on the notification if none. */
  channelRecv(slot: string): Op<ReceivedMessage>;
  /** Run user code for this many cycles (no kernel entry). */
  compute(cycles: number): Op<void>;
  /** Touch user memory: cache lines of a shared region (migrations cost cycles). */
  touch(region: string, opts?: { bytes?: number; offset?: number; write?: boolean }): Op<void>;
  /** Current time in cycles. */
  now(): number;
  /** Write to the console panel. */
  log(...args: unknown[]): void;

  // UX/RT file transport (sel4-reference.md §4.1) and Plan 9 namespace (§4.2).
  /** Open a file through the process server; returns a descriptor or a negative errno. */
  open(path: string, mode?: 'r' | 'w' | 'rw'): Op<number>;
  /** read(): N bytes at the descriptor's offset; registers or shared buffer chosen by size. */
  read(fd: number, bytes: number): Op<ReadResult>;
  /** write(): returns the number of bytes written or a negative errno. */
  write(fd: number, data: string): Op<number>;
  /** Short-message read through message registers only. */
  readreg(fd: number, bytes: number): Op<ReadResult>;
  /** Short-message write through message registers only. */
  writereg(fd: number, data: string): Op<number>;
  /** Long-message read through the shared buffer. */
  readbuf(fd: number, bytes: number): Op<ReadResult>;
  /** Long-message write through the shared buffer. */
  writebuf(fd: number, data: string): Op<number>;
  /** Seek: a zero-length read at an offset. */
  seek(fd: number, offset: number): Op<number>;
  close(fd: number): Op<number>;
  stat(path: string): Op<FileStat | { error: string }>;
  readdir(path: string): Op<string[] | { error: string }>;
  create(path: string): Op<number>;
  remove(path: string): Op<number>;
  bind(name: string, old: string, flag?: BindFlag, create?: boolean): Op<number>;
  mount(port: string, old: string, flag?: BindFlag, create?: boolean): Op<number>;
  unmount(name: string | null, old: string): Op<number>;
  /** Serve a file system: register a port and answer reads and writes forever. */
  serve(port: string, handlers: FileServer): Op<void>;
}

/** What a file server implements; each handler runs between two kernel entries. */
export interface FileServer {
  read?(path: string, offset: number, bytes: number, client: number): string | { error: string };
  write?(path: string, offset: number, data: string, client: number): number | { error: string };
  stat?(path: string): { type: 'file' | 'dir'; size: number } | null;
  readdir?(path: string): string[] | null;
  create?(path: string): boolean;
  remove?(path: string): boolean;
  /** Cycles of user work per request (default 0). */
  work?: number;
}

/** A program: a generator function run as one seL4 thread. */
export type Program = (sys: Sys) => Generator<Request, void, unknown>;

export interface ProcessOptions {
  /** Core affinity (default 0). On MCS the core of the thread's scheduling context. */
  core?: number;
  /** 0-255 (default 100). */
  priority?: number;
  /** MCS: no scheduling context of its own; runs on donated ones. */
  passive?: boolean;
  /** MCS budget in microseconds (default: equal to the period: round robin). */
  budget?: number;
  /** MCS period in microseconds (default 10000). */
  period?: number;
  /** Slot name -> cap. */
  caps?: Record<string, CapSpec>;
  /** Slot name of a fault endpoint cap. */
  faultHandler?: string;
  /** Slot name of a notification cap to bind to the thread. */
  boundNotification?: string;
  /** Slot name where a cap transferred by IPC lands (the receive slot). */
  receiveSlot?: string;
  /** UX/RT: share the parent's namespace instead of copying it. */
  parent?: string;
  shareNamespace?: boolean;
}

export interface MachineInfo {
  platform: string;
  cores: number;
  kernel: string;
  mcs: boolean;
  seed: number;
  /** Instruction set of the platform, e.g. 'x86-64'. */
  isa: string;
  /** Physical message registers (fastpath limit). */
  messageRegisters: number;
}

/** The root task: creates objects and processes and hands out caps. */
export interface Setup {
  readonly machine: MachineInfo;
  readonly params: Readonly<Record<string, number>>;
  endpoint(name: string, opts?: { core?: number }): ObjectHandle;
  notification(name: string, opts?: { core?: number }): ObjectHandle;
  process(name: string, program: Program, opts?: ProcessOptions): ObjectHandle;
  /** A user-level shared memory region (for sys.touch and long messages). */
  sharedRegion(name: string, bytes: number): { readonly name: string };
  /**
   * A user-level channel between two cores, usable across kernel images (multikernel): messages
   * go through shared memory and a software-generated interrupt signals the other side. Give
   * `ch.a.cap()` to the process on core `a` and `ch.b.cap()` to the one on core `b`.
   */
  channel(
    name: string,
    opts: { a: number; b: number; bytes?: number },
  ): { readonly name: string; readonly a: ObjectHandle; readonly b: ObjectHandle };
}

export interface PlatformSpec {
  id?: string;
  base?: string;
  [key: string]: unknown;
}

export interface MachineSpec {
  platform?: string;
  cores?: number;
  /** 'smp' | 'multikernel' | 'clustered:N' */
  kernel?: string;
  mcs?: boolean;
  /** Override any number of the platform profile. */
  profile?: Record<string, unknown>;
}

export interface ScenarioSpec {
  name: string;
  description?: string;
  machine?: MachineSpec;
  seed?: number;
  params?: Record<string, number>;
  setup(k: Setup): void;
}

export interface Scenario extends ScenarioSpec {
  readonly __scenario: true;
}

export declare function scenario(spec: ScenarioSpec): Scenario;
