// What the timeline's last frame drew, kept for the test hooks: the spans in view per row, and
// the rectangles each row's pixel columns became (so a test can check the mix a column shows).
import { MODES, OFF, type TimelineModel } from '../../../projection/timeline';
import { AXIS, xOf, type Row, type Rows, type View } from './timelineLayout';

/** One span as the timeline drew it: its time, its mode and where it went on the canvas. */
export interface DrawnSpan {
  t0: number;
  t1: number;
  mode: string;
  x0: number;
  x1: number;
}

/** A rectangle of one mode that one row's columns drew (x, width in px; share of the row). */
export interface DrawnRect {
  mode: string;
  x: number;
  w: number;
  /** Height as a share of the row's height: 1 for a column all in this mode. */
  share: number;
}

let drawn: {
  tl: TimelineModel;
  rows: Rows;
  view: View;
  width: number;
  rects: Map<Row, DrawnRect[]>;
} | null = null;

/** Remember what the last frame drew from (the test hooks read it back). */
export function recordDrawn(
  tl: TimelineModel,
  rows: Rows,
  view: View,
  width: number,
  rects: Map<Row, DrawnRect[]>,
): void {
  drawn = { tl, rows, view, width, rects };
}

/** Every row of the last frame in view with the rectangles its columns became. */
export function drawnRects(): { kind: Row['kind']; label: string; rects: DrawnRect[] }[] {
  if (drawn === null) return [];
  return [...drawn.rects].map(([row, rects]) => ({ kind: row.kind, label: row.label, rects }));
}

/** The time range and scroll of the last frame. */
export function drawnView(): View | null {
  return drawn === null ? null : { ...drawn.view };
}

/** A row as the last frame drew it: its top and height on the canvas, in CSS px. */
export interface DrawnRow {
  kind: Row['kind'];
  label: string;
  y: number;
  h: number;
  spans: DrawnSpan[];
}

/** Every row of the last frame with the spans it drew in view (off-core time left out). */
export function drawnSpans(): DrawnRow[] {
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
    const y = AXIS + row.y - view.scrollY;
    return { kind: row.kind, label: row.label, y, h: row.h, spans };
  });
}
