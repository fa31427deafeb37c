// Chrome trace-event JSON (the format ui.perfetto.dev and chrome://tracing open) built from the
// event stream (DESIGN.md "The command line": a track per core and per thread, flow arrows for
// messages). Cores and threads are two trace processes; kernel, user, spin, blocked and ready
// time are back-to-back slices; each messageTransferred is an s/f flow from sender to receiver.
import { unhandled, type SimEvent } from '../events/schema';
import { nanosConverter, SliceTrack, type TraceEvent, type TraceSink } from './traceTrack';

export type { TraceEvent } from './traceTrack';

export interface ChromeTraceOptions {
  /** Platform clock: trace time is cycles / clockMHz microseconds. */
  clockMHz: number;
  cores: number;
  /** Process (thread) names in creation order; one track each. */
  threads: readonly string[];
  /** Shown as the name of the cores process, e.g. the scenario and platform. */
  title?: string;
}

export interface ChromeTrace {
  traceEvents: TraceEvent[];
  displayTimeUnit: 'ns';
}

const CORES_PID = 10;
const THREADS_PID = 20;
const CORE_TID = 1000;
const THREAD_TID = 2000;

interface CoreState {
  track: SliceTrack;
  /** Thread running in user mode (null: idle). */
  cur: string | null;
  /**
   * The thread whose kernel entry just ended, and whether it blocked in it (with its label):
   * the switch that ends an entry comes right after its syscallExited.
   */
  left: { thread: string; blocked: boolean; label: string | null } | null;
  inKernel: boolean;
}

/**
 * Folds events into trace events. Give a `sink` to stream them (nothing is kept); otherwise
 * `finish()` returns them all. Cost: O(1) per event plus one trace event per slice.
 */
export class ChromeTraceBuilder {
  private readonly sink: TraceSink;
  private readonly kept: TraceEvent[] = [];
  private readonly cores: CoreState[] = [];
  private readonly threads = new Map<string, SliceTrack>();
  /** What a thread in a kernel entry becomes when the entry ends (null: stopped). */
  private readonly pending = new Map<string, string | null>();
  private readonly toNanos: (cycles: number) => number;

  constructor(opts: ChromeTraceOptions, sink?: TraceSink) {
    this.sink = sink ?? ((e) => this.kept.push(e));
    this.toNanos = nanosConverter(opts.clockMHz);
    const meta = (pid: number, tid: number, name: string, args: Record<string, unknown>): void =>
      this.sink({ name, ph: 'M', pid, tid, args });
    meta(CORES_PID, CORE_TID, 'process_name', { name: opts.title ?? 'cores' });
    meta(CORES_PID, CORE_TID, 'process_sort_index', { sort_index: 0 });
    meta(THREADS_PID, THREAD_TID, 'process_name', { name: 'threads' });
    meta(THREADS_PID, THREAD_TID, 'process_sort_index', { sort_index: 1 });
    for (let c = 0; c < opts.cores; c++) {
      const tid = CORE_TID + c;
      meta(CORES_PID, tid, 'thread_name', { name: `core ${c}` });
      meta(CORES_PID, tid, 'thread_sort_index', { sort_index: c });
      this.cores.push({
        track: new SliceTrack(CORES_PID, tid, this.sink, this.toNanos),
        cur: null,
        left: null,
        inKernel: false,
      });
    }
    for (const name of opts.threads) this.thread(name);
  }

  private thread(name: string): SliceTrack {
    let t = this.threads.get(name);
    if (t === undefined) {
      const tid = THREAD_TID + this.threads.size;
      this.sink({ name: 'thread_name', ph: 'M', pid: THREADS_PID, tid, args: { name } });
      this.sink({
        name: 'thread_sort_index',
        ph: 'M',
        pid: THREADS_PID,
        tid,
        args: { sort_index: this.threads.size },
      });
      t = new SliceTrack(THREADS_PID, tid, this.sink, this.toNanos);
      this.threads.set(name, t);
    }
    return t;
  }

  /** The track of a scenario thread; null for idle threads and unknown names. */
  private tracked(name: string | null): SliceTrack | null {
    if (name === null) return null;
    return this.threads.get(name) ?? null;
  }

  private static isKernel(t: SliceTrack): boolean {
    const cat = t.currentCat;
    return cat === 'kernel' || cat === 'lock';
  }

  private core(c: number): CoreState {
    let s = this.cores[c];
    while (s === undefined) {
      const n = this.cores.length;
      this.cores.push({
        track: new SliceTrack(CORES_PID, CORE_TID + n, this.sink, this.toNanos),
        cur: null,
        left: null,
        inKernel: false,
      });
      s = this.cores[c];
    }
    return s;
  }

  private enter(c: number, t: number, name: string, thread: string | null): void {
    const core = this.core(c);
    core.inKernel = true;
    core.track.set(t, name, 'kernel', thread !== null ? { thread } : {});
    this.tracked(thread)?.set(t, name, 'kernel', { core: c });
  }

