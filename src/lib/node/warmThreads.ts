// The sweep threads of this process, kept after a sweep so the next one starts on warm threads:
// a sweep point runs for tens of milliseconds, about what a fresh thread spends compiling the
// engine, so a pool started per sweep gains little from a second core. Idle threads are unref'd
// and never keep the process alive.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** The thread entry beside this module: sweepThread.ts in a checkout, sweepThread.js when built. */
function startThread(): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./sweepThread.js', import.meta.url));
  }
  // Running from TypeScript sources (tests, a checkout): the thread registers the same loader
  // before it imports the TypeScript entry.
  const tsxRoot = createRequire(import.meta.url).resolve('tsx/package.json');
  const api = pathToFileURL(tsxRoot.replace(/package\.json$/, 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./sweepThread.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(api)}).then((t) => { t.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true });
}

const idle: Worker[] = [];
const gone = new WeakSet<Worker>();

/** `count` threads for one sweep, warm ones first; give them back with `releaseThreads`. */
export function takeThreads(count: number): Worker[] {
  const taken = idle.splice(0, count);
  while (taken.length < count) {
    const w = startThread();
    // A thread that dies (a crash, `terminate`) is never handed out again.
    w.once('exit', () => gone.add(w));
    taken.push(w);
  }
  for (const w of taken) w.ref();
  return taken;
}

/** Return a sweep's threads: healthy ones wait, unref'd, for the next sweep. */
export function releaseThreads(threads: readonly Worker[], healthy: boolean): void {
  for (const w of threads) {
    if (!healthy || gone.has(w)) {
      void w.terminate();
      continue;
    }
    w.unref();
    idle.push(w);
  }
}
