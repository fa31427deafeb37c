// The fold: applies SimEvents, in log order, to a projection (style.md §3.5 applySimEvents).
// Pure: the same events from the same start give the same projection, in the worker (for
// checkpoints and snapshots) and in the page (live, once per animation frame).
import { countExit } from '../sim/events/entryCounts';
import { applyRefills } from './schedContextRefills';
import { unhandled, type SimEvent } from '../sim/events/schema';
import { CopyOnWrite } from './copyOnWrite';
import {
  FAULTS_KEPT,
  FILE_OPS_KEPT,
  type CoreView,
  type Projection,
  type ThreadView,
} from './types';

type Of<T extends SimEvent['type']> = Extract<SimEvent, { type: T }>;

export class ProjectionWriter extends CopyOnWrite {
  private readonly statsRecordOf = <K extends 'byName' | 'slowpathReasons' | 'ipcSlowpathReasons'>(
    k: K,
  ): Record<string, number> => this.statsRecord(k);

  constructor(base: Projection) {
    super(base);
  }

  /** Fold a run of events (in order). */
  applyAll(events: Iterable<SimEvent>): void {
    for (const e of events) this.apply(e);
  }

  apply(e: SimEvent): void {
    this.p.index = e.seq + 1;
    this.p.t = e.t;
    switch (e.type) {
      case 'syscallEntered':
        return this.enter(e.core, e.t, e.syscall, e.thread, e.cap);
      case 'interruptTaken':
        return this.enter(e.core, e.t, `interrupt (${e.kind})`, null, null);
      case 'lockAcquired':
        return this.lockAcquired(e);
      case 'lockContended': {
        const l = this.entity('locks', e.image)!;
        l.contended++;
        l.spinCycles += e.waitCycles;
        const s = this.stats();
        s.lockContended++;
        s.lockSpinCycles += e.waitCycles;
        return;
      }
      case 'lockReleased':
        this.entity('locks', e.image)!.holder = null;
        return;
      case 'syscallExited':
        return this.exited(e);
      case 'threadSwitched':
        return this.switched(e);
      case 'threadBlocked': {
        const t = this.thread(e.thread);
        if (t) {
          t.state = e.state;
          t.blockedOn = e.object;
        }
        return;
      }
      case 'threadWoken': {
        const t = this.thread(e.thread);
        if (t) {
          t.state = 'running';
          t.blockedOn = null;
        }
        return;
      }
      case 'threadStopped': {
        const t = this.thread(e.thread);
        if (t) {
          t.state = 'inactive';
          t.blockedOn = null;
          t.stopped = e.reason;
        }
        return;
      }
      case 'threadMigrated': {
        const t = this.thread(e.thread);
        if (t) t.core = e.to;
        return;
      }
      case 'objectChanged':
        return this.objectChanged(e);
      case 'messageTransferred':
        return this.message(e);
      case 'cacheLineMigrated':
        return this.migrated(e);
      case 'ipiSent':
        this.stats().ipis++;
        return;
      case 'faultRaised':
        this.append(
          'faults',
          { index: e.seq, t: e.t, thread: e.thread, type: e.faultType, detail: e.detail },
          FAULTS_KEPT,
        );
        return;
      case 'schedContextDonated':
      case 'schedContextReturned':
        return this.scMoved(e.sc, e.from, e.to);
      case 'notificationSignalled': {
        const n = this.entity('notifications', e.object);
        if (n) n.signals++;
        return;
      }
      case 'fileOperation':
        return this.fileOperation(e);
      case 'namespaceChanged':
        this.plain('namespaces')[e.process] = e.bindings;
        return;
      case 'portRegistered':
        this.plain('ports')[e.port] = e.server;
        return;
      case 'schedContextRefilled': {
        const v = this.entity('schedContexts', e.sc);
        if (v) applyRefills(v, e);
        return;
      }
      case 'coreModeChanged':
        return this.modeChanged(e);
      case 'budgetExhausted':
      case 'consoleWritten':
        return;
      default:
        return unhandled(e);
    }
  }

  private thread(name: string): ThreadView | undefined {
    // Idle threads are not in the description's threads: they have no view of their own.
    return this.entity('threads', name);
  }

  private core(id: number): CoreView {
    return this.entity('cores', id)!;
  }

  private enter(core: number, t: number, name: string, thread: string | null, cap: string | null) {
    const c = this.core(core);
    c.entry = name;
    c.entryThread = thread ?? c.thread;
    c.since = t;
    c.entryMessages = 0;
    if (thread !== null) {
      const th = this.thread(thread);
      if (th) {
        th.lastSyscall = name;
        th.lastCap = cap;
      }
    }
  }

