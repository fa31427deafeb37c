// Drives a SimClient the way the page does (mirror the log, ack every batch) and lets a test
// await the end of each request. Used by the session tests and by Node tools.
import { EventLog } from '../../projection/eventLog';
import { applyDelta } from '../../projection/projectionDelta';
import type { Projection } from '../../projection/types';
import type { FromWorker, Request } from '../../protocol/messages';
import type { SimClient } from '../simClient';

type Of<T extends FromWorker['type']> = Extract<FromWorker, { type: T }>;

export class SessionDriver {
  /** The page's mirror of the log (a new one for every run the worker shows). */
  mirror = new EventLog();
  readonly messages: FromWorker[] = [];
  cursor = 0;
  projection: Projection | null = null;
  private waiters = new Map<number, () => void>();
  private idleWaiters: (() => void)[] = [];
  private running = false;
  /** Called after each projection delta is applied (tests check it against a fold). */
  onDelta: ((d: SessionDriver) => void) | null = null;

  constructor(readonly client: SimClient) {
    client.subscribe((m) => this.receive(m));
  }

  private receive(m: FromWorker): void {
    this.messages.push(m);
    if (m.type === 'loaded') this.mirror = new EventLog();
    if (m.type === 'events') {
      this.mirror.appendBatch(m.batch);
      this.cursor = m.cursor;
      if (m.delta !== null && this.projection !== null) {
        this.projection = applyDelta(this.projection, m.delta);
        this.onDelta?.(this);
      }
      this.running = m.running;
      this.client.send({ type: 'ack', batch: m.batchId });
    } else if (m.type === 'snapshot') {
      this.projection = m.projection;
      this.cursor = m.index;
    } else if (m.type === 'stopped') {
      this.running = false;
      for (const w of this.idleWaiters.splice(0)) w();
    } else if (m.type === 'done') {
      this.waiters.get(m.seq)?.();
      this.waiters.delete(m.seq);
    }
  }

  /** Send a request and wait for its `done`; returns the messages that answered it. */
  async request(r: Request): Promise<FromWorker[]> {
    const seq = this.client.send(r);
    await new Promise<void>((resolve) => this.waiters.set(seq, resolve));
    return this.messages.filter((m) => m.seq === seq);
  }

  /** Run and wait until the run stops (end, breakpoint, cap). */
  async runToStop(): Promise<Of<'stopped'>> {
    const stopped = new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    await this.request({ type: 'run' });
    const last = this.messages[this.messages.length - 1];
    if (!(last?.type === 'stopped' && !this.running)) await stopped;
    // The stop's snapshot arrives just before `stopped`.
    return this.last('stopped')!;
  }

  last<T extends FromWorker['type']>(type: T): Of<T> | undefined {
    for (let i = this.messages.length - 1; i >= 0; i--) {
      const m = this.messages[i]!;
      if (m.type === type) return m as Of<T>;
    }
    return undefined;
  }

  errors(): Of<'error'>[] {
    return this.messages.filter((m): m is Of<'error'> => m.type === 'error');
  }
}
