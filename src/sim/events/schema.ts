// The event vocabulary (DESIGN.md "Events"), declared once, as data: past-tense facts, the one
// thing the UI and the CLI see. Everything else is derived from EVENTS: the TypeScript types
// below, the binary record the engine writes (codec.ts, eventLog.ts), the traceHash (over that
// record), the JSON form of `--events` (object keys in the order declared here, then seq, t,
// core) and the checks that every consumer handles every type (their `never` switches).
//
// To add an event: add one entry to EVENTS (name -> fields in JSON order, each with its kind).
// `npx tsc -b` then lists every consumer that must say what the new event means (eventText.ts,
// the projection fold, the Chrome trace, ...). To add a field: add it to its event here and to
// the emit call site; the compiler finds the call sites. Type codes follow the order of EVENTS,
// so append new events at the end to keep old codes (codes are never stored across builds).
//
// Kinds: 'int' any number (integers in one word, anything else exactly in two more) · 'core' a
// core number · 'bool' · 'str' an interned string · 'thread' / 'object' / 'line' interned names ·
// '?' suffix: optional (the key is absent when undefined) · '|null' suffix: string or null ·
// 'ints' a word array · 'strs' / 'threads' a string array · a readonly string list: one of those
// values · json<T>(): any JSON value of type T (interned as its JSON text).
import type { FileOpInfo } from '../script/ipcscope';

export const THREAD_STATES = [
  'running',
  'restart',
  'inactive',
  'blockedOnSend',
  'blockedOnReceive',
  'blockedOnReply',
  'blockedOnNotification',
  'idle',
] as const;

/** What a core is doing: the modes the coreModeChanged event reports. */
export const CORE_MODES = ['idle', 'user', 'kernel', 'spinning', 'interrupt'] as const;

export interface JsonKind<T> {
  readonly json: true;
  /** Type carrier only; never read. */
  readonly of?: T;
}

/** A field holding any JSON value of type T. */
export function json<T>(): JsonKind<T> {
  return { json: true };
}

export type ScalarKind =
  | 'int'
  | 'core'
  | 'bool'
  | 'str'
  | 'str?'
  | 'str|null'
  | 'thread'
  | 'thread|null'
  | 'object'
  | 'object|null'
  | 'line'
  | 'ints'
  | 'strs'
  | 'threads';

export type FieldKind = ScalarKind | readonly string[] | JsonKind<unknown>;

export interface NamespaceBinding {
  path: string;
  targets: string[];
  flag: string;
  create: boolean[];
}

type FileOpFields = { readonly [F in keyof Required<FileOpInfo>]: FieldKind };

const FILE_OP = {
  op: 'str',
  path: 'str',
  bytes: 'int',
  kernelEntries: 'int',
  clientEntries: 'int',
  serverEntries: 'int',
  transport: 'str',
  hops: 'strs',
  cycles: 'int',
  copiedBytes: 'int',
  reason: 'str?',
  error: 'str?',
} as const satisfies FileOpFields;

export const EVENTS = {
  syscallEntered: { thread: 'thread', syscall: 'str', cap: 'str|null' },
  syscallExited: {
    thread: 'thread',
    syscall: 'str',
    path: ['fast', 'slow'],
    reason: 'str?',
    cycles: 'int',
    /** The interrupt this entry handled (ipi, timer, release), or null for a system call. */
    interrupt: 'str|null',
  },
  messageTransferred: {
    from: 'thread',
    to: 'thread',
    object: 'object',
    label: 'int',
    length: 'int',
    badge: 'int',
    caps: 'int',
    words: 'ints',
    kind: ['send', 'call', 'reply', 'fault'],
    /** Words the sender asked to send: more than `length` when cut at seL4_MsgMaxLength (120). */
    requested: 'int',
  },
  threadBlocked: { thread: 'thread', state: THREAD_STATES, object: 'object|null' },
  threadWoken: { thread: 'thread' },
  objectChanged: {
    object: 'object',
    kind: ['endpoint', 'notification'],
    state: 'str',
    /** Queued threads, head first. */
    queue: 'threads',
    /** Notification data word. */
    word: 'int',
  },
  /** The core runs `to` from now on; `idle` says whether `to` is the core's idle thread. */
  threadSwitched: { from: 'thread', to: 'thread', idle: 'bool' },
  threadMigrated: { thread: 'thread', from: 'core', to: 'core' },
  threadStopped: { thread: 'thread', reason: 'str' },
  cacheLineMigrated: { line: 'line', from: 'core', to: 'core', cycles: 'int' },
  ipiSent: { from: 'core', to: 'core', kind: ['reschedule', 'remoteCall', 'signal'] },
  interruptTaken: { kind: ['ipi', 'timer', 'release'] },
  lockAcquired: { image: 'int' },
  lockContended: { image: 'int', waitCycles: 'int' },
  lockReleased: { image: 'int' },
  faultRaised: { thread: 'thread', faultType: 'str', detail: 'str', handler: 'thread|null' },
  schedContextDonated: { sc: 'object', from: 'thread', to: 'thread' },
  schedContextReturned: { sc: 'object', from: 'thread', to: 'thread' },
  budgetExhausted: { thread: 'thread', sc: 'object', until: 'int' },
  notificationSignalled: { object: 'object', badge: 'int', word: 'int' },
  consoleWritten: { thread: 'thread', text: 'str' },
  fileOperation: { thread: 'thread', ...FILE_OP },
  namespaceChanged: {
    process: 'str',
    /** The process's mount table: each path and its union of global paths, in search order. */
    bindings: json<NamespaceBinding[]>(),
  },
  portRegistered: { port: 'str', server: 'thread' },
  /** The core's mode changed (the thread it runs is the last threadSwitched's `to`). */
  coreModeChanged: { mode: CORE_MODES },
  /** An MCS SC's refill list changed (sporadic.c): head first; `consumed` in all, in cycles. */
  schedContextRefilled: {
    sc: 'object',
    refills: json<{ time: number; amount: number }[]>(),
    consumed: 'int',
  },
} as const satisfies Record<string, Readonly<Record<string, FieldKind>>>;

