// Typed writers, one per event type, generated from EVENTS like the codecs: the engine's hot
// paths call `out.coreModeChanged(core, { mode })` instead of `emit(core, { type, ... })`. Each
// writer is its own function, so its call site is monomorphic: no lookup of the codec by name,
// no megamorphic encoder call, and the body literal can be inlined away. The record written is
// the one `append` writes for the same event; listeners, when there are any, get it decoded.
import { ABSENT, NULL, codecOf, encodeField, putNumber, roomTerms } from './codec';
import { INDEX_EVERY, LEN_SHIFT, MAX_INLINE_LEN, type EventLog } from './eventLog';
import {
  EVENT_TYPES,
  fieldsOf,
  type FieldKind,
  type Named,
  type SimEventType,
  type WriterBodyOf,
} from './schema';

export type Writer<T extends SimEventType> = (core: number, body: WriterBodyOf<T>) => number;
export type Writers = { readonly [T in SimEventType]: Writer<T> };

/** A generated writer: a method of the run's writers object (`this`). */
type WriterMethod = (this: RunWriters, core: number, e: unknown) => number;

/**
 * A name given as a Named object whose id is cached on it, or as a string. The writers stay
 * small enough for V8 to inline into their call sites (and then to drop the body literal): the
 * rare paths (a first write, a plain string) are calls to the run's helpers.
 */
const idOf = (v: string): string =>
  `(typeof ${v} !== 'string' && ${v}.logId >= 0 ? ${v}.logId : this.nameId(${v}))`;

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
    const hit = `v === S[${a}] ? I[${a}] : v === S[${a + 1}] ? I[${a + 1}] : this.miss(v, ${a})`;
    const none =
      k === 'str|null'
        ? `v === null ? ${NULL} : `
        : k === 'str?'
          ? `v === undefined ? ${ABSENT} : `
          : '';
    return `{ const v = ${v}; w[u++] = ${none}${hit}; }`;
  }
  return encodeField(n, k, i);
}

function isNamed(k: FieldKind): boolean {
  return (
    k === 'thread' ||
    k === 'object' ||
    k === 'line' ||
    k === 'thread|null' ||
    k === 'object|null' ||
    k === 'threads'
  );
}

function isStringField(k: FieldKind): boolean {
  return k === 'str' || k === 'str|null' || k === 'str?';
}

/** String fields get cache slots numbered across all types. */
let slots = 0;

/** An enum field: the value's index in its list, by comparisons rather than indexOf. */
function enumIndex(v: string, values: readonly string[]): string {
  return `(${values.map((x, i) => `${v} === ${JSON.stringify(x)} ? ${i} : `).join('')}-1)`;
}

function methodOf(type: SimEventType): WriterMethod {
  const fields = fieldsOf(type);
  const enums = fields.map(([, k]) => (Array.isArray(k) ? k : null));
  const code = codecOf(type)!.code;
  // The record as EventLog.open/close write it (eventLog.ts), in line: a header word (code,
  // core, length), the time step, the fields; the log's index gets every INDEX_EVERY-th record.
  const body = [
    'const L = this.log;',
    ...(fields.some(([, k]) => isStringField(k))
      ? ['const S = this.strings;', 'const I = this.ids;']
      : []),
    ...(fields.some(
      ([, k]) =>
        !isStringField(k) &&
        !isNamed(k) &&
        !Array.isArray(k) &&
        k !== 'int' &&
        k !== 'core' &&
        k !== 'bool',
    )
      ? ['const intern = L.internFn;']
      : []),
    'const t = this.clock.now;',
    `const R = 5${roomTerms(type).join('')};`,
    'let c = L.cur;',
    'if (c.used + R > c.words.length) c = L.chunkFor(R);',
    'const w = c.words;',
    'const u0 = c.used;',
    'const seq = L.length;',
    `if ((seq & ${INDEX_EVERY - 1}) === 0) L.mark(seq, u0);`,
    'let u = put(w, u0 + 1, t - L.lastTime);',
    ...fields.map(([n, k], i) => {
      const values = enums[i];
      if (values) return `w[u++] = ${enumIndex(`e.${n}`, values)};`;
      return writeField(n, k, i, isStringField(k) ? slots++ : -1);
    }),
    'let len = u - u0;',
    // Only a record with arrays can outgrow the header's length field.
    ...(codecOf(type)!.fixedRoom >= 0
      ? []
      : [`if (len >= ${MAX_INLINE_LEN}) { u = L.longRecord(w, u0, u); len = ${MAX_INLINE_LEN}; }`]),
    `w[u0] = ${code} | (core << 8) | (len << ${LEN_SHIFT});`,
    'c.used = u;',
    'L.lastAt = u0;',
    'L.lastTime = t;',
    'L.length = seq + 1;',
    'if (this.listeners.length !== 0) this.notify();',
    'return seq;',
  ];
  /* eslint-disable @typescript-eslint/no-implied-eval -- generated from the static schema */
  const factory = new Function('put', `return function ${type}(core, e) {\n${body.join('\n')}\n};`);
  /* eslint-enable @typescript-eslint/no-implied-eval */
  return (factory as (...a: unknown[]) => WriterMethod)(putNumber);
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

  /** The id of a name not yet written (cached on its Named object), or given as a string. */
  nameId(v: string | Named): number {
    if (typeof v === 'string') return this.log.intern(v);
    return (v.logId = this.log.intern(v.name));
  }

  /** A string field's cache missed: intern `v`, keep it and the last one in slots a, a + 1. */
  miss(v: string, a: number): number {
    const id = this.log.intern(v);
    const S = this.strings;
    const I = this.ids;
    S[a + 1] = S[a]!;
    I[a + 1] = I[a]!;
    S[a] = v;
    I[a] = id;
    return id;
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
