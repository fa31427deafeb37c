/// <reference lib="webworker" />
// The worker entry (style.md §3.6: thin): decode a request, hand it to the session, post replies.
import type { ToWorker } from '../protocol/messages';
import { SimSession } from './simSession';

declare const self: DedicatedWorkerGlobalScope;

const channel = new MessageChannel();
const queued: (() => void)[] = [];
// A MessageChannel turn runs the next slice without setTimeout's 4 ms clamp, and still lets
// pause, ack and ping messages in between slices.
channel.port1.onmessage = () => queued.shift()?.();

const session = new SimSession({
  post: (msg, transfer) => self.postMessage(msg, transfer ?? []),
  now: () => performance.now(),
  defer: (fn, ms) => {
    if (ms > 0) {
      setTimeout(fn, ms);
      return;
    }
    queued.push(fn);
    channel.port2.postMessage(0);
  },
});

self.onmessage = (e: MessageEvent<ToWorker>) => session.handle(e.data);
