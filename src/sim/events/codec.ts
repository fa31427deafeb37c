// The binary record of each event type, generated once from EVENTS (schema.ts). A record is
// Int32 words: a header (type code | core << 8 | length << 20), the time since the previous
// record, then the fields in declared order. A generic loop over field names costs ~1 µs an
// event (megamorphic property access, objects built key by key); generated code reads and
// builds each type's fields directly and makes objects of one shape per type, about ten times
// faster. The generated source comes only from the static schema, never from scenario input.
import { EVENT_TYPES, fieldsOf, type FieldKind, type SimEvent, type SimEventType } from './schema';

export type Intern = (s: string) => number;
/** Writes the fields of `e` at w[u...]; returns the next free word. */
export type Encoder = (e: SimEvent, w: Int32Array, u: number, intern: Intern) => number;
/** Builds the event whose fields start at w[u]. */
export type Decoder = (
  w: Int32Array,
  u: number,
  seq: number,
  t: number,
  core: number,
  S: string[],
) => SimEvent;

export interface Codec {
  type: SimEventType;
  code: number;
  /** Words the fields may need at most. */
  room: (e: SimEvent) => number;
  /** The same when it does not depend on the event (no array fields), else -1. */
  fixedRoom: number;
  encode: Encoder;
  decode: Decoder;
}

/** A number that is not an int32 (or is this value) is stored as this word + two float64 words. */
export const WIDE = -2147483648;
/** Optional string absent; string field null. */
export const ABSENT = -2;
export const NULL = -1;

const IDENT = /^[A-Za-z_]\w*$/;

const F64 = new Float64Array(1);
const I32 = new Int32Array(F64.buffer);

/** Write a number at w[u]; returns the next free word. */
export function putNumber(w: Int32Array, u: number, v: number): number {
  if ((v | 0) === v && v !== WIDE) {
    w[u] = v;
    return u + 1;
  }
  w[u] = WIDE;
  F64[0] = v;
  w[u + 1] = I32[0]!;
  w[u + 2] = I32[1]!;
  return u + 3;
}

/** The number at w[u] (one word, or three when wide). */
export function getNumber(w: Int32Array, u: number): number {
  const v = w[u]!;
  if (v !== WIDE) return v;
  I32[0] = w[u + 1]!;
  I32[1] = w[u + 2]!;
  return F64[0]!;
}

function isNumberKind(k: FieldKind): boolean {
  return k === 'int' || k === 'core';
}

function isStringKind(k: FieldKind): boolean {
  return k === 'str' || k === 'thread' || k === 'object' || k === 'line';
}

function isNullableKind(k: FieldKind): boolean {
  return k === 'str|null' || k === 'thread|null' || k === 'object|null';
}

export function encodeField(n: string, k: FieldKind, i: number): string {
  const v = `e.${n}`;
  if (isNumberKind(k)) return `u = put(w, u, ${v});`;
  if (k === 'bool') return `w[u++] = ${v} ? 1 : 0;`;
  if (isStringKind(k)) return `w[u++] = intern(${v});`;
  if (k === 'str?') return `{ const v = ${v}; w[u++] = v === undefined ? ${ABSENT} : intern(v); }`;
  if (isNullableKind(k)) return `{ const v = ${v}; w[u++] = v === null ? ${NULL} : intern(v); }`;
  if (k === 'ints')
    return `{ const a = ${v}; w[u++] = a.length; for (let k = 0; k < a.length; k++) u = put(w, u, a[k]); }`;
  if (k === 'strs' || k === 'threads')
    return `{ const a = ${v}; w[u++] = a.length; for (let k = 0; k < a.length; k++) w[u++] = intern(a[k]); }`;
  if (Array.isArray(k)) return `w[u++] = V${i}.indexOf(${v});`;
  return `w[u++] = intern(JSON.stringify(${v}) ?? 'null');`;
}

