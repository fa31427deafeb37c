// What each core does over time: run its current thread's user code, enter the kernel (taking
// the big lock of its image, spinning while another core holds it), leave it, take interrupts
// (reschedule IPIs, timer ticks, MCS replenishments). sel4-reference.md §1.8–1.10.
import type { QueueItem } from './engine/eventQueue';
import { ItemKind } from './engine/queueItems';
import { node } from './kernel/kernelState';
import type { Tcb } from './kernel/objects';
import type { SyscallRequest } from './kernel/requests';
import { requestCap, syscallName } from './kernel/requests';
import { isSchedulable, setThreadState, tcbSchedEnqueue } from './kernel/scheduler';
import { handleSyscall } from './kernel/syscalls';
import { kernelEntryCost } from './kernelCost';
import { advance, type ThreadRuntime } from './programs';
import type { CoreContext } from './coreContext';
import { createCoreRt, INTERRUPT_NAMES, NONE, NO_SGIS, OUT_OF_BUDGET, STALLED } from './coreState';
import type { CoreMode, CoreRt, Interrupt } from './coreState';
import { touchProblem, userTouchLines } from './userMemory';
import { channelRead, channelWrite } from './channels';
import { accountEntry, writeExit } from './entryStats';
import { handleInterrupt, sendEntryIpis } from './interrupts';
import type { CoreModeName } from './simEvents';
import { irqJitter } from './machine/noise';
import {
  classicSliceOver,
  kernelEntryTime,
  nextRelease,
  scheduleTimed,
  updateTimestamp,
  userSlice,
} from './kernel/timer';

export class CoreRunner {
  readonly cores: CoreRt[];

  constructor(private readonly sim: CoreContext) {
    this.cores = sim.world.state.nodes.map((n) => createCoreRt(n.core, n.idleThread));
  }

  handle(item: QueueItem): void {
    const c = item.core;
    const core = this.cores[c]!;
    const kind = item.kind as ItemKind;
    switch (kind) {
      case ItemKind.userDone:
        if (item.gen !== core.gen || core.mode !== 'user') return;
        this.consumeUser(c);
        this.dispatch(c);
        return;
      case ItemKind.timer:
        if (item.gen !== core.gen || core.mode !== 'user') return;
        this.consumeUser(c);
        this.enterKernel(c, this.cur(c), null, 'timer');
        return;
      case ItemKind.kernelExit:
        this.exitKernel(c);
        return;
      case ItemKind.lockGrant:
        this.doKernelWork(c);
        return;
      case ItemKind.ipi:
        this.interrupt(c, 'ipi');
        return;
      case ItemKind.release:
        if (item.time !== core.releaseAt) return; // re-armed for another time since
        core.releaseAt = -1;
        this.interrupt(c, 'release');
        return;
      case ItemKind.start: {
        const fx = this.sim.fx;
        fx.begin(this.sim.now, c);
        scheduleTimed(this.sim.k);
        this.dispatch(c);
        return;
      }
      default: {
        const never: never = kind;
        throw new Error(`queue item of unknown kind ${String(never)}`);
      }
    }
  }

  /** Set core c's mode, reporting it when what the core does changes. */
  private setMode(c: number, mode: CoreMode): void {
    const core = this.cores[c]!;
    core.mode = mode;
    const shown: CoreModeName =
      mode === 'kernel' && core.entry !== null && core.entry.irq !== null ? 'interrupt' : mode;
    if (shown === core.shown) return;
    core.shown = shown;
    this.sim.out.coreModeChanged(c, { mode: shown });
  }

  private cur(c: number): Tcb {
    return this.sim.world.state.nodes[c]!.curThread;
  }

  private rt(t: Tcb): ThreadRuntime {
    return this.sim.threads[t.id]!;
  }

  private interrupt(c: number, kind: Interrupt): void {
    const core = this.cores[c]!;
    if (core.mode === 'user') {
      this.consumeUser(c);
      core.gen++;
      this.enterKernel(c, this.cur(c), null, kind);
    } else if (core.mode === 'idle') {
      this.enterKernel(c, this.cur(c), null, kind);
    } else {
      core.pendingIrq = kind; // taken when this core leaves the kernel
    }
  }

