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

type MakeWriter = (
  log: EventLog,
  clock: { readonly now: number },
  listeners: readonly unknown[],
  notify: () => void,
) => (core: number, e: unknown) => number;

/** A name given as a string, or as a Named object whose id is cached on it. */
const idOf = (v: string): string =>
  `(typeof ${v} === 'string' ? intern(${v}) : ${v}.logId >= 0 ? ${v}.logId : (${v}.logId = intern(${v}.name)))`;

function writeField(n: string, k: FieldKind, i: number): string {
  const v = `e.${n}`;
  if (k === 'thread' || k === 'object' || k === 'line')
    return `{ const v = ${v}; w[u++] = ${idOf('v')}; }`;
  if (k === 'thread|null' || k === 'object|null')
    return `{ const v = ${v}; w[u++] = v === null ? ${NULL} : ${idOf('v')}; }`;
  if (k === 'threads')
    return `{ const a = ${v}; w[u++] = a.length; for (let k = 0; k < a.length; k++) { const v = a[k]; w[u++] = ${idOf('v')}; } }`;
  if (k === 'str' || k === 'str|null' || k === 'str?') {
    // A field sees few distinct strings (syscall names, states): the last two and their ids
    // are kept beside it, so most writes look nothing up.
    const miss = `{ id = intern(v); a${i} = s${i}; b${i} = t${i}; s${i} = v; t${i} = id; }`;
    const hit = `if (v === s${i}) id = t${i}; else if (v === a${i}) id = b${i}; else ${miss}`;
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

/** The closure variables of the string fields' caches. */
function cacheVars(type: SimEventType): string {
  return fieldsOf(type)
    .map(([, k], i) =>
      k === 'str' || k === 'str|null' || k === 'str?'
        ? `let s${i} = null, t${i} = 0, a${i} = null, b${i} = 0;`
        : '',
    )
    .join('\n');
}

function makerOf(type: SimEventType): MakeWriter {
  const fields = fieldsOf(type);
  const enums = fields.map(([, k]) => (Array.isArray(k) ? k : null));
  const code = codecOf(type)!.code;
  const body = [
    `let u = L.open(${code}, core, clock.now, 0${roomTerms(type).join('')});`,
    'const w = L.w;',
    ...fields.map(([n, k], i) => writeField(n, k, i)),
    'const seq = L.close(u);',
    'if (listeners.length !== 0) notify();',
    'return seq;',
  ];
  /* eslint-disable @typescript-eslint/no-implied-eval -- generated from the static schema */
  const factory = new Function(
    'put',
    ...enums.map((_, i) => `V${i}`),
    `return function make(L, clock, listeners, notify) {
  const intern = L.internFn;
  ${cacheVars(type)}
  return function ${type}(core, e) {\n${body.join('\n')}\n};
};`,
  );
  /* eslint-enable @typescript-eslint/no-implied-eval */
  return (factory as (...a: unknown[]) => MakeWriter)(putNumber, ...enums);
}

const MAKERS = EVENT_TYPES.map((type) => [type, makerOf(type)] as const);

/** The writers of one run: into `log`, at `clock.now`, calling `notify` when anyone listens. */
export function createWriters(
  log: EventLog,
  clock: { readonly now: number },
  listeners: readonly unknown[],
  notify: () => void,
): Writers {
  const out: Record<string, unknown> = {};
  for (const [type, make] of MAKERS) out[type] = make(log, clock, listeners, notify);
  return Object.freeze(out) as unknown as Writers;
}
