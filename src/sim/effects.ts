// The kernel's window on the machine during one kernel entry: time, core, the cycles the entry
// has cost so far, cache-line accesses and emitted events (kernelState.ts KernelEffects).
import type { KernelEffects } from './kernel/kernelState';
import type { Endpoint, Notification } from './kernel/objects';
import type { Line } from './machine/cacheLines';
import type { Writers } from './events/writers';
import type { SimEventBody, ThreadSwitch } from './simEvents';

export interface EffectsHost {
  emit(core: number, body: SimEventBody): void;
  readonly out: Writers;
  touchLine(core: number, line: Line, write: boolean): number;
  remoteCall(from: number, to: number): number;
}

export class EntryEffects implements KernelEffects {
  now = 0;
  core = 0;
  cost = 0;
  messages = 0;
  readonly ipiReschedulePending = new Set<number>();
  /** Objects changed this entry, in the order first changed (one or two: a list beats a Set). */
  private readonly dirty: (Endpoint | Notification)[] = [];
  private dirtyCount = 0;
  readonly sgis: { core: number; ntfn: Notification }[] = [];
  /**
   * While a kernel entry runs, the scheduler's threadSwitched events wait here: the entry
   * belongs to the thread that entered, and the core runs the chosen thread only from the
   * entry's end (the runner emits them after syscallExited).
   */
  deferSwitches = false;
  /** The first switchCount are this entry's (a list reused from entry to entry). */
  readonly switches: ThreadSwitch[] = [];
  switchCount = 0;

  /** The writers, for the kernel's hot paths (events written at this entry's core). */
  readonly out: Writers;

  constructor(private readonly host: EffectsHost) {
    this.out = host.out;
  }

  begin(now: number, core: number): void {
    this.now = now;
    this.core = core;
    this.cost = 0;
    this.messages = 0;
    if (this.ipiReschedulePending.size > 0) this.ipiReschedulePending.clear();
    // Lists reused with a count, not emptied: `length = 0` is a runtime call in V8, per entry.
    this.dirtyCount = 0;
    if (this.sgis.length > 0) this.sgis.length = 0;
  }

  sendSgi(core: number, ntfn: Notification): void {
    this.sgis.push({ core, ntfn });
  }

  changed(o: Endpoint | Notification): void {
    for (let i = 0; i < this.dirtyCount; i++) if (this.dirty[i] === o) return;
    this.dirty[this.dirtyCount++] = o;
  }

  /** Report every endpoint and notification this entry changed, in the order first changed. */
  flushChanged(): void {
    for (let i = 0; i < this.dirtyCount; i++) {
      const o = this.dirty[i]!;
      this.out.objectChanged(this.core, {
        object: o,
        kind: o.kind,
        state: o.state,
        queue: o.queue,
        word: o.kind === 'notification' ? o.word : 0,
      });
    }
    this.dirtyCount = 0;
  }

  /** The scheduler switched this core's thread (deferred to the entry's end while it runs). */
  switched(s: ThreadSwitch): void {
    if (this.deferSwitches) this.switches[this.switchCount++] = s;
    else this.out.threadSwitched(this.core, s);
  }

  emit(body: SimEventBody): void {
    this.host.emit(this.core, body);
  }

  touch(line: Line, write: boolean): void {
    this.cost += this.host.touchLine(this.core, line, write);
  }

  charge(cycles: number): void {
    this.cost += cycles;
  }

  remoteCall(core: number): void {
    this.cost += this.host.remoteCall(this.core, core);
  }
}