  /** Run the current thread of core c in user mode, up to its next kernel entry. */
  dispatch(c: number): void {
    const th = this.cur(c);
    if (th.isIdle) {
      this.setMode(c, 'idle');
      return;
    }
    const rt = this.rt(th);
    this.setMode(c, 'user');
    if (rt.pendingCompute > 0) {
      // Back in the middle of user work (after a preemption, or a fault reply restarting it).
      th.state = 'running';
      return this.startCompute(c, rt, this.sim.now);
    }
    if (th.state === 'restart' && rt.lastRequest !== null) {
      th.state = 'running';
      return this.enterKernel(c, th, rt.lastRequest, null);
    }
    th.state = 'running';
    let resume: unknown = th.inbox ?? rt.pendingResume;
    th.inbox = null;
    rt.pendingResume = undefined;
    for (;;) {
      const a = advance(rt, resume, this.sim.host);
      resume = undefined;
      if (a.kind === 'exit') return this.enterKernel(c, th, { op: 'exit' }, null);
      if (a.kind === 'error') return this.scriptError(c, th, a);
      const req = a.request;
      if (req.op === 'compute') {
        if (req.cycles <= 0) continue;
        rt.pendingCompute = req.cycles;
        return this.startCompute(c, rt, this.sim.now);
      }
      if (req.op === 'touch' || req.op === 'channelWrite' || req.op === 'channelRead') {
        const cost = req.op === 'touch' ? userTouchLines(this.sim, c, req) : 0;
        const r =
          req.op === 'touch'
            ? { cost, value: undefined, error: cost < 0 ? touchProblem(req) : undefined }
            : req.op === 'channelWrite'
              ? channelWrite(this.sim, c, th, req.slot, req.msg)
              : channelRead(this.sim, c, th, req.slot);
        if ('error' in r && r.error !== undefined) {
          return this.scriptError(c, th, {
            message: `'${th.name}': ${r.error}`,
            line: null,
            watchdog: false,
          });
        }
        resume = r.value;
        if (r.cost <= 0) continue;
        rt.pendingCompute = r.cost;
        rt.pendingResume = r.value;
        return this.startCompute(c, rt, this.sim.now);
      }
      rt.lastRequest = req;
      return this.enterKernel(c, th, req, null);
    }
  }

  /** A program threw, misused the API, or hit the watchdog: record it and stop the thread. */
  private scriptError(
    c: number,
    th: Tcb,
    a: { message: string; line: number | null; watchdog: boolean },
  ): void {
    const sim = this.sim;
    sim.scriptErrors.push({
      thread: th.name,
      message: a.message,
      line: a.line,
      watchdog: a.watchdog,
    });
    sim.fx.begin(sim.now, c);
    sim.emit(c, {
      type: 'faultRaised',
      thread: th.name,
      faultType: a.watchdog ? 'watchdog' : 'exception',
      detail: a.message,
      handler: null,
    });
    if (a.watchdog) {
      sim.stopWithWatchdog();
      return;
    }
    this.enterKernel(c, th, { op: 'exit', reason: a.message }, null);
  }

  /** User work until it completes or the time slice / budget runs out. */
  private startCompute(c: number, rt: ThreadRuntime, at: number): void {
    const core = this.cores[c]!;
    const th = rt.tcb;
    const slice = userSlice(this.sim.k, c, th, at);
    this.setMode(c, 'user');
    core.gen++;
    core.userStart = at;
    if (slice < rt.pendingCompute)
      this.sim.queue.push(at + Math.max(slice, 1), ItemKind.timer, c, core.gen);
    else this.sim.queue.push(at + rt.pendingCompute, ItemKind.userDone, c, core.gen);
  }

