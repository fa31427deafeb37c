// Draws the timeline on a 2D canvas (perf-limits.md §3: canvas, not SVG, beyond ~1k animated
// elements): spans per core and per thread coloured by mode, messages as arrows between thread
// tracks, slowpath exits as marks, the cursor, and the already-simulated future dimmed.
import { ticks } from 'd3';
import {
  firstAtOrAfter,
  MESSAGE_KINDS,
  MODES,
  type Spans,
  type TimelineModel,
} from '../../../projection/timeline';
import { valuesOf } from '../../../projection/column';
import type { DrawnRect } from './drawnRecord';
import { addSpans, type RectSink } from './spanColumns';
import { modeFills, SpanRaster, type ModeFill } from './spanRaster';
import { AXIS, GUTTER, xOf, type Row, type Rows, type View } from './timelineLayout';

export interface Palette {
  bg: string;
  grid: string;
  text: string;
  muted: string;
  modes: string[];
  messages: string[];
  slow: string;
  cursor: string;
  /** Laid over the part of the run past the cursor (already simulated, not yet reached). */
  future: string;
  /** Each mode's pixels; spinning is striped, so it differs by pattern as well as hue. */
  fills: ModeFill[];
}

/** Span pixels, reused from frame to frame (one timeline is drawn at a time). */
const raster = new SpanRaster();

/** Index of 'spinning' in MODES (projection/timeline.ts). */
const SPINNING = 3;

/** A small repeating tile of diagonal stripes in `colour`, for ctx.createPattern. */
function hatchTile(el: Element, colour: string): CanvasImageSource | null {
  const tile = el.ownerDocument.createElement('canvas');
  tile.width = 6;
  tile.height = 6;
  const g = tile.getContext('2d');
  if (g === null) return null;
  g.strokeStyle = colour;
  g.lineWidth = 1.5;
  g.beginPath();
  g.moveTo(-1, 7);
  g.lineTo(7, -1);
  g.stroke();
  return tile;
}

export function readPalette(el: Element): Palette {
  const css = getComputedStyle(el);
  const v = (name: string) => css.getPropertyValue(name).trim();
  const modes = [v('--idle'), v('--user'), v('--kernel'), v('--spinning')];
  const hatch = hatchTile(el, v('--timeline-hatch'));
  return {
    bg: v('--panel'),
    grid: v('--border'),
    text: v('--text'),
    muted: v('--muted'),
    modes,
    messages: MESSAGE_KINDS.map((k) => v(`--${k}`)),
    slow: v('--slow'),
    cursor: v('--accent'),
    future: v('--timeline-future'),
    // Spinning also hatched, as on the core cards (theme.css): red and green alone fail
    // colour-blind readers.
    fills: modeFills(el.ownerDocument, modes, hatch && { mode: SPINNING, tile: hatch }),
  };
}

const FONT = '11px system-ui, sans-serif';
/** The canvas size each context last had its text style set at (resizing resets the state). */
const styled = new WeakMap<CanvasRenderingContext2D, string>();

/**
 * Set the labels' font once per canvas size, not every frame: the font setter parses and
 * resolves the font each time, a millisecond or more per frame on a slow machine.
 */
function setTextStyle(ctx: CanvasRenderingContext2D): void {
  const key = `${ctx.canvas.width}x${ctx.canvas.height}`;
  if (styled.get(ctx) === key && ctx.textBaseline === 'middle') return;
  ctx.font = FONT;
  ctx.textBaseline = 'middle';
  styled.set(ctx, key);
}

