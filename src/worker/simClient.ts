// One interface in front of two transports (style.md §3.6): WorkerSimClient runs the engine in a
// module Web Worker for the app; InProcessSimClient runs the same SimSession in this process for
// tests and Node tools. The store and the views never know which one they talk to.
import type { FromWorker, Request } from '../protocol/messages';

export type SimListener = (msg: FromWorker) => void;

export interface SimClient {
  /** Send a request; returns its sequence number (replies carry it, `done` ends it). */
  send(request: Request): number;
  /** Receive every message from the engine; returns the unsubscribe function. */
  subscribe(listener: SimListener): () => void;
  dispose(): void;
}

/** Fan-out of engine messages to subscribers, shared by both transports. */
export class Listeners {
  private readonly list = new Set<SimListener>();

  add(l: SimListener): () => void {
    this.list.add(l);
    return () => this.list.delete(l);
  }

  emit(msg: FromWorker): void {
    for (const l of this.list) l(msg);
  }
}
