/// <reference lib="webworker" />
// A sweep Web Worker (thin, like simWorker.ts): one point at a time, each reply posted back.
import { createPointRunner } from './pointRunner';
import type { ToSweepWorker } from './sweepMessages';

declare const self: DedicatedWorkerGlobalScope;

const run = createPointRunner();
self.onmessage = (e: MessageEvent<ToSweepWorker>) => {
  const reply = run(e.data);
  if (reply !== null) self.postMessage(reply);
};
