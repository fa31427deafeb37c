// The app's SimClient: the engine in a module Web Worker, with a watchdog. The page pings the
// worker while it is quiet; if it says nothing for `timeoutMs` (a program loop the loop guards
// missed, or setup code that never returns), the worker is terminated, a new one is started, and
// the scenario is loaded again with the same source, so no script is ever lost.
import {
  PROTOCOL_VERSION,
  type FromWorker,
  type Request,
  type ToWorker,
} from '../protocol/messages';
import { Listeners, type SimClient, type SimListener } from './simClient';

export interface WorkerSimClientOptions {
  /** Silence after which the worker counts as hung (default 5000 ms; the engine's own
   * watchdog stops a program after 2000 ms, so this only catches what that one cannot). */
  timeoutMs?: number;
  /** How often to check, and to ping a quiet worker (default 1000 ms). */
  pingMs?: number;
}

type Remembered = Extract<Request, { type: 'load' | 'setBreakpoints' | 'setSpeed' }>;

function startWorker(): Worker {
  return new Worker(new URL('./simWorker.ts', import.meta.url), { type: 'module', name: 'sim' });
}

export class WorkerSimClient implements SimClient {
  private readonly listeners = new Listeners();
  private worker: Worker;
  private seq = 0;
  private lastHeard = performance.now();
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly remembered = new Map<Remembered['type'], Remembered>();
  /** The last load finished: reloading it after a restart is safe (it did not hang itself). */
  private loadCompleted = false;
  private loadSeq = 0;
  private readonly timeoutMs: number;

  constructor(opts: WorkerSimClientOptions = {}) {
    this.timeoutMs = opts.timeoutMs ?? 5000;
    this.worker = this.spawn();
    this.timer = setInterval(() => this.check(), opts.pingMs ?? 1000);
  }

  private spawn(): Worker {
    const w = startWorker();
    w.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    w.onerror = (e) => {
      e.preventDefault();
      this.restart(`the simulation worker failed: ${e.message || 'unknown error'}`);
    };
    this.lastHeard = performance.now();
    return w;
  }

  private receive(msg: FromWorker): void {
    this.lastHeard = performance.now();
    if (msg.type === 'done' && msg.seq === this.loadSeq) this.loadCompleted = true;
    this.listeners.emit(msg);
  }

  private check(): void {
    const quiet = performance.now() - this.lastHeard;
    if (quiet > this.timeoutMs) {
      this.restart(
        `the simulation stopped responding for ${Math.round(quiet / 1000)} s ` +
          '(a loop in a program or in setup that never enters the kernel?)',
      );
    } else if (quiet > 900) {
      this.post({ type: 'ping' });
    }
  }

  private restart(why: string): void {
    this.worker.terminate();
    this.worker = this.spawn();
    const load = this.remembered.get('load');
    const reload = load !== undefined && this.loadCompleted;
    this.listeners.emit({
      v: PROTOCOL_VERSION,
      seq: 0,
      type: 'error',
      kind: 'watchdog',
      restarted: { reloaded: reload },
      message:
        `Restarted the simulation: ${why}. ` +
        (reload
          ? 'The scenario was loaded again from its source; nothing was lost.'
          : 'The scenario was not loaded again, since loading it is what hung; its source is kept.'),
      file: null,
      line: null,
      column: null,
    });
    for (const r of this.remembered.values()) {
      if (r.type !== 'load') this.post(r);
    }
    if (reload) this.send(load);
  }

  private post(request: Request): number {
    const seq = ++this.seq;
    const msg: ToWorker = { v: PROTOCOL_VERSION, seq, ...request };
    this.worker.postMessage(msg);
    return seq;
  }

  send(request: Request): number {
    if (
      request.type === 'load' ||
      request.type === 'setBreakpoints' ||
      request.type === 'setSpeed'
    ) {
      this.remembered.set(request.type, request);
    }
    const seq = this.post(request);
    if (request.type === 'load') {
      this.loadSeq = seq;
      this.loadCompleted = false;
    }
    return seq;
  }

  subscribe(listener: SimListener): () => void {
    return this.listeners.add(listener);
  }

  dispose(): void {
    clearInterval(this.timer);
    this.worker.terminate();
  }
}
