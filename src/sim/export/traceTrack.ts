// One track of a Chrome/Perfetto trace: a sequence of back-to-back slices (never nested, so any
// trace viewer lays them out the same), with flow arrows bound to the slices they start or end in.
// Timestamps come in as cycles; the caller's `toNanos` turns them into whole nanoseconds.

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  cat?: string;
  id?: number;
  bp?: string;
  s?: string;
  args?: Record<string, unknown>;
}

export type TraceSink = (e: TraceEvent) => void;

interface OpenSlice {
  name: string;
  cat: string;
  start: number;
  args: Record<string, unknown>;
  /** Flow ids that start in this slice (messages sent from it). */
  flowsOut: number[];
}

/** Converts a cycle count into whole nanoseconds of the platform clock. */
export function nanosConverter(clockMHz: number): (cycles: number) => number {
  return (cycles) => Math.round((cycles * 1000) / clockMHz);
}

/**
 * Trace-event time is microseconds; Perfetto reads it back as trunc(us * 1000) ns. A quarter-ns
 * bias keeps that truncation exact, so back-to-back slices never overlap by a rounding step.
 */
export function nanosToMicros(ns: number): number {
  return (ns + 0.25) / 1000;
}

export class SliceTrack {
  private open: OpenSlice | null = null;
  /** Flows that end at the next slice beginning at or after their time. */
  private incoming: { id: number; t: number }[] = [];
  /** Flows of a slice that closed with no length, waiting for the next slice. */
  private carried: number[] = [];
  /** Middle of the last slice drawn (trace microseconds). */
  private lastMid: number | null = null;

  constructor(
    readonly pid: number,
    readonly tid: number,
    private readonly sink: TraceSink,
    private readonly toNanos: (cycles: number) => number,
  ) {}

  get current(): string | null {
    return this.open?.name ?? null;
  }

  get currentCat(): string | null {
    return this.open?.cat ?? null;
  }

  /** Arguments of the open slice (mutable until it closes). */
  get args(): Record<string, unknown> | null {
    return this.open?.args ?? null;
  }

  /** Give the open slice another name and category (a kernel entry that turned out to spin). */
  rename(name: string, cat: string): void {
    if (this.open !== null) {
      this.open.name = name;
      this.open.cat = cat;
    }
  }

  /** Close the open slice at `t` and open `name` (or nothing when name is null). */
  set(t: number, name: string | null, cat = '', args: Record<string, unknown> = {}): void {
    this.close(t);
    if (name !== null) {
      this.open = { name, cat, start: t, args, flowsOut: this.carried };
      this.carried = [];
    }
  }

  close(t: number): void {
    const o = this.open;
    this.open = null;
    if (o === null) return;
    if (t <= o.start) {
      // Nothing to draw; messages sent from it leave from the next slice instead.
      this.carried.push(...o.flowsOut);
      return;
    }
    const start = this.toNanos(o.start);
    const end = this.toNanos(t);
    const e: TraceEvent = {
      name: o.name,
      ph: 'X',
      pid: this.pid,
      tid: this.tid,
      ts: nanosToMicros(start),
      dur: nanosToMicros(end - start),
    };
    if (o.cat !== '') e.cat = o.cat;
    if (Object.keys(o.args).length > 0) e.args = o.args;
    this.sink(e);
    // Flow points go in the middle of a slice so that no viewer has to break a tie between a
    // slice and a flow point that share a timestamp.
    const mid = nanosToMicros((start + end) / 2);
    this.lastMid = mid;
    for (const id of o.flowsOut) this.flowPoint('s', id, mid);
    const rest: { id: number; t: number }[] = [];
    for (const f of this.incoming) {
      if (f.t > o.start) rest.push(f);
      else this.flowPoint('f', f.id, mid);
    }
    this.incoming = rest;
  }

  private flowPoint(ph: 's' | 'f', id: number, ts: number): void {
    const e: TraceEvent = { name: 'message', ph, cat: 'ipc', id, pid: this.pid, tid: this.tid, ts };
    if (ph === 'f') e.bp = 'e';
    this.sink(e);
  }

  /**
   * A message leaves this thread. In a kernel entry the arrow starts there; otherwise (a blocked
   * sender whose message a receiver picked up) it starts at the slice that ran last, its Send.
   * Returns false when the thread has had no slice at all.
   */
  flowOut(id: number): boolean {
    const o = this.open;
    if (o !== null && (o.cat === 'kernel' || this.lastMid === null)) {
      o.flowsOut.push(id);
      return true;
    }
    if (this.lastMid === null) return false;
    this.flowPoint('s', id, this.lastMid);
    return true;
  }

  /** A message arrives; the arrow ends in this track's next slice that begins at or after t. */
  flowIn(id: number, t: number): void {
    this.incoming.push({ id, t });
  }

  instant(t: number, name: string, cat: string, args: Record<string, unknown>): void {
    this.sink({
      name,
      ph: 'i',
      s: 't',
      cat,
      pid: this.pid,
      tid: this.tid,
      ts: nanosToMicros(this.toNanos(t)),
      args,
    });
  }
}
