// The timeline's data: for every core and every thread, the spans of time it spent in each mode
// (user, kernel, spinning on the lock, idle), plus messages, slowpath exits, line migrations and
// console lines as points in time. The worker builds it next to its fold of the log (a span
// starts exactly at the event that changed the core's mode or thread) and ships what is new to
// the page as a delta, so the page never folds events itself.
import type { MachineDescription } from '../sim/describe';
import type { SimEvent } from '../sim/simEvents';
import { isSlowpathExit } from './breakpoints';
import type { CoreMode, CoreView } from './types';
import { columnSet, type ColumnSet } from './column';
import {
  packed,
  spansTail,
  spansTailSize,
  pointsTail,
  pointsTailSize,
  applySpansTail,
  applyPointsTail,
  type TimelineDelta,
} from './timelineDelta';

export const MODES: readonly CoreMode[] = ['idle', 'user', 'kernel', 'spinning'];
/** Mode code of a thread that is not running. */
export const OFF = -1;
export const MESSAGE_KINDS = ['call', 'reply', 'send', 'fault'] as const;

/** Spans as parallel columns; span k lasts from start[k] to start[k + 1] (or the log's end). */
export interface Spans {
  readonly start: ArrayLike<number>;
  readonly mode: ArrayLike<number>;
  /** Core spans: the thread index (-1 idle thread). Thread spans: the core. */
  readonly other: ArrayLike<number>;
  /** Index of the event that began the span. */
  readonly index: ArrayLike<number>;
}

export const SPAN_COLUMNS = ['start', 'mode', 'other', 'index'] as const;
/** A track's spans as the model keeps them (column.ts): read as Spans. */
export type SpanTrack = ColumnSet<(typeof SPAN_COLUMNS)[number]>;

/** Points in time, as parallel columns of one length: the time, the event, and more. */
export type PointSet<K extends string = never> = ColumnSet<'t' | 'index' | K>;

export function emptySpans(): SpanTrack {
  return columnSet(SPAN_COLUMNS);
}

export class TimelineModel {
  readonly cores: SpanTrack[];
  readonly threads: SpanTrack[] = [];
  readonly threadNames: string[] = [];
  readonly messages: PointSet<'from' | 'to' | 'kind'> = columnSet([
    't',
    'index',
    'from',
    'to',
    'kind',
  ]);
  readonly slowpaths: PointSet<'core'> = columnSet(['t', 'index', 'core']);
  /** consoleWritten and faultRaised events, and truncated messages, for the console. */
  readonly console: PointSet = columnSet(['t', 'index']);
  readonly migrations: PointSet<'from' | 'to' | 'cycles'> = columnSet([
    't',
    'index',
    'from',
    'to',
    'cycles',
  ]);
  /** Events seen so far, and the time of the last one. */
  count = 0;
  end = 0;
  private readonly threadIndex = new Map<string, number>();
  /** The track of the thread last marked on each core. */
  private readonly lastThread: number[];
  /** The thread name and mode last marked on each core: most events change neither, and
   * comparing the two strings is cheaper than looking the thread up. */
  private readonly lastThreadName: (string | null)[];
  private readonly lastModeName: (CoreMode | null)[];
  /** What the last delta covered (worker side). */
  private sent = { names: 0, cores: [] as number[], threads: [] as number[], points: [0, 0, 0, 0] };

  /**
   * Spans and points dropped after they were sent (`forgetSent`), per array: the worker keeps
   * only what the page has not had yet, so its arrays stay short however long the run.
   */
  private readonly dropped = {
    cores: [] as number[],
    threads: [] as number[],
    points: [0, 0, 0, 0],
  };

  /**
   * `forgetSent`: the worker's model, which needs nothing it has sent again (the page keeps the
   * whole timeline; a new run starts a new model).
   */
  constructor(
    desc: MachineDescription,
    private readonly opts: { forgetSent?: boolean } = {},
  ) {
    // The cores' idle threads are drawn on the core rows only: they have no track (-1).
    for (const c of desc.cores) this.threadIndex.set(c.idleThread, -1);
    for (const t of desc.threads) this.thread(t.name);
    this.cores = desc.cores.map(() => emptySpans());
    this.lastThread = desc.cores.map(() => -2);
    this.lastThreadName = desc.cores.map(() => null);
    this.lastModeName = desc.cores.map(() => null);
    for (const c of desc.cores) this.mark(c.id, c.idleThread, 'idle', 0, 0);
    // Both sides build this much from the description alone.
    this.sent.names = this.threadNames.length;
  }

  /** Index of a thread's track (created on first sight); -1 for idle threads. */
  thread(name: string): number {
    let i = this.threadIndex.get(name);
    if (i === undefined) {
      i = this.threadNames.length;
      this.threadNames.push(name);
      this.threads.push(emptySpans());
      this.threadIndex.set(name, i);
    }
    return i;
  }

  /** Add an event, given its core as the fold shows it right after the event. */
  add(e: SimEvent, core: CoreView | undefined): void {
    this.count = e.seq + 1;
    this.end = e.t;
    if (core !== undefined) this.mark(core.id, core.thread, core.mode, e.t, e.seq);
    if (e.type === 'messageTransferred') {
      const m = this.messages.columns;
      m.t.push(e.t);
      m.index.push(e.seq);
      m.from.push(this.thread(e.from));
      m.to.push(this.thread(e.to));
      m.kind.push(Math.max(0, MESSAGE_KINDS.indexOf(e.kind)));
      // A message cut at seL4_MsgMaxLength is also a console line: the cut is silent otherwise.
      if (e.requested > e.length) {
        this.console.columns.t.push(e.t);
        this.console.columns.index.push(e.seq);
      }
    } else if (e.type === 'cacheLineMigrated') {
      const m = this.migrations.columns;
      m.t.push(e.t);
      m.index.push(e.seq);
      m.from.push(e.from);
      m.to.push(e.to);
      m.cycles.push(e.cycles);
    } else if (e.type === 'consoleWritten' || e.type === 'faultRaised') {
      this.console.columns.t.push(e.t);
      this.console.columns.index.push(e.seq);
    } else if (isSlowpathExit(e)) {
      const m = this.slowpaths.columns;
      m.t.push(e.t);
      m.index.push(e.seq);
      m.core.push(e.core);
    }
  }