// ---- Types derived from EVENTS ----

type ValueOf<K> = K extends 'int' | 'core'
  ? number
  : K extends 'bool'
    ? boolean
    : K extends 'str' | 'str?' | 'thread' | 'object' | 'line'
      ? string
      : K extends 'str|null' | 'thread|null' | 'object|null'
        ? string | null
        : K extends 'ints'
          ? number[]
          : K extends 'strs' | 'threads'
            ? string[]
            : K extends readonly (infer E)[]
              ? E
              : K extends JsonKind<infer T>
                ? T
                : never;

type Schema = typeof EVENTS;
type OptionalKeys<F> = { [K in keyof F]: F[K] extends 'str?' ? K : never }[keyof F];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type FieldsOf<F> = Simplify<
  { -readonly [K in Exclude<keyof F, OptionalKeys<F>>]: ValueOf<F[K]> } & {
    -readonly [K in OptionalKeys<F>]?: string;
  }
>;

export type SimEventType = keyof Schema;
export type BodyOf<T extends SimEventType> = Simplify<{ type: T } & FieldsOf<Schema[T]>>;
export type SimEventBody = { [T in SimEventType]: BodyOf<T> }[SimEventType];

export interface EventBase {
  /** Index in the log. */
  seq: number;
  /** Cycles. */
  t: number;
  core: number;
}

export type SimEvent = EventBase & SimEventBody;

/** An engine object a writer may name by its cached log id instead of its name string. */
export interface Named {
  readonly name: string;
  /** The id of `name` in the one log this object's run writes (-1 until first written). */
  logId: number;
}

type WriterValueOf<K> = K extends 'thread' | 'object' | 'line'
  ? string | Named
  : K extends 'thread|null' | 'object|null'
    ? string | Named | null
    : K extends 'threads'
      ? readonly (string | Named)[]
      : ValueOf<K>;

/** What a typed writer takes (events/writers.ts): the body's fields, names also as objects. */
export type WriterBodyOf<T extends SimEventType> = Simplify<
  {
    -readonly [K in Exclude<keyof Schema[T], OptionalKeys<Schema[T]>>]: WriterValueOf<Schema[T][K]>;
  } & { -readonly [K in OptionalKeys<Schema[T]>]?: string }
>;
export type EventOf<T extends SimEventType> = Extract<SimEvent, { type: T }>;
export type ThreadStateName = (typeof THREAD_STATES)[number];
export type CoreModeName = (typeof CORE_MODES)[number];
export type KernelPath = 'fast' | 'slow';

/** Event types in code order (code = index + 1; 0 is never a type). */
export const EVENT_TYPES = Object.keys(EVENTS) as SimEventType[];

/** A type's fields as [name, kind] in declared (JSON) order. */
export function fieldsOf(type: SimEventType): readonly (readonly [string, FieldKind])[] {
  return Object.entries(EVENTS[type]) as [string, FieldKind][];
}

/** An exhaustive switch's default branch: the compiler proves it unreachable. */
export function unhandled(e: never): never {
  throw new Error(`unhandled event ${JSON.stringify(e)}`);
}