  private consumeUser(c: number): void {
    const core = this.cores[c]!;
    const th = this.cur(c);
    if (th.isIdle) return;
    const rt = this.rt(th);
    const elapsed = Math.max(0, this.sim.now - core.userStart);
    rt.pendingCompute = Math.max(0, rt.pendingCompute - elapsed);
    rt.stats.userCycles += elapsed;
    core.userStart = this.sim.now;
  }

  /** A remote-call IPI from `from` stalls `to` (a spinning core services it while it spins). */
  remoteCall(from: number, to: number): number {
    const p = this.sim.profile;
    this.sim.stats.ipis++;
    this.sim.emit(from, { type: 'ipiSent', from, to, kind: 'remoteCall' });
    const target = this.cores[to]!;
    if (target.mode === 'user' || (target.mode === 'spinning' && !this.cur(to).isIdle)) {
      // ipiStallCoreCallback: the stalled core puts its thread back in its ready queue and runs
      // idle until the reschedule IPI remoteTCBStall asks for (§1.10), so a thread being
      // suspended or moved runs no more user code meanwhile. A core spinning for the lock
      // abandons the system call it waits to make: the thread restarts it when it runs again.
      // The stall is a kernel entry on that core: its thread is charged up to now.
      updateTimestamp(this.sim.k, to, this.sim.now);
      if (target.mode === 'user') {
        this.consumeUser(to);
        target.gen++;
      } else if (this.cur(to).state === 'running') {
        setThreadState(this.sim.k, this.cur(to), 'restart');
      }
      const n = node(this.sim.k, to);
      const t = n.curThread;
      n.curThread = n.idleThread;
      this.sim.out.threadSwitched(to, {
        from: t,
        to: n.idleThread,
        idle: true,
      });
      if (target.mode === 'user') this.setMode(to, 'idle');
      if (isSchedulable(this.sim.k, t)) tcbSchedEnqueue(this.sim.k, t);
      this.sim.fx.ipiReschedulePending.add(to);
    }
    return 2 * p.ipiLatency + p.nullSyscall;
  }

  private enterKernel(c: number, th: Tcb, req: SyscallRequest | null, irq: Interrupt | null): void {
    const sim = this.sim;
    const core = this.cores[c]!;
    const mcs = sim.k.state.config.mcs;
    const name = req !== null ? syscallName(req, mcs) : INTERRUPT_NAMES[irq!];
    // A core makes one kernel entry at a time and nothing keeps an entry past its exit, so
    // each core fills in the same record rather than allocating one per entry.
    const e = core.record;
    e.thread = th;
    e.req = req;
    e.irq = irq;
    e.name = name;
    e.requestedAt = sim.now;
    e.outcome = null;
    e.cost = 0;
    e.ipis = NONE;
    e.sgis = NO_SGIS;
    e.switchCount = 0;
    e.messages = 0;
    core.entry = e;
    if (req !== null)
      sim.out.syscallEntered(c, { thread: th, syscall: name, cap: requestCap(req) });
    else sim.out.interruptTaken(c, { kind: irq! });
    const lock = sim.locks[sim.world.state.nodes[c]!.image] ?? null;
    if (lock === null) {
      this.setMode(c, 'kernel');
      return this.doKernelWork(c);
    }
    // CLH: atomically swap our request into the lock's tail; the tail line comes to this core.
    const swap = sim.touchLine(c, lock.tailLine, true);
    if (lock.request(c, sim.now)) {
      this.setMode(c, 'kernel');
      if (swap === 0) return this.doKernelWork(c);
      sim.queue.push(sim.now + swap, ItemKind.lockGrant, c, 0);
      return;
    }
    this.setMode(c, 'spinning');
  }

