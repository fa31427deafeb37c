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
  readonly dirty = new Set<Endpoint | Notification>();
  readonly sgis: { core: number; ntfn: Notification }[] = [];
  /**
   * While a kernel entry runs, the scheduler's threadSwitched events wait here: the entry
   * belongs to the thread that entered, and the core runs the chosen thread only from the
   * entry's end (the runner emits them after syscallExited).
   */
  deferSwitches = false;
  readonly switches: ThreadSwitch[] = [];

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
    if (this.dirty.size > 0) this.dirty.clear();
    if (this.sgis.length > 0) this.sgis.length = 0;
  }

  sendSgi(core: number, ntfn: Notification): void {
    this.sgis.push({ core, ntfn });
  }

  changed(o: Endpoint | Notification): void {
    this.dirty.add(o);
  }

  /** Report every endpoint and notification this entry changed, in the order first changed. */
  flushChanged(): void {
    if (this.dirty.size === 0) return;
    for (const o of this.dirty) {
      this.out.objectChanged(this.core, {
        object: o,
        kind: o.kind,
        state: o.state,
        queue: o.queue,
        word: o.kind === 'notification' ? o.word : 0,
      });
    }
    this.dirty.clear();
  }

  /** The scheduler switched this core's thread (deferred to the entry's end while it runs). */
  switched(s: ThreadSwitch): void {
    if (this.deferSwitches) this.switches.push(s);
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