  /** Start new spans if the core's thread or mode changed. */
  private mark(
    core: number,
    threadName: string,
    modeName: CoreMode,
    t: number,
    index: number,
  ): void {
    if (threadName === this.lastThreadName[core] && modeName === this.lastModeName[core]) return;
    this.lastThreadName[core] = threadName;
    this.lastModeName[core] = modeName;
    const th = this.thread(threadName);
    const mode = MODES.indexOf(modeName);
    const prevThread = this.lastThread[core]!;
    push(this.cores[core]!, t, mode, th, index);
    if (prevThread >= 0 && prevThread !== th) push(this.threads[prevThread]!, t, OFF, core, index);
    if (th >= 0) push(this.threads[th]!, t, mode, core, index);
    this.lastThread[core] = th;
  }

  /** Everything added since the last delta (worker side). */
  takeDelta(): TimelineDelta {
    const s = this.sent;
    const dr = this.dropped;
    const points: PointSet[] = [this.messages, this.slowpaths, this.console, this.migrations];
    let size = 0;
    this.cores.forEach((sp, i) => (size += spansTailSize(sp, s.cores[i] ?? 0, dr.cores[i] ?? 0)));
    this.threads.forEach(
      (sp, i) => (size += spansTailSize(sp, s.threads[i] ?? 0, dr.threads[i] ?? 0)),
    );
    points.forEach((p, i) => (size += pointsTailSize(p, s.points[i] ?? 0, dr.points[i] ?? 0)));
    const take = packed(size);
    const d: TimelineDelta = {
      count: this.count,
      end: this.end,
      nameBase: s.names,
      names: this.threadNames.slice(s.names),
      cores: this.cores.map((sp, i) => spansTail(sp, s.cores[i] ?? 0, dr.cores[i] ?? 0, take)),
      threads: this.threads.map((sp, i) =>
        spansTail(sp, s.threads[i] ?? 0, dr.threads[i] ?? 0, take),
      ),
      points: points.map((p, i) => pointsTail(p, s.points[i] ?? 0, dr.points[i] ?? 0, take)),
    };
    this.sent = {
      names: this.threadNames.length,
      cores: this.cores.map((sp, i) => sp.columns.start.length + (dr.cores[i] ?? 0)),
      threads: this.threads.map((sp, i) => sp.columns.start.length + (dr.threads[i] ?? 0)),
      points: points.map((p, i) => p.columns.t.length + (dr.points[i] ?? 0)),
    };
    if (this.opts.forgetSent === true) {
      // A track's last span can still change and is sent again: keep it; points never change.
      this.cores.forEach((sp, i) => (dr.cores[i] = (dr.cores[i] ?? 0) + keepLast(sp)));
      this.threads.forEach((sp, i) => (dr.threads[i] = (dr.threads[i] ?? 0) + keepLast(sp)));
      points.forEach((p, i) => (dr.points[i] = (dr.points[i] ?? 0) + dropAll(p)));
    }
    return d;
  }

  /** Add a delta from the worker (page side). */
  applyDelta(d: TimelineDelta): void {
    if (d.nameBase !== this.threadNames.length) {
      throw new Error(
        `timeline delta names start at ${d.nameBase}, have ${this.threadNames.length}`,
      );
    }
    for (const n of d.names) this.thread(n);
    d.cores.forEach((tail, i) => applySpansTail(this.cores[i]!, tail));
    d.threads.forEach((tail, i) => applySpansTail(this.threads[i]!, tail));
    const points: PointSet[] = [this.messages, this.slowpaths, this.console, this.migrations];
    points.forEach((p, i) => applyPointsTail(p, d.points[i]!));
    this.count = d.count;
    this.end = d.end;
  }
}

function push(s: SpanTrack, t: number, mode: number, other: number, index: number): void {
  const c = s.columns;
  const n = c.start.length;
  // Several changes at one instant: keep only the last.
  if (n > 0 && c.start.at(n - 1) === t) {
    c.mode.put(n - 1, mode);
    c.other.put(n - 1, other);
    c.index.put(n - 1, index);
    return;
  }
  c.start.push(t);
  c.mode.push(mode);
  c.other.push(other);
  c.index.push(index);
}

/** Drop all but the last span; returns how many were dropped. */
function keepLast(s: SpanTrack): number {
  const n = s.columns.start.length - 1;
  if (n <= 0) return 0;
  for (const k of SPAN_COLUMNS) s.columns[k].dropFront(n);
  return n;
}

/** Drop every point; returns how many there were. */
function dropAll(p: PointSet): number {
  const n = p.columns.t.length;
  for (const c of Object.values(p.columns)) c.clear();
  return n;
}

/** The span covering time t (binary search), or -1 before the first. */
export function spanAt(s: Spans, t: number): number {
  let lo = 0;
  let hi = s.start.length - 1;
  if (hi < 0 || s.start[0]! > t) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s.start[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** First index whose time is >= t in a sorted time array. */
export function firstAtOrAfter(times: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
