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

/**
 * A message to send: up to 120 words (more are truncated), up to 3 caps named by slot. On a
 * 32-bit ISA (AArch32, IA-32) the label keeps 20 bits and each word 32; on 64-bit the label 52.
 */
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
  /**
   * Set when the kernel answered an invocation with an error (e.g. 'InvalidCapability: ...');
   * `label` is then the seL4_Error code (InvalidArgument 1, InvalidCapability 2,
   * IllegalOperation 3, RangeError 4, ...).
   */
  error?: string;
  /** Set when the sender asked to send more than 120 words: how many (only 120 arrived). */
  requested?: number;
}

/** A request handed to the simulator; opaque to scripts. */
export interface Request {
  readonly op: string;
}

/** A kernel entry or user activity: use it with `yield*`. */
export type Op<T> = Generator<Request, T, unknown>;

/** Result of a file read. */
export interface ReadResult {
  /** The bytes read, one character per byte (0-255). */
  data: string;
  bytes: number;
  /**
   * Set when the read failed, as 'ERRNO: what happened', e.g. 'EBADF: bad file descriptor: fd 7
   * is not open'. 'ETRUNCATED: ...' comes with the part of the message that fitted in `data`.
   */
  error?: string;
}

export interface FileStat {
  /** The last element of the path. */
  name: string;
  /** 'port': the root of a server's tree (/srv/<port>); 'mem': a process's memory file. */
  type: 'file' | 'dir' | 'port' | 'mem';
  size: number;
  /** The process that serves it ('vfs' for the process server's own tree). */
  server: string;
  /** Where the path led in the global namespace (e.g. '/srv/ramfs/hello'). */
  global: string;
}

/**
 * Plan 9 bind/mount flags (sel4-reference.md §4.2): 'replace' makes `old` show only `new`;
 * 'before' and 'after' make a union directory with `new` searched first or last.
 */
export type BindFlag = 'replace' | 'before' | 'after';

/** Open modes: read, write, or both. */
export type OpenMode = 'r' | 'w' | 'rw';

