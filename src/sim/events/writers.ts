// Typed writers, one per event type, generated from EVENTS like the codecs: the engine's hot
// paths call `out.coreModeChanged(core, { mode })` instead of `emit(core, { type, ... })`. Each
// writer is its own function, so its call site is monomorphic: no lookup of the codec by name,
// no megamorphic encoder call, and the body literal can be inlined away. The record written is
// the one `append` writes for the same event; listeners, when there are any, get it decoded.
import { ABSENT, NULL, codecOf, encodeField, putNumber, roomTerms } from './codec';
import type { EventLog } from './eventLog';
import {
  EVENT_TYPES,
  fieldsOf,
  type FieldKind,
  type SimEventType,
  type WriterBodyOf,
} from './schema';

export type Writer<T extends SimEventType> = (core: number, body: WriterBodyOf<T>) => number;
export type Writers = { readonly [T in SimEventType]: Writer<T> };

/** A generated writer: a method of the run's writers object (`this`). */
type WriterMethod = (this: RunWriters, core: number, e: unknown) => number;

/** A name given as a string, or as a Named object whose id is cached on it. */
const idOf = (v: string): string =>
  `(typeof ${v} === 'string' ? intern(${v}) : ${v}.logId >= 0 ? ${v}.logId : (${v}.logId = intern(${v}.name)))`;

function writeField(n: string, k: FieldKind, i: number, slot: number): string {
  const v = `e.${n}`;
  if (k === 'thread' || k === 'object' || k === 'line')
    return `{ const v = ${v}; w[u++] = ${idOf('v')}; }`;
  if (k === 'thread|null' || k === 'object|null')
    return `{ const v = ${v}; w[u++] = v === null ? ${NULL} : ${idOf('v')}; }`;
  if (k === 'threads')
    return `{ const a = ${v}; w[u++] = a.length; for (let k = 0; k < a.length; k++) { const v = a[k]; w[u++] = ${idOf('v')}; } }`;
  if (isStringField(k)) {
    // A field sees few distinct strings (syscall names, states): the run keeps the last two
    // and their ids beside it (slots 2s and 2s+1), so most writes look nothing up.
    const a = 2 * slot;
    const b = a + 1;
    const miss = `{ id = intern(v); S[${b}] = S[${a}]; I[${b}] = I[${a}]; S[${a}] = v; I[${a}] = id; }`;
    const hit = `if (v === S[${a}]) id = I[${a}]; else if (v === S[${b}]) id = I[${b}]; else ${miss}`;
    const none =
      k === 'str|null'
        ? `v === null ? ${NULL} : `
        : k === 'str?'
          ? `v === undefined ? ${ABSENT} : `
          : '';
    return `{ const v = ${v}; let id = ${none}-3; if (id === -3) { ${hit} } w[u++] = id; }`;
  }
  return encodeField(n, k, i);
}

function isStringField(k: FieldKind): boolean {
  return k === 'str' || k === 'str|null' || k === 'str?';
}

/** String fields get cache slots numbered across all types. */
let slots = 0;

function methodOf(type: SimEventType): WriterMethod {
  const fields = fieldsOf(type);
  const enums = fields.map(([, k]) => (Array.isArray(k) ? k : null));
  const code = codecOf(type)!.code;
  const body = [
    'const L = this.log;',
    'const intern = L.internFn;',
    'const S = this.strings;',
    'const I = this.ids;',
    `let u = L.open(${code}, core, this.clock.now, 0${roomTerms(type).join('')});`,
    'const w = L.w;',
    ...fields.map(([n, k], i) => writeField(n, k, i, isStringField(k) ? slots++ : -1)),
    'const seq = L.close(u);',
    'if (this.listeners.length !== 0) this.notify();',
    'return seq;',
  ];
  /* eslint-disable @typescript-eslint/no-implied-eval -- generated from the static schema */
  const factory = new Function(
    'put',
    ...enums.map((_, i) => `V${i}`),
    `return function ${type}(core, e) {\n${body.join('\n')}\n};`,
  );
  /* eslint-enable @typescript-eslint/no-implied-eval */
  return (factory as (...a: unknown[]) => WriterMethod)(putNumber, ...enums);
}

/**
 * The writers of one run. The methods are generated once and shared by every run (on the
 * prototype), so a call site sees one function however many runs a process makes (a sweep, the
 * worker's replays) and stays monomorphic.
 */
class RunWriters {
  /** The string caches of every string field: the last two strings and their ids. */
  readonly strings: (string | null)[];
  readonly ids: Int32Array;

  constructor(
    readonly log: EventLog,
    readonly clock: { readonly now: number },
    readonly listeners: readonly unknown[],
    readonly notify: () => void,
  ) {
    this.strings = new Array<string | null>(2 * slots).fill(null);
    this.ids = new Int32Array(2 * slots);
  }
}

for (const type of EVENT_TYPES) {
  Object.defineProperty(RunWriters.prototype, type, { value: methodOf(type) });
}

/** The writers of one run: into `log`, at `clock.now`, calling `notify` when anyone listens. */
export function createWriters(
  log: EventLog,
  clock: { readonly now: number },
  listeners: readonly unknown[],
  notify: () => void,
): Writers {
  return new RunWriters(log, clock, listeners, notify) as unknown as Writers;
}
