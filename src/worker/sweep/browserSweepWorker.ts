// The pool's workers in the app: module Web Workers running sweepWorker.ts (Vite bundles it).
import type { FromSweepWorker } from './sweepMessages';
import type { SpawnSweepWorker } from './sweepPool';

export const spawnBrowserSweepWorker: SpawnSweepWorker = (onReply, onError) => {
  const w = new Worker(new URL('./sweepWorker.ts', import.meta.url), {
    type: 'module',
    name: 'sweep',
  });
  w.onmessage = (e: MessageEvent<FromSweepWorker>) => onReply(e.data);
  w.onerror = (e) => {
    e.preventDefault();
    onError(e.message || 'unknown error');
  };
  return { post: (m) => w.postMessage(m), terminate: () => w.terminate() };
};