/** What the simulator measured of one file operation (see `sys.lastFileOp()`). */
export interface FileOpInfo {
  op: string;
  path: string;
  bytes: number;
  /** Kernel entries (system calls) in all: client + servers. */
  kernelEntries: number;
  clientEntries: number;
  /** Entries made by the process server and file servers while working for this operation. */
  serverEntries: number;
  /** 'reg' physical registers, 'ipcbuf' IPC buffer words, 'buf' shared buffer, 'vfs', 'none'. */
  transport: string;
  /** Each IPC hop and kernel entry, e.g. 'cat->ramfs Call (fast)'. */
  hops: string[];
  /** Cycles from the start of the operation to its end. */
  cycles: number;
  /** Bytes copied at user level (shared buffer, conversion between the APIs). */
  copiedBytes: number;
  /** The first slowpath reason, when it was not all fastpath. */
  reason?: string;
  error?: string;
}

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
  /**
   * A number in [0, 1) from the run's seeded generator (no kernel entry): the same seed repeats
   * a run exactly, another seed changes it.
   */
  random(): number;
  /** Write to the console panel. */
  log(...args: unknown[]): void;

  /** CNode_Mint: copy the cap in `src` to the empty slot `dest` with fewer rights and a badge. */
  cnodeMint(src: string, dest: string, opts?: CapOptions): Op<ReceivedMessage>;
  /** CNode_Copy: copy the cap in `src` to the empty slot `dest`, optionally with fewer rights. */
  cnodeCopy(src: string, dest: string, rights?: Rights): Op<ReceivedMessage>;
  /** CNode_Delete: empty a slot. */
  cnodeDelete(slot: string): Op<ReceivedMessage>;

  // UX/RT file layer: the transport (sel4-reference.md §4.1) and the Plan 9 namespace (§4.2).
  // It is on when setup calls k.uxrt() or a process declares `serves` or `parent`. Paths are
  // resolved in this process's namespace; '//', '.', '..' and a trailing '/' work as on Unix.
  // Calls that return a number give a negative errno on failure; sys.errstr() says why.

  /**
   * Open a file: one Call to the process server, which resolves the path (asking the serving
   * process whether the file exists) and hands back a badged endpoint cap to the server in this
   * process's receive slot. Later reads and writes go straight to the server. Returns a
   * descriptor (3 and up) or a negative errno (ENOENT, EACCES, EISDIR, EPIPE, ...).
   */
  open(path: string, mode?: OpenMode): Op<number>;
  /**
   * read(): up to `bytes` bytes at the descriptor's offset. A reply that fits in the physical
   * message registers comes in registers (one fastpath Call and ReplyRecv when the server waits
   * on the same core); a longer one through the file's shared buffer.
   */
  read(fd: number, bytes: number): Op<ReadResult>;
  /** write(): registers when the data fits in them, else the shared buffer (split with a
   * continuation beyond one buffer). Returns the bytes written or a negative errno. */
  write(fd: number, data: string): Op<number>;
  /** Short-message read: the reply comes in message registers only (the first few physical, the
   * rest in the IPC buffer). EMSGSIZE if `bytes` exceeds one message. */
  readreg(fd: number, bytes: number): Op<ReadResult>;
  /** Short-message write through message registers only; EMSGSIZE if it exceeds one message. */
  writereg(fd: number, data: string): Op<number>;
  /** Long-message read through the file's shared buffer; only the header is in registers. */
  readbuf(fd: number, bytes: number): Op<ReadResult>;
  /** Long-message write through the file's shared buffer; only the header is in registers. */
  writebuf(fd: number, data: string): Op<number>;
  /** Seek: a zero-length read at `offset` (the server sees it). Returns the new offset. */
  seek(fd: number, offset: number): Op<number>;
  /** Clunk the file at its server, then delete the cap (CNode_Delete). */
  close(fd: number): Op<number>;
  /** Stat through the process server. */
  stat(path: string): Op<FileStat | { error: string }>;
  /** List a directory; a union directory lists every member, first occurrences first. */
  readdir(path: string): Op<string[] | { error: string }>;
  /** Create an empty file. In a union it goes to the first member bound with `create`. */
  create(path: string): Op<number>;
  remove(path: string): Op<number>;
  /**
   * Plan 9 bind: make `old` show `name` ('replace'), or add `name` before or after what `old`
   * shows (a union directory). `name` is resolved now, not at use. `create` marks the member
   * that receives files created in the union.
   */
  bind(name: string, old: string, flag?: BindFlag, create?: boolean): Op<number>;
  /** Plan 9 mount: bind the tree a port serves (/srv/<port>) at `old`. */
  mount(port: string, old: string, flag?: BindFlag, create?: boolean): Op<number>;
  /** Undo a bind or mount at `old`: only `name`, or everything when `name` is null. */
  unmount(name: string | null, old: string): Op<number>;
  /**
   * Start a child declared with `parent: <this process>`: it gets a copy of this process's
   * namespace now (rfork with RFNAMEG), or shares it when declared with `shareNamespace`.
   */
  spawn(child: string): Op<number>;
  /**
   * Serve files on the port this process declares with `serves`: answer the process server's
   * lookups and clients' reads and writes forever (one ReplyRecv per request). The port appears
   * as /srv/<port>. If a handler throws, the server is gone: its clients get EPIPE.
   */
  serve(handlers: FileServer): Op<void>;
  /** The message of the last failed file operation (Plan 9 errstr). */
  errstr(): string;
  /** What the simulator measured of this thread's last file operation (a real process could not
   * see this: it is the lab's instrument). */
  lastFileOp(): FileOpInfo | null;
}

/** A handler's result: a value, an error ('ENOENT' or 'EACCES: why'), or an Op doing IPC. */
export type FileResult<T> = T | { error: string } | Op<T | { error: string }>;

/**
 * What a file server implements (see `sys.serve`). Each handler runs between two kernel entries;
 * one that needs IPC of its own (a filter reading another file) returns an Op (a generator).
 * Paths are the server's own ('/hello' for /srv/ramfs/hello).
 */
export interface FileServer {
  /** Up to `bytes` bytes at `offset`. */
  read?(path: string, offset: number, bytes: number, client: string): FileResult<string>;
  /** Returns the bytes written. */
  write?(path: string, offset: number, data: string, client: string): FileResult<number>;
  /** null: no such file. Without stat, '/' is a directory and every other path a file. */
  stat?(path: string): { type: 'file' | 'dir'; size: number; readOnly?: boolean } | null;
  readdir?(path: string): string[] | null;
  create?(path: string): boolean | { error: string };
  remove?(path: string): boolean | { error: string };
  /** Called when a client opens a file (after stat said it exists); may refuse it. */
  open?(path: string, mode: OpenMode, client: string): true | { error: string };
  /** Called when a client closes a file. */
  clunk?(path: string, client: string): void;
  /**
   * Message-special files: each read returns one message as it was written, and a reader whose
   * buffer is too small gets the first part with ETRUNCATED (UX/RT).
   */
  messages?: boolean;
  /**
   * How the handlers take their data, as a readreg/writereg ('reg') or readbuf/writebuf ('buf')
   * server would; when a client used the other form the library copies it (copyPerByte per byte
   * plus the buffer's line migrations). 'unix' (default): whatever arrived.
   */
  api?: 'unix' | 'reg' | 'buf';
  /** Cycles of user work per request (default 0). */
  work?: number;
}

