// User-level memory traffic (sys.touch): the cache lines of a shared region that a program reads
// or writes. Lines another core holds migrate, at the topology's cost (DESIGN.md "Machine").
import type { CoreContext } from './coreContext';
import { Line } from './machine/cacheLines';

/** The lines of one touched range of a region, as handles, and the copy's cycles. */
interface Span {
  lines: Line[];
  copy: number;
}

/** Bound on the ranges remembered per region (programs may name ever-new offsets). */
const MAX_SPANS = 4096;
/** Ranges are remembered by offset * KEY_BYTES + bytes, for byte counts below KEY_BYTES. */
const KEY_BYTES = 0x100000;

// Programs touch the same few ranges over and over: work out each once per run, and keep its
// lines as handles, so a touch costs no string building and no lookup by name.
const spansOf = new WeakMap<CoreContext, Map<string, Map<number, Span | null>>>();

export interface TouchRequest {
  region: string;
  offset: number;
  bytes: number;
  write: boolean;
}

/** The range's lines, or null for an offset or size that is not a whole number >= 0. */
/** A byte offset or count a touch can take: a whole number >= 0. */
const wholeBytes = (v: number): boolean => Number.isSafeInteger(v) && v >= 0;

function span(sim: CoreContext, region: string, offset: number, size: number): Span | null {
  if (!wholeBytes(offset) || !wholeBytes(size)) return null;
  const lineSize = sim.profile.lineSize;
  const bytes = Math.max(1, size);
  const first = Math.floor(offset / lineSize);
  const last = Math.floor((offset + bytes - 1) / lineSize);
  const lines: Line[] = [];
  for (let i = first; i <= last; i++) lines.push(new Line(`user.${region}.${i}`));
  return { lines, copy: Math.ceil(bytes * sim.profile.copyPerByte) };
}

function lookup(sim: CoreContext, r: TouchRequest): Span | null {
  let regions = spansOf.get(sim);
  if (regions === undefined)
    spansOf.set(sim, (regions = new Map<string, Map<number, Span | null>>()));
  let known = regions.get(r.region);
  if (known === undefined) regions.set(r.region, (known = new Map<number, Span | null>()));
  const key = r.offset * KEY_BYTES + r.bytes;
  const cacheable = r.bytes >= 0 && r.bytes < KEY_BYTES && Number.isSafeInteger(key);
  if (!cacheable) return span(sim, r.region, r.offset, r.bytes);
  let s = known.get(key);
  if (s === undefined) {
    if (known.size >= MAX_SPANS) known.clear();
    s = span(sim, r.region, r.offset, r.bytes);
    known.set(key, s);
  }
  return s;
}

/** What is wrong with a touch's range, for the program's error message. */
export function touchProblem(r: TouchRequest): string {
  const what = wholeBytes(r.offset) ? `bytes ${r.bytes}` : `offset ${r.offset}`;
  return `sys.touch('${r.region}'): ${what} is not a whole number of bytes >= 0`;
}

/**
 * Touch a range of a region from core c; returns the cycles its migrations and copy cost, or -1
 * for a range that is not whole bytes (touchProblem says why).
 */
export function userTouchLines(sim: CoreContext, c: number, r: TouchRequest): number {
  const s = lookup(sim, r);
  if (s === null) return -1;
  let cost = s.copy;
  for (const line of s.lines) cost += sim.touchLine(c, line, r.write);
  return cost;
}
