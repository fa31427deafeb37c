// Geometry of the timeline: rows (a time axis, a track per core, a track per thread), the time
// to x mapping of the current view, and hit-testing a click back to a span or a message. Pure.
import {
  firstAtOrAfter,
  MODES,
  OFF,
  spanAt,
  type TimelineModel,
} from '../../../projection/timeline';

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

/**
 * The event a click at (x, y) points at: a message arrow within 3 px, else the span under the
 * pointer (the event that began it). Null when nothing is there.
 */
export function hitTest(
  tl: TimelineModel,
  rows: Rows,
  view: View,
  width: number,
  x: number,
  y: number,
): number | null {
  if (x < GUTTER) return null;
  const t = tOf(view, width, x);
  const tol = (3 * (view.t1 - view.t0)) / Math.max(1, width - GUTTER);
  const row = rowAt(rows, view, y);
  const m = tl.messages;
  const yOf = (thread: number) => rows.rows.find((r) => r.kind === 'thread' && r.index === thread);
  for (let i = firstAtOrAfter(m.t, t - tol); i < m.t.length && m.t[i]! <= t + tol; i++) {
    const a = yOf(m.from[i]!);
    const b = yOf(m.to[i]!);
    if (!a || !b) continue;
    const ty = y - AXIS + view.scrollY;
    if (ty >= Math.min(a.y, b.y) && ty <= Math.max(a.y, b.y) + b.h) return m.index[i]!;
  }
  if (row === null) return null;
  const spans = row.kind === 'core' ? tl.cores[row.index] : tl.threads[row.index];
  if (!spans) return null;
  const k = spanAt(spans, t);
  return k < 0 ? null : spans.index[k]!;
}

/** One span as the timeline drew it: its time, its mode and where it went on the canvas. */
export interface DrawnSpan {
  t0: number;
  t1: number;
  mode: string;
  x0: number;
  x1: number;
}

let drawn: { tl: TimelineModel; rows: Rows; view: View; width: number } | null = null;

/** Remember what the last frame drew from (the test hooks read it back). */
export function recordDrawn(tl: TimelineModel, rows: Rows, view: View, width: number): void {
  drawn = { tl, rows, view, width };
}

/** Every row of the last frame with the spans it drew in view (off-core time left out). */
export function drawnSpans(): { kind: Row['kind']; label: string; spans: DrawnSpan[] }[] {
  if (drawn === null) return [];
  const { tl, rows, view, width } = drawn;
  return rows.rows.map((row) => {
    const s = row.kind === 'core' ? tl.cores[row.index] : tl.threads[row.index];
    const spans: DrawnSpan[] = [];
    const n = s?.start.length ?? 0;
    for (let k = 0; s !== undefined && k < n; k++) {
      const t0 = s.start[k]!;
      const t1 = k + 1 < n ? s.start[k + 1]! : tl.end;
      const mode = s.mode[k]!;
      if (mode === OFF || t1 < view.t0 || t0 > view.t1) continue;
      const x0 = xOf(view, width, t0);
      spans.push({ t0, t1, mode: MODES[mode] ?? 'unknown', x0, x1: xOf(view, width, t1) });
    }
    return { kind: row.kind, label: row.label, spans };
  });
}
