// Geometry of the timeline: rows (a time axis, a track per core, a track per thread), the time
// to x mapping of the current view, and hit-testing a click back to a span or a message. Pure.
import { firstAtOrAfter, OFF, spanAt, type TimelineModel } from '../../../projection/timeline';

export const GUTTER = 112;
export const AXIS = 20;
export const HEADER = 16;
export const CORE_ROW = 16;
export const THREAD_ROW = 13;

export interface View {
  t0: number;
  t1: number;
  /** Vertical scroll of the track area, in pixels. */
  scrollY: number;
}

export interface Row {
  kind: 'core' | 'thread';
  index: number;
  y: number;
  h: number;
  label: string;
}

export interface Rows {
  rows: Row[];
  coreHeader: number;
  threadHeader: number;
  height: number;
}

export function layoutRows(tl: TimelineModel): Rows {
  const rows: Row[] = [];
  let y = 0;
  const coreHeader = y;
  y += HEADER;
  tl.cores.forEach((_, i) => {
    rows.push({ kind: 'core', index: i, y, h: CORE_ROW, label: `core ${i}` });
    y += CORE_ROW;
  });
  const threadHeader = y;
  y += HEADER;
  tl.threadNames.forEach((name, i) => {
    rows.push({ kind: 'thread', index: i, y, h: THREAD_ROW, label: name });
    y += THREAD_ROW;
  });
  return { rows, coreHeader, threadHeader, height: y };
}

/** Round steps the fitted view's right edge takes while a run grows (per power of ten). */
const FIT_STEPS = [1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/**
 * The right edge of the fitted view of a run that ends at `end`: a little past the end, and
 * while running rounded up to the next of FIT_STEPS, so it moves a few times per tenfold growth
 * rather than every frame.
 */
export function fittedEnd(end: number, running: boolean): number {
  const t = end * 1.02;
  if (!running || t <= 0) return t;
  const unit = 10 ** Math.floor(Math.log10(t));
  const step = FIT_STEPS.find((s) => s * unit >= t) ?? 10;
  return step * unit;
}

export function xOf(view: View, width: number, t: number): number {
  return GUTTER + ((t - view.t0) / Math.max(1e-9, view.t1 - view.t0)) * (width - GUTTER);
}

export function tOf(view: View, width: number, x: number): number {
  return view.t0 + ((x - GUTTER) / Math.max(1, width - GUTTER)) * (view.t1 - view.t0);
}

/** Zoom by `factor` around time `at` (factor < 1 zooms in). */
export function zoom(view: View, at: number, factor: number, minSpan = 20): View {
  const span = Math.max(minSpan, (view.t1 - view.t0) * factor);
  const k = (at - view.t0) / Math.max(1e-9, view.t1 - view.t0);
  return { ...view, t0: at - k * span, t1: at - k * span + span };
}

export function rowAt(rows: Rows, view: View, y: number): Row | null {
  const ty = y - AXIS + view.scrollY;
  return rows.rows.find((r) => ty >= r.y && ty < r.y + r.h) ?? null;
}

/** What the pointer is over: a message arrow, or a span of a core's or a thread's track. */
export type Pick =
  | { kind: 'message'; i: number; index: number }
  | { kind: 'span'; row: Row; k: number; index: number };

/**
 * What is at (x, y): a message arrow within 3 px, else the span under the pointer (with the
 * event that began it). Null when nothing is there.
 */
export function pickAt(
  tl: TimelineModel,
  rows: Rows,
  view: View,
  width: number,
  x: number,
  y: number,
): Pick | null {
  if (x < GUTTER) return null;
  const t = tOf(view, width, x);
  const tol = (3 * (view.t1 - view.t0)) / Math.max(1, width - GUTTER);
  const row = rowAt(rows, view, y);
  const m = tl.messages;
  const yOf = (thread: number) => rows.rows.find((r) => r.kind === 'thread' && r.index === thread);
  const ty = y - AXIS + view.scrollY;
  for (let i = firstAtOrAfter(m.t, t - tol); i < m.t.length && m.t[i]! <= t + tol; i++) {
    const a = yOf(m.from[i]!);
    const b = yOf(m.to[i]!);
    if (!a || !b) continue;
    if (ty >= Math.min(a.y, b.y) && ty <= Math.max(a.y, b.y) + b.h) {
      return { kind: 'message', i, index: m.index[i]! };
    }
  }
  if (row === null) return null;
  const spans = row.kind === 'core' ? tl.cores[row.index] : tl.threads[row.index];
  if (!spans) return null;
  const k = spanAt(spans, t);
  if (k < 0 || spans.mode[k] === OFF || t > tl.end) return null;
  return { kind: 'span', row, k, index: spans.index[k]! };
}

/** The event a click at (x, y) points at, or null. */
export function hitTest(
  tl: TimelineModel,
  rows: Rows,
  view: View,
  width: number,
  x: number,
  y: number,
): number | null {
  return pickAt(tl, rows, view, width, x, y)?.index ?? null;
}

/** The thread a pick is about: the track's thread, the core's thread then, a message's sender. */
export function pickThread(tl: TimelineModel, p: Pick): string | null {
  if (p.kind === 'message') return tl.threadNames[tl.messages.from[p.i]!] ?? null;
  if (p.row.kind === 'thread') return tl.threadNames[p.row.index] ?? null;
  const other = tl.cores[p.row.index]?.other[p.k] ?? -1;
  return other >= 0 ? (tl.threadNames[other] ?? null) : null;
}

/** The row of a thread's track, or null. */
export function threadRow(rows: Rows, tl: TimelineModel, name: string): Row | null {
  const i = tl.threadNames.indexOf(name);
  return rows.rows.find((r) => r.kind === 'thread' && r.index === i) ?? null;
}