function decodeField(k: FieldKind, i: number): string {
  const v = `v${i}`;
  if (isNumberKind(k))
    return `let ${v} = w[u++]; if (${v} === ${WIDE}) { ${v} = get(w, u - 1); u += 2; }`;
  if (k === 'bool') return `const ${v} = w[u++] === 1;`;
  if (isStringKind(k)) return `const ${v} = S[w[u++]];`;
  if (k === 'str?') return `const ${v} = w[u++];`;
  if (isNullableKind(k)) return `const ${v} = w[u] >= 0 ? S[w[u]] : null; u++;`;
  if (k === 'ints')
    return `const n${i} = w[u++]; const ${v} = new Array(n${i}); for (let k = 0; k < n${i}; k++) { let x = w[u++]; if (x === ${WIDE}) { x = get(w, u - 1); u += 2; } ${v}[k] = x; }`;
  if (k === 'strs' || k === 'threads')
    return `const n${i} = w[u++]; const ${v} = new Array(n${i}); for (let k = 0; k < n${i}; k++) ${v}[k] = S[w[u++]];`;
  if (Array.isArray(k)) return `const ${v} = V${i}[w[u++]];`;
  return `const ${v} = JSON.parse(S[w[u++]]);`;
}

/** The words each field of `type` may need at most, as terms of a sum over the event `e`. */
export function roomTerms(type: SimEventType): string[] {
  return fieldsOf(type).map(([n, k]) =>
    k === 'ints'
      ? ` + 1 + 3 * e.${n}.length`
      : k === 'strs' || k === 'threads'
        ? ` + 1 + e.${n}.length`
        : isNumberKind(k)
          ? ' + 3'
          : ' + 1',
  );
}

function build(type: SimEventType, code: number): Codec {
  const fields = fieldsOf(type);
  for (const [n] of fields) if (!IDENT.test(n)) throw new Error(`bad field name '${n}' in ${type}`);
  const enums = fields.map(([, k]) => (Array.isArray(k) ? k : null));
  const enc = fields.map(([n, k], i) => encodeField(n, k, i));
  const room = roomTerms(type);
  const variable = fields.some(([, k]) => k === 'ints' || k === 'strs' || k === 'threads');
  const dec = fields.map(([, k], i) => decodeField(k, i));
  // Optional strings go in after the fields before them, so keys keep the declared order.
  const build: string[] = [`const e = { type: ${JSON.stringify(type)}`];
  let open = true;
  fields.forEach(([n, k], i) => {
    if (k === 'str?') {
      if (open) build.push(' };');
      build.push(` if (v${i} !== ${ABSENT}) e.${n} = S[v${i}];`);
      open = false;
    } else if (open) build.push(`, ${n}: v${i}`);
    else build.push(` e.${n} = v${i};`);
  });
  if (open) build.push(', seq, t, core };');
  else build.push(' e.seq = seq; e.t = t; e.core = core;');
  const names = enums.map((_, i) => `V${i}`);
  /* eslint-disable @typescript-eslint/no-implied-eval -- generated from the static schema */
  const makeEncode = new Function(
    'put',
    ...names,
    `return function encode(e, w, u, intern) {\n${enc.join('\n')}\nreturn u;\n};`,
  );
  const makeDecode = new Function(
    'get',
    ...names,
    `return function decode(w, u, seq, t, core, S) {\n${dec.join('\n')}\n${build.join('')}\nreturn e;\n};`,
  );
  const roomFn = new Function('e', `return 0${room.join('')};`) as (e: SimEvent) => number;
  /* eslint-enable @typescript-eslint/no-implied-eval */
  return {
    type,
    code,
    room: roomFn,
    fixedRoom: variable ? -1 : roomFn({} as SimEvent),
    encode: (makeEncode as (...a: unknown[]) => Encoder)(putNumber, ...enums),
    decode: (makeDecode as (...a: unknown[]) => Decoder)(getNumber, ...enums),
  };
}

/** Codecs by type code (code = index in EVENTS + 1; 0 is no type). */
export const CODECS: readonly Codec[] = EVENT_TYPES.map((type, i) => build(type, i + 1));

// The engine looks one up per event, by a type name that varies from call to call: a Map's
// lookup is about twice as fast as a keyed load from an object with that many keys, and it has
// no inherited names to guard against.
const BY_TYPE = new Map<string, Codec>(CODECS.map((c) => [c.type, c]));

/** The codec of an event type, or undefined for a name that is not one. */
export function codecOf(type: string): Codec | undefined {
  return BY_TYPE.get(type);
}