  private modeChanged(e: Of<'coreModeChanged'>): void {
    const c = this.core(e.core);
    // Interrupt handling is kernel time; the entry's name says which interrupt.
    c.mode = e.mode === 'interrupt' ? 'kernel' : e.mode;
    c.since = e.t;
    if (e.mode !== 'spinning') return;
    // The engine reports a core spinning only when its CLH request queued behind another.
    const l = this.entity('locks', c.image);
    if (l !== undefined && !l.queue.includes(e.core)) l.queue = [...l.queue, e.core];
  }

  private lockAcquired(e: Of<'lockAcquired'>): void {
    const l = this.entity('locks', e.image)!;
    l.holder = e.core;
    l.queue = l.queue.filter((c) => c !== e.core);
    l.acquisitions++;
    this.stats().lockAcquisitions++;
  }

  private exited(e: Of<'syscallExited'>): void {
    const c = this.core(e.core);
    countExit(this.stats(), this.statsRecordOf, e, c.entryMessages);
    c.kernelEntries++;
    c.kernelCycles += e.cycles;
    c.entryMessages = 0;
    c.entry = null;
    c.entryThread = null;
    const th = this.thread(e.thread);
    if (!th) return;
    th.kernelCycles += e.cycles;
    if (e.interrupt !== null) return;
    th.syscalls++;
    if (e.path === 'fast') th.fastpath++;
    else th.slowpath++;
  }

  private switched(e: Of<'threadSwitched'>): void {
    const c = this.core(e.core);
    c.thread = e.to;
    const from = this.thread(e.from);
    if (from && from.runningOn === e.core) from.runningOn = null;
    const to = this.thread(e.to);
    if (to) to.runningOn = e.core;
  }

  private objectChanged(e: Of<'objectChanged'>): void {
    const o =
      e.kind === 'endpoint'
        ? this.entity('endpoints', e.object)
        : this.entity('notifications', e.object);
    if (!o) return;
    o.state = e.state;
    o.queue = e.queue;
    o.changedAt = e.seq;
    if ('word' in o) o.word = e.word;
  }

  private message(e: Of<'messageTransferred'>): void {
    this.stats().messages++;
    this.core(e.core).entryMessages++;
    const ep = this.entity('endpoints', e.object) ?? this.entity('notifications', e.object);
    if (ep) {
      ep.messages++;
      ep.lastMessage = e.seq;
    }
    const from = this.thread(e.from);
    if (from) from.sent++;
    const to = this.thread(e.to);
    if (to) {
      to.received++;
      to.lastMessage = e.seq;
    }
  }

  private migrated(e: Of<'cacheLineMigrated'>): void {
    let l = this.entity('lines', e.line);
    if (!l) {
      l = this.put('lines', e.line, {
        name: e.line,
        at: e.to,
        migrations: 0,
        cycles: 0,
        lastIndex: e.seq,
        lastT: e.t,
      });
    }
    l.at = e.to;
    l.migrations++;
    l.cycles += e.cycles;
    l.lastIndex = e.seq;
    l.lastT = e.t;
    const s = this.stats();
    s.migrations++;
    s.migrationCycles += e.cycles;
    if (!e.line.startsWith('user.')) {
      s.kernelMigrations++;
      s.kernelMigrationCycles += e.cycles;
    }
  }

  private scMoved(sc: string, from: string, to: string): void {
    const v = this.entity('schedContexts', sc);
    if (v) v.holder = to;
    const f = this.thread(from);
    if (f && f.sc === sc) f.sc = null;
    const t = this.thread(to);
    if (t) t.sc = sc;
  }

  private fileOperation(e: Of<'fileOperation'>): void {
    const s = this.stats();
    s.fileOps++;
    s.fileOpKernelEntries += e.kernelEntries;
    this.append(
      'fileOps',
      {
        index: e.seq,
        t: e.t,
        thread: e.thread,
        op: e.op,
        path: e.path,
        bytes: e.bytes,
        kernelEntries: e.kernelEntries,
        clientEntries: e.clientEntries,
        serverEntries: e.serverEntries,
        transport: e.transport,
        error: e.error ?? null,
        hops: e.hops,
        cycles: e.cycles,
        copiedBytes: e.copiedBytes,
        reason: e.reason ?? null,
      },
      FILE_OPS_KEPT,
    );
  }
}