  private doKernelWork(c: number): void {
    const sim = this.sim;
    const core = this.cores[c]!;
    const e = core.entry!;
    const fx = sim.fx;
    const n = node(sim.k, c);
    fx.begin(sim.now, c);
    const lock = sim.locks[n.image] ?? null;
    const spun = core.mode === 'spinning';
    this.setMode(c, 'kernel');
    if (lock !== null) {
      const wait = sim.now - e.requestedAt;
      sim.out.lockAcquired(c, { image: n.image });
      if (spun) {
        sim.out.lockContended(c, { image: n.image, waitCycles: wait });
        lock.stats.spinCycles += wait;
      }
      fx.touch(lock.nodeLine(c), true);
      fx.charge(sim.profile.lockOverhead);
    }
    fx.deferSwitches = true;
    const th = n.curThread;
    if (!th.isIdle) fx.touch(th.lines.regs, true);
    const before = n.curThread;
    // Read the clock and charge the time since the last entry; MCS checks the budget, and a
    // thread whose budget ran out makes its system call again once it has budget.
    const go = kernelEntryTime(sim.k, c, e.thread, e.irq === null && e.thread === n.curThread);
    if (e.irq !== null) handleInterrupt(sim, this.cores[c]!, c, e.irq);
    else if (e.thread !== n.curThread) e.outcome = STALLED;
    else if (!go) e.outcome = OUT_OF_BUDGET;
    else e.outcome = handleSyscall(sim.k, e.thread, e.req!);
    // Classic: the tick that ended the slice came while in the kernel; taken on the way out.
    if (e.irq === null && classicSliceOver(sim.k, c)) core.pendingIrq ??= 'timer';
    fx.flushChanged();
    scheduleTimed(sim.k);
    this.armRelease(c);
    fx.deferSwitches = false;
    // Into the core's own list, reused entry to entry with a count: no array allocated or
    // resized per entry (splice(0) and `length = 0` both cost a runtime call in V8).
    for (let i = 0; i < fx.switchCount; i++) e.switches[i] = fx.switches[i]!;
    e.switchCount = fx.switchCount;
    fx.switchCount = 0;
    const switched = n.curThread !== before && !n.curThread.isIdle;
    e.cost = Math.max(
      1,
      Math.round(kernelEntryCost(sim, e.req, e.irq, e.outcome, switched, fx.messages) + fx.cost),
    );
    e.ipis =
      fx.ipiReschedulePending.size === 0
        ? NONE
        : [...fx.ipiReschedulePending].sort((a, b) => a - b);
    e.sgis = fx.sgis.length === 0 ? NO_SGIS : [...fx.sgis];
    e.messages = fx.messages;
    sim.stats.messages += fx.messages;
    sim.queue.push(sim.now + e.cost, ItemKind.kernelExit, c, 0);
  }

  /** MCS: arm the release interrupt for the head of this core's release queue (setNextInterrupt). */
  private armRelease(c: number): void {
    const at = nextRelease(this.sim.k, c);
    const core = this.cores[c]!;
    if (at === null || at === core.releaseAt) return;
    core.releaseAt = Math.max(at, this.sim.now) + irqJitter(this.sim.profile, this.sim.rng);
    this.sim.queue.push(core.releaseAt, ItemKind.release, c, 0);
  }

  private exitKernel(c: number): void {
    const sim = this.sim;
    const core = this.cores[c]!;
    const e = core.entry!;
    const n = node(sim.k, c);
    writeExit(sim, c, e);
    for (let i = 0; i < e.switchCount; i++) sim.out.threadSwitched(c, e.switches[i]!);
    accountEntry(this.sim, e);
    const lock = sim.locks[n.image] ?? null;
    if (lock !== null) {
      sim.out.lockReleased(c, { image: n.image });
      const next = lock.release();
      if (next !== null) {
        // The successor spins on our request line: it migrates to it when we release.
        const handover = sim.touchLine(next.core, lock.nodeLine(c), false);
        sim.queue.push(sim.now + handover, ItemKind.lockGrant, next.core, 0);
      }
    }
    sendEntryIpis(sim, this.cores, c, e);
    core.entry = null;
    const pending = core.pendingIrq;
    if (pending !== null) {
      core.pendingIrq = null;
      this.enterKernel(c, n.curThread, null, pending);
      return;
    }
    this.dispatch(c);
  }
}
