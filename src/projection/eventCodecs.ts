// Encoder and decoder functions per event type, generated once from the layouts in
// eventSchema.ts. A generic loop over field names costs ~1 µs an event (megamorphic property
// access, objects built key by key); the generated code reads and builds each type's fields
// directly and makes objects of one shape per type, about ten times faster. The generated
// source comes only from the static layouts, never from scenario input.
import type { SimEvent } from '../sim/simEvents';
import { LAYOUTS, type Layout } from './eventSchema';

export type Intern = (s: string) => number;
export type Encoder = (e: SimEvent, d: Float64Array, u: number, intern: Intern) => number;
export type Decoder = (d: Float64Array, off: number, seq: number, strings: string[]) => SimEvent;

export interface Codec {
  code: number;
  layout: Layout;
  /** Float64 slots the event needs (header included). */
  room: (e: SimEvent) => number;
  encode: Encoder;
  decode: Decoder;
}

const IDENT = /^[A-Za-z_]\w*$/;

function encoderSource(layout: Layout): string {
  const lines = layout.map(([n, kind]) => {
    const v = `e.${n}`;
    switch (kind) {
      case 'n':
        return `d[u++] = ${v};`;
      case 's':
        return `d[u++] = intern(${v});`;
      case 'os':
      case 'ns':
        return `{ const v = ${v}; d[u++] = v === null || v === undefined ? -1 : intern(v); }`;
      case 'na':
        return `{ const a = ${v}; d[u++] = a.length; for (let k = 0; k < a.length; k++) d[u++] = a[k]; }`;
      case 'sa':
        return `{ const a = ${v}; d[u++] = a.length; for (let k = 0; k < a.length; k++) d[u++] = intern(a[k]); }`;
      case 'j':
        return `d[u++] = intern(JSON.stringify(${v}) ?? 'null');`;
    }
  });
  return `${lines.join('\n')}\nreturn u;`;
}

function roomSource(layout: Layout): string {
  const arrays = layout
    .filter(([, k]) => k === 'na' || k === 'sa')
    .map(([n]) => ` + e.${n}.length`);
  return `return ${3 + layout.length}${arrays.join('')};`;
}

function decoderSource(type: string, layout: Layout): string {
  const lines = ['let u = off + 3;'];
  const fields: string[] = [];
  const optional: string[] = [];
  layout.forEach(([n, kind], i) => {
    const v = `v${i}`;
    switch (kind) {
      case 'n':
        lines.push(`const ${v} = d[u++];`);
        break;
      case 's':
        lines.push(`const ${v} = S[d[u++]];`);
        break;
      case 'os':
        lines.push(`const ${v} = d[u++];`);
        optional.push(`if (${v} >= 0) e.${n} = S[${v}];`);
        return;
      case 'ns':
        lines.push(`const ${v} = d[u] >= 0 ? S[d[u]] : null; u++;`);
        break;
      case 'na':
        lines.push(
          `const n${i} = d[u++]; const ${v} = Array.from(d.subarray(u, u + n${i})); u += n${i};`,
        );
        break;
      case 'sa':
        lines.push(
          `const n${i} = d[u++]; const ${v} = new Array(n${i}); for (let k = 0; k < n${i}; k++) ${v}[k] = S[d[u + k]]; u += n${i};`,
        );
        break;
      case 'j':
        lines.push(`const ${v} = JSON.parse(S[d[u++]]);`);
        break;
    }
    fields.push(`${n}: ${v}`);
  });
  const head = `type: ${JSON.stringify(type)}, seq, t: d[off + 1], core: d[off + 2]`;
  lines.push(`const e = { ${[head, ...fields].join(', ')} };`, ...optional, 'return e;');
  return lines.join('\n');
}

function build(type: string, layout: Layout, code: number): Codec {
  for (const [n] of layout) if (!IDENT.test(n)) throw new Error(`bad field name '${n}' in ${type}`);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- generated from static layouts
  const encode = new Function('e', 'd', 'u', 'intern', encoderSource(layout)) as Encoder;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- generated from static layouts
  const room = new Function('e', roomSource(layout)) as (e: SimEvent) => number;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- generated from static layouts
  const decode = new Function('d', 'off', 'seq', 'S', decoderSource(type, layout)) as Decoder;
  return { code, layout, room, encode, decode };
}

/** Codecs by event type; type code = index in LAYOUTS + 1 (0 is reserved for JSON). */
export const CODECS: ReadonlyMap<string, Codec> = new Map(
  LAYOUTS.map(([type, layout], i) => [type, build(type, layout, i + 1)]),
);

/** Decoders by type code. */
export const DECODERS: readonly (Decoder | undefined)[] = [
  undefined,
  ...LAYOUTS.map(([type]) => CODECS.get(type)!.decode),
];