  private exit(c: number, t: number, thread: string, args: Record<string, unknown>): void {
    const core = this.core(c);
    Object.assign(core.track.args ?? {}, args);
    core.inKernel = false;
    const entering = this.tracked(thread);
    core.left = {
      thread,
      blocked: this.pending.has(thread),
      label: this.pending.get(thread) ?? null,
    };
    this.pending.delete(thread);
    // Until a threadSwitched says otherwise, the core goes on with the thread it ran.
    if (entering !== null) {
      Object.assign(entering.args ?? {}, args);
      if (thread === core.cur) entering.set(t, 'user', 'user');
      else if (core.left.blocked) entering.set(t, core.left.label, 'blocked');
      else entering.set(t, 'ready', 'ready');
    }
    if (core.cur !== thread) this.tracked(core.cur)?.set(t, 'user', 'user');
    core.track.set(t, core.cur, 'user');
  }

  add(e: SimEvent): void {
    const t = e.t;
    switch (e.type) {
      case 'syscallEntered':
        return this.enter(e.core, t, e.syscall, e.thread);
      case 'interruptTaken':
        return this.enter(e.core, t, `interrupt (${e.kind})`, this.core(e.core).cur);
      case 'lockContended': {
        const core = this.core(e.core);
        const thread = this.tracked(core.cur);
        for (const track of thread !== null ? [core.track, thread] : [core.track]) {
          if (!ChromeTraceBuilder.isKernel(track)) continue;
          const name = track.current;
          const args = track.args ?? {};
          track.rename('lock spin', 'lock');
          track.set(t, name, 'kernel', args);
        }
        return;
      }
      case 'syscallExited': {
        const args: Record<string, unknown> = { path: e.path, cycles: e.cycles };
        if (e.reason !== undefined) args.reason = e.reason;
        return this.exit(e.core, t, e.thread, args);
      }
      case 'threadSwitched': {
        const core = this.core(e.core);
        // The thread switched from is blocked if it blocked in the entry that just ended, else
        // ready (preempted, or stalled by a remote call).
        const left = core.left;
        core.left = null;
        const blocked = left !== null && left.thread === e.from && left.blocked;
        this.tracked(e.from)?.set(t, blocked ? left.label : 'ready', blocked ? 'blocked' : 'ready');
        core.cur = this.tracked(e.to) !== null ? e.to : null;
        this.tracked(core.cur)?.set(t, 'user', 'user');
        core.track.set(t, core.cur, 'user');
        return;
      }
      case 'threadBlocked': {
        const label =
          e.state === 'inactive' ? null : `${e.state}${e.object !== null ? ` (${e.object})` : ''}`;
        return this.changeState(e.thread, t, label, 'blocked');
      }
      case 'threadWoken': {
        const track = this.tracked(e.thread);
        if (track === null) return;
        if (ChromeTraceBuilder.isKernel(track)) this.pending.delete(e.thread);
        else if (track.currentCat !== 'user') track.set(t, 'ready', 'ready');
        return;
      }
      case 'threadStopped':
        return this.changeState(e.thread, t, null, '');
      case 'messageTransferred': {
        const to = this.tracked(e.to);
        if (to !== null && this.tracked(e.from)?.flowOut(e.seq) === true) to.flowIn(e.seq, t);
        return;
      }
      case 'cacheLineMigrated': {
        const args = this.core(e.core).track.args;
        if (args === null) return;
        args.migrations = ((args.migrations as number | undefined) ?? 0) + 1;
        args.migrationCycles = ((args.migrationCycles as number | undefined) ?? 0) + e.cycles;
        return;
      }
      case 'ipiSent':
        return this.core(e.from).track.instant(t, `IPI ${e.kind} to core ${e.to}`, 'ipi', {});
      case 'faultRaised':
        return this.tracked(e.thread)?.instant(t, `fault: ${e.faultType}`, 'fault', {
          detail: e.detail,
          handler: e.handler,
        });
      case 'consoleWritten':
        return this.tracked(e.thread)?.instant(t, 'console', 'console', { text: e.text });
      case 'fileOperation':
        return this.tracked(e.thread)?.instant(t, `${e.op} ${e.path}`, 'file', {
          bytes: e.bytes,
          kernelEntries: e.kernelEntries,
        });
      case 'budgetExhausted':
        return this.tracked(e.thread)?.instant(t, 'budget exhausted', 'sched', { until: e.until });
      case 'threadMigrated':
      case 'objectChanged':
      case 'lockAcquired':
      case 'lockReleased':
      case 'schedContextDonated':
      case 'schedContextReturned':
      case 'notificationSignalled':
      case 'namespaceChanged':
      case 'portRegistered':
      case 'coreModeChanged':
      case 'schedContextRefilled':
        return;
      default:
        return unhandled(e);
    }
  }

  private changeState(thread: string, t: number, label: string | null, cat: string): void {
    const track = this.tracked(thread);
    if (track === null) return;
    if (ChromeTraceBuilder.isKernel(track)) this.pending.set(thread, label);
    else track.set(t, label, cat);
  }

  /** Close every open slice at `endCycles`; returns the kept events (empty when streaming). */
  finish(endCycles: number): ChromeTrace {
    for (const c of this.cores) c.track.close(endCycles);
    for (const t of this.threads.values()) t.close(endCycles);
    return { traceEvents: this.kept, displayTimeUnit: 'ns' };
  }
}

/** Build a whole trace from a finished event log. */
export function buildChromeTrace(
  events: Iterable<SimEvent>,
  opts: ChromeTraceOptions,
  endCycles: number,
): ChromeTrace {
  const b = new ChromeTraceBuilder(opts);
  for (const e of events) b.add(e);
  return b.finish(endCycles);
}
