// The SimClient for tests and Node tools: the same SimSession, in this process. Messages go
// through structuredClone both ways, as they would through postMessage, so whatever passes here
// also crosses a real worker boundary; delivery is asynchronous, as it is from a worker.
import { PROTOCOL_VERSION, type FromWorker, type Request } from '../protocol/messages';
import { Listeners, type SimClient, type SimListener } from './simClient';
import { SimSession } from './simSession';

export class InProcessSimClient implements SimClient {
  private readonly listeners = new Listeners();
  private readonly session: SimSession;
  private seq = 0;
  private disposed = false;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor() {
    this.session = new SimSession({
      post: (msg: FromWorker, transfer?: Transferable[]) => {
        const copy = structuredClone(msg, { transfer: transfer ?? [] });
        this.later(() => this.listeners.emit(copy), 0);
      },
      now: () => performance.now(),
      defer: (fn, ms) => this.later(fn, ms),
    });
  }

  private later(fn: () => void, ms: number): void {
    if (this.disposed) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (!this.disposed) fn();
    }, ms);
    this.timers.add(t);
  }

  send(request: Request): number {
    const seq = ++this.seq;
    const msg = structuredClone({ v: PROTOCOL_VERSION, seq, ...request });
    this.later(() => this.session.handle(msg), 0);
    return seq;
  }

  subscribe(listener: SimListener): () => void {
    return this.listeners.add(listener);
  }

  dispose(): void {
    this.disposed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