/** Where the process server runs (`k.uxrt()`). */
export interface UxrtOptions {
  /** Core of the process server (default 0). */
  core?: number;
  /** Its priority (default 250, above ordinary processes). */
  priority?: number;
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
  /**
   * MCS: refills beyond the two every SC has (SchedControl_Configure extra_refills, default 0):
   * how many separate pieces of budget a sporadic SC can keep track of.
   */
  extraRefills?: number;
  /** MCS: badge its timeout faults carry (the SC's badge, default 0). */
  scBadge?: number;
  /**
   * MCS: slot name of an endpoint cap that receives this thread's timeout faults: when the SC it
   * runs on (its own or a donated one, not round robin) runs out of budget, the thread sends a
   * timeout fault there instead of waiting for the refill (handleTimeout).
   */
  timeoutHandler?: string;
  /** Maximum controlled priority: the highest priority it may give any thread (default: its priority). */
  mcp?: number;
  /** Slot name -> cap. */
  caps?: Record<string, CapSpec>;
  /** Slot name of a fault endpoint cap. */
  faultHandler?: string;
  /** Slot name of a notification cap to bind to the thread. */
  boundNotification?: string;
  /** Slot name where a cap transferred by IPC lands (the receive slot). */
  receiveSlot?: string;
  /**
   * UX/RT: the port this process serves with `sys.serve()`. Setup makes its endpoint; its files
   * appear as /srv/<port>. Turns the file layer on.
   */
  serves?: string;
  /**
   * UX/RT: the process that forks this one. It starts suspended until the parent calls
   * `sys.spawn(name)`, with a copy of the parent's namespace at that moment. Turns the file
   * layer on.
   */
  parent?: string;
  /** UX/RT, with `parent`: share the parent's namespace (rfork without RFNAMEG) instead. */
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
  /**
   * A notification. MCS: `sc` binds a scheduling context to it (SchedContext_Bind): a passive
   * thread woken by a signal on it runs on that SC, and gives it back when it waits again.
   */
  notification(
    name: string,
    opts?: { core?: number; sc?: { budget?: number; period?: number; extraRefills?: number } },
  ): ObjectHandle;
  /**
   * A number in [0, 1) from the run's seeded generator: the same seed gives the same numbers,
   * another seed other ones.
   */
  random(): number;
  process(name: string, program: Program, opts?: ProcessOptions): ObjectHandle;
  /** A user-level shared memory region (for sys.touch and long messages). */
  sharedRegion(name: string, bytes: number): { readonly name: string };
  /**
   * Turn the UX/RT file layer on and place its process server (VFS): a thread named 'vfs' that
   * holds the namespaces, answers open/stat/readdir/bind..., takes every process's faults, and
   * serves /proc. A multikernel gets one more, 'vfs.<image>', in each image with processes.
   */
  uxrt(opts?: UxrtOptions): ObjectHandle;
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
  /**
   * Override any number of the platform profile. `noise: { lineJitter, irqJitter }` (cycles,
   * default off) adds up to that many cycles to each cross-core cache-line transfer and to each
   * IPI's and release interrupt's arrival, drawn from the seed: a sweep over seeds then shows a
   * distribution, and one seed repeats exactly. Same-core costs never change.
   */
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

// Built-in file servers, written with this API (src/sim/uxrt/servers). Give each to a process
// that declares the port it serves: k.process('ramfs', ramfs({ '/hello': 'hi' }), { serves: 'ramfs' }).

/** A RAM file system: files and directories in memory; `files` maps paths to contents. */
export declare function ramfs(files?: Record<string, string>, opts?: { work?: number }): Program;
/** The console: writes to /cons appear in the console panel; reads return nothing (EOF). */
export declare function consoleServer(): Program;
/** Message pipes: /data (and any file created) keeps each write as one message, in order. */
export declare function pipeServer(): Program;
/** /null swallows writes and reads as empty; /zero reads as NUL bytes. */
export declare function nullServer(): Program;
/** Serves the files under `source` (a path in its own namespace) upper-cased. */
export declare function upperFilter(source: string): Program;