export function drawTimeline(
  ctx: CanvasRenderingContext2D,
  tl: TimelineModel,
  rows: Rows,
  view: View,
  size: { width: number; height: number },
  cursorT: number | null,
  pal: Palette,
  /** The selected thread's track, drawn with a band behind it. */
  selected: Row | null = null,
): void {
  const { width, height } = size;
  ctx.fillStyle = pal.bg;
  ctx.fillRect(0, 0, width, height);
  setTextStyle(ctx);
  const end = Math.max(tl.end, view.t0);
  // Time axis with grid lines.
  const tk = ticks(view.t0, view.t1, Math.max(2, Math.floor((width - GUTTER) / 110)));
  ctx.strokeStyle = pal.grid;
  ctx.fillStyle = pal.muted;
  for (const t of tk) {
    const x = Math.round(xOf(view, width, t)) + 0.5;
    if (x < GUTTER) continue;
    ctx.beginPath();
    ctx.moveTo(x, AXIS - 4);
    ctx.lineTo(x, height);
    ctx.stroke();
    ctx.fillText(t.toLocaleString('en-US'), x + 3, AXIS / 2);
  }
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, AXIS, width, height - AXIS);
  ctx.clip();
  const top = AXIS - view.scrollY;
  const visible = (y: number, h: number) => top + y + h >= AXIS && top + y <= height;
  ctx.fillStyle = pal.muted;
  if (visible(rows.coreHeader, 16)) ctx.fillText('CORES', 8, top + rows.coreHeader + 8);
  if (visible(rows.threadHeader, 16)) ctx.fillText('THREADS', 8, top + rows.threadHeader + 8);
  const rowY = new Map<number, number>();
  // A frame that only moves the cursor or the selection (a seek, a step) keeps the spans' pixels.
  const same = raster.holds([
    tl,
    tl.count,
    tl.end,
    view.t0,
    view.t1,
    view.scrollY,
    width,
    height,
    rows.rows.length,
    rows.height,
    pal,
  ]);
  if (!same) raster.begin(width - GUTTER, height - AXIS, GUTTER, AXIS);
  const fill: RectSink = (m, x, y, w, h) => raster.fill(pal.fills[m]!, x, y, w, h);
  const cover = new Float32Array(Math.ceil(width) * pal.modes.length);
  for (const r of rows.rows) {
    const y = top + r.y;
    if (r.kind === 'thread') rowY.set(r.index, y + r.h / 2);
    if (!visible(r.y, r.h)) continue;
    if (r === selected) {
      ctx.fillStyle = pal.grid;
      ctx.fillRect(0, y, width, r.h);
    }
    ctx.fillStyle = r === selected ? pal.cursor : pal.text;
    ctx.fillText(r.label.length > 16 ? `${r.label.slice(0, 15)}…` : r.label, 8, y + r.h / 2);
    const s = r.kind === 'core' ? tl.cores[r.index] : tl.threads[r.index];
    if (s && !same)
      addSpans(fill, pal.fills.length, cover, s, view, width, end, y + 2, r.h - 4, true);
  }
  raster.put(ctx);
  // Slowpath exits: a mark on the core's track.
  const sp = valuesOf(tl.slowpaths);
  let lastMark = -1;
  ctx.fillStyle = pal.slow;
  for (let i = firstAtOrAfter(sp.t, view.t0); i < sp.t.length && sp.t[i]! <= view.t1; i++) {
    const r = rows.rows[sp.core[i]!];
    if (!r || !visible(r.y, r.h)) continue;
    const x = xOf(view, width, sp.t[i]!);
    const y = top + r.y;
    if (x - lastMark < 3) continue;
    lastMark = x;
    ctx.fillRect(x - 2, y, 4, 3);
    ctx.fillRect(x - 1, y + 3, 2, 2);
  }
  // Messages: arrows from the sender's track to the receiver's, one path per kind, at most one
  // arrow per pixel column and kind. Zoomed out so far that they would hide the tracks (and
  // cost more to raster than everything else), they are left out: zoom in to see them.
  const m = valuesOf(tl.messages);
  const inView = firstAtOrAfter(m.t, view.t1 + 1) - firstAtOrAfter(m.t, view.t0);
  if (inView > MAX_ARROWS) {
    ctx.restore();
    drawCursor(ctx, view, size, cursorT, pal);
    return;
  }
  const lines = pal.messages.map((): number[] => []);
  const heads = pal.messages.map(() => new Path2D());
  const lastX = pal.messages.map(() => -1);
  const yMin = AXIS;
  for (let i = firstAtOrAfter(m.t, view.t0); i < m.t.length && m.t[i]! <= view.t1; i++) {
    const y1 = rowY.get(m.from[i]!);
    const y2 = rowY.get(m.to[i]!);
    if (y1 === undefined || y2 === undefined) continue;
    if (Math.max(y1, y2) < yMin || Math.min(y1, y2) > height) continue;
    const k = m.kind[i]!;
    const x = xOf(view, width, m.t[i]!);
    if (Math.floor(x) === lastX[k]) continue;
    lastX[k] = Math.floor(x);
    lines[k]!.push(x, Math.min(y1, y2), Math.abs(y2 - y1));
    const dir = y2 > y1 ? 1 : -1;
    heads[k]!.moveTo(x, y2);
    heads[k]!.lineTo(x - 3, y2 - 5 * dir);
    heads[k]!.lineTo(x + 3, y2 - 5 * dir);
    heads[k]!.closePath();
  }
  pal.messages.forEach((colour, k) => {
    ctx.fillStyle = colour;
    const l = lines[k]!;
    for (let i = 0; i < l.length; i += 3) ctx.fillRect(l[i]! - 0.6, l[i + 1]!, 1.2, l[i + 2]!);
    ctx.fill(heads[k]!);
  });
  ctx.restore();
  drawCursor(ctx, view, size, cursorT, pal);
}

/**
 * The rectangles one row's columns become in a view (what drawTimeline fills for it); `reuse`
 * keeps and extends the row's cover from the last call, as drawTimeline does frame to frame.
 */
export function rowRects(
  tl: { readonly cores: readonly Spans[]; readonly threads: readonly Spans[]; end: number },
  row: Row,
  view: View,
  width: number,
  reuse = false,
): DrawnRect[] {
  const s = row.kind === 'core' ? tl.cores[row.index] : tl.threads[row.index];
  const out: DrawnRect[] = [];
  if (s === undefined) return out;
  const h = row.h - 4;
  const sink: RectSink = (m, x, _y, w, hh) => out.push({ mode: MODES[m]!, x, w, share: hh / h });
  const cover = new Float32Array(Math.ceil(width) * MODES.length);
  addSpans(sink, MODES.length, cover, s, view, width, Math.max(tl.end, view.t0), 0, h, reuse);
  return out;
}

/** More messages than this in view are not drawn (they would be a solid block anyway). */
export const MAX_ARROWS = 600;

function drawCursor(
  ctx: CanvasRenderingContext2D,
  view: View,
  { width, height }: { width: number; height: number },
  cursorT: number | null,
  pal: Palette,
): void {
  // The cursor, and the future already simulated but not yet reached, dimmed.
  if (cursorT !== null) {
    const x = xOf(view, width, cursorT);
    if (x < width) {
      ctx.fillStyle = pal.future;
      ctx.fillRect(Math.max(GUTTER, x), AXIS, width - Math.max(GUTTER, x), height - AXIS);
    }
    if (x >= GUTTER && x <= width) {
      ctx.fillStyle = pal.cursor;
      ctx.fillRect(Math.round(x) - 1, 0, 2, height);
    }
  }
  ctx.fillStyle = pal.grid;
  ctx.fillRect(GUTTER - 1, 0, 1, height);
}
