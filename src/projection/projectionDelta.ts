// What changed between two projections, as plain data for the worker to post instead of the
// whole projection. Both come from the copy-on-write writer, so an object that is the same
// reference in both did not change: the diff compares references, and its size is what moved,
// not the size of the machine. The page applies it and gets the same structure sharing.
import type { Projection } from './types';

const RECORDS = ['threads', 'endpoints', 'notifications', 'lines', 'schedContexts'] as const;
const INDEXED = ['cores', 'locks'] as const;
const WHOLE = ['stats', 'namespaces', 'ports', 'fileOps', 'faults'] as const;

type RecordName = (typeof RECORDS)[number];
type IndexedName = (typeof INDEXED)[number];
type WholeName = (typeof WHOLE)[number];

export interface ProjectionDelta {
  index: number;
  t: number;
  /** Changed or new entries of keyed sections. */
  records: Partial<{ [K in RecordName]: Projection[K] }>;
  /** Changed elements of fixed-length sections, by position. */
  indexed: Partial<{ [K in IndexedName]: [number, Projection[K][number]][] }>;
  /** Small sections sent whole when they changed. */
  whole: Partial<Pick<Projection, WholeName>>;
}

export function diffProjection(prev: Projection, next: Projection): ProjectionDelta {
  const d: ProjectionDelta = { index: next.index, t: next.t, records: {}, indexed: {}, whole: {} };
  for (const k of RECORDS) {
    const a = prev[k] as Record<string, unknown>;
    const b = next[k] as Record<string, unknown>;
    if (a === b) continue;
    const changed: Record<string, unknown> = {};
    let any = false;
    for (const key in b) {
      if (a[key] !== b[key]) {
        changed[key] = b[key];
        any = true;
      }
    }
    if (any) (d.records as Record<string, unknown>)[k] = changed;
  }
  for (const k of INDEXED) {
    const a = prev[k] as unknown[];
    const b = next[k] as unknown[];
    if (a === b) continue;
    const changed: [number, unknown][] = [];
    b.forEach((v, i) => {
      if (a[i] !== v) changed.push([i, v]);
    });
    if (changed.length > 0) (d.indexed as Record<string, unknown>)[k] = changed;
  }
  for (const k of WHOLE) {
    if (prev[k] !== next[k]) (d.whole as Record<string, unknown>)[k] = next[k];
  }
  return d;
}

/** The projection `prev` becomes with `d`; unchanged parts stay the same objects. */
export function applyDelta(prev: Projection, d: ProjectionDelta): Projection {
  const next: Projection = { ...prev, index: d.index, t: d.t, ...d.whole };
  for (const k of RECORDS) {
    const changed = d.records[k];
    if (changed !== undefined)
      (next as unknown as Record<string, unknown>)[k] = { ...prev[k], ...changed };
  }
  for (const k of INDEXED) {
    const changed = d.indexed[k] as [number, unknown][] | undefined;
    if (changed === undefined) continue;
    const arr = (prev[k] as unknown[]).slice();
    for (const [i, v] of changed) arr[i] = v;
    (next as unknown as Record<string, unknown>)[k] = arr;
  }
  return next;
}

/** True when the delta changes nothing but the position. */
export function isEmptyDelta(d: ProjectionDelta): boolean {
  return (
    Object.keys(d.records).length === 0 &&
    Object.keys(d.indexed).length === 0 &&
    Object.keys(d.whole).length === 0
  );
}
