// A timeline row's spans as pixel-column rectangles (drawTimeline.ts draws them): zoomed out,
// each column shows the mix of modes in it, as Perfetto keeps short slices visible; a row costs
// at most one rectangle per column and mode whatever the log's length (perf-limits.md §3).
import { OFF, spanAt, type Spans } from '../../../projection/timeline';
import { GUTTER, xOf, type View } from './timelineLayout';

/** Where addSpans puts a rectangle of one mode. */
export type RectSink = (mode: number, x: number, y: number, w: number, h: number) => void;

/**
 * A row's column cover from its closed spans (those followed by another), kept from frame to
 * frame while the view stays put: a running machine then adds only its new spans each frame,
 * not every span in view again (perf-limits.md §3).
 */
interface RowCover {
  t0: number;
  t1: number;
  cols: number;
  modes: number;
  /** Cover of spans [first, next) of the row. */
  cover: Float32Array;
  next: number;
}

const covers = new WeakMap<Spans, RowCover>();

/** Add spans [from, to) (up to the first starting past the view) to `cover`; returns the next. */
function accumulate(
  cover: Float32Array,
  modes: number,
  cols: number,
  s: Spans,
  view: View,
  width: number,
  end: number,
  from: number,
  to: number,
): number {
  // Each column read once: a model's columns are views it hands out (projection/column.ts).
  const { start, mode: modeOf } = s;
  let i = from;
  for (; i < to && start[i]! <= view.t1; i++) {
    const mode = modeOf[i]!;
    if (mode === OFF) continue;
    const x0 = Math.max(0, xOf(view, width, start[i]!) - GUTTER);
    const x1 = Math.min(cols, xOf(view, width, start[i + 1] ?? end) - GUTTER);
    for (let c = Math.floor(x0); c < x1 && c < cols; c++) {
      cover[c * modes + mode]! += Math.min(x1, c + 1) - Math.max(x0, c);
    }
  }
  return i;
}

/** The cover of a row's closed spans in this view, brought up to date. */
function closedCover(s: Spans, view: View, width: number, modes: number, cols: number): RowCover {
  let rc = covers.get(s);
  const n = s.start.length;
  if (
    rc === undefined ||
    rc.t0 !== view.t0 ||
    rc.t1 !== view.t1 ||
    rc.cols !== cols ||
    rc.modes !== modes ||
    rc.next > n
  ) {
    const cover =
      rc && rc.cover.length === cols * modes ? rc.cover : new Float32Array(cols * modes);
    cover.fill(0);
    rc = { t0: view.t0, t1: view.t1, cols, modes, cover, next: Math.max(0, spanAt(s, view.t0)) };
    covers.set(s, rc);
  }
  // The last span is still open (it ends at the run's end, and may yet change): never kept.
  rc.next = accumulate(rc.cover, modes, cols, s, view, width, 0, rc.next, n - 1);
  return rc;
}

/**
 * Give a row's spans to `sink` as rectangles (x, y, w, h) of one mode each. Zoomed out, many spans
 * share a pixel column: each column shows the mix of modes in it, stacked bottom to top in
 * MODES order with heights by share of the column (any mode present gets at least a pixel, so a
 * short spin is never hidden), as Perfetto keeps short slices visible. Runs of equal columns
 * become one rectangle; a row costs at most one per column and mode whatever the log's length.
 * With `reuse`, the closed spans' cover is kept for the next frame (drawTimeline's rows).
 */
export function addSpans(
  sink: RectSink,
  modes: number,
  cover: Float32Array,
  s: Spans,
  view: View,
  width: number,
  end: number,
  y: number,
  h: number,
  reuse = false,
) {
  const cols = Math.max(0, Math.ceil(width - GUTTER));
  let from: number;
  if (reuse) {
    const rc = closedCover(s, view, width, modes, cols);
    cover.set(rc.cover);
    from = rc.next;
  } else {
    cover.fill(0, 0, cols * modes);
    from = Math.max(0, spanAt(s, view.t0));
  }
  accumulate(cover, modes, cols, s, view, width, end, from, s.start.length);
  // Pixel heights per mode of the run of columns so far, and of the column at hand.
  const run = new Int32Array(modes);
  const col = new Int32Array(modes);
  let runStart = 0;
  const flush = (c: number) => {
    let bottom = y + h;
    for (let m = 0; m < modes; m++) {
      if (run[m]! === 0) continue;
      bottom -= run[m]!;
      sink(m, GUTTER + runStart, bottom, c - runStart, run[m]!);
    }
  };
  for (let c = 0; c <= cols; c++) {
    col.fill(0);
    if (c < cols) columnHeights(cover, c * modes, modes, h, col);
    let same = true;
    for (let m = 0; m < modes && same; m++) same = col[m] === run[m];
    if (same) continue;
    flush(c);
    run.set(col);
    runStart = c;
  }
}

/** Remainders of one column's split (columnHeights runs for every pixel column of every row). */
const rest = new Float64Array(8);

/**
 * Split h pixels among the modes by their cover of one column: largest remainder (ties to the
 * earlier mode), and a pixel at least for any mode present, taken back from the biggest share.
 */
export function columnHeights(
  cover: Float32Array,
  at: number,
  modes: number,
  h: number,
  out: Int32Array,
): void {
  let total = 0;
  for (let m = 0; m < modes; m++) total += cover[at + m]!;
  if (total < 0.05) return;
  // A column part off-core (a thread's track) fills only the share it was on a core.
  const px = Math.round(h * Math.min(1, total));
  let used = 0;
  for (let m = 0; m < modes; m++) {
    const exact = (px * cover[at + m]!) / total;
    out[m] = Math.floor(exact + 1e-6);
    used += out[m]!;
    rest[m] = exact - out[m]!;
  }
  // Fewer than `modes` pixels are left: one each to the largest remainders, in turn.
  let taken = 0;
  for (; used < px; used++) {
    let best = -1;
    for (let m = 0; m < modes; m++) {
      if ((taken & (1 << m)) === 0 && (best < 0 || rest[m]! > rest[best]!)) best = m;
    }
    if (best < 0) {
      taken = 0;
      used--;
      continue;
    }
    taken |= 1 << best;
    out[best]! += 1;
  }
  for (let m = 0; m < modes; m++) {
    if (out[m] !== 0 || cover[at + m]! <= 0.005) continue;
    let big = 0;
    for (let j = 1; j < modes; j++) if (out[j]! > out[big]!) big = j;
    if (out[big]! <= 1) break;
    out[big]! -= 1;
    out[m] = 1;
  }
}
