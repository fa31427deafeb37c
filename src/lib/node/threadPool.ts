// A pool of worker threads that runs sweep points. Points go out one at a time to whichever
// thread is free (points differ a lot in cost), the largest first; rows are handed back in point
// order, so the result never depends on the number of threads or on which one finished first.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ConfigOverrides } from '../../sim/config';
import { ConfigOverrideError, ScenarioFailure } from '../errors';
import type { SweepRow } from '../sweepRow';
import type { PointReply, PointRequest, ThreadData } from './threadProtocol';

/** The thread entry beside this module: sweepThread.ts in a checkout, sweepThread.js when built. */
function startThread(data: ThreadData): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./sweepThread.js', import.meta.url), { workerData: data });
  }
  // Running from TypeScript sources (tests, a checkout): the thread registers the same loader
  // before it imports the TypeScript entry.
  const tsxRoot = createRequire(import.meta.url).resolve('tsx/package.json');
  const api = pathToFileURL(tsxRoot.replace(/package\.json$/, 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./sweepThread.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(api)}).then((t) => { t.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData: data });
}

function failure(f: { name: string; message: string }): Error {
  if (f.name === 'ScenarioFailure') return new ScenarioFailure(f.message);
  if (f.name === 'ConfigOverrideError') return new ConfigOverrideError(f.message);
  return new Error(`a sweep thread failed: ${f.name}: ${f.message}`);
}

/**
 * Run `points` on `threads` worker threads. `onRow` is called in point order; the promise
 * resolves with every row, in point order, or rejects on the first failure.
 */
export function runOnThreads(
  data: ThreadData,
  points: readonly { index: number; point: ConfigOverrides }[],
  threads: number,
  onRow: (row: SweepRow, at: number) => void,
  onDone: (done: number) => void = () => {},
): Promise<SweepRow[]> {
  const rows: (SweepRow | undefined)[] = new Array<SweepRow | undefined>(points.length);
  const position = new Map(points.map((p, at) => [p.index, at]));
  const workers: Worker[] = [];
  // Bigger machines first (a point's cost grows with its cores), so the last point to finish is
  // a small one and no thread waits long for the others at the end.
  const order = [...points].sort((a, b) => (b.point.cores ?? 0) - (a.point.cores ?? 0));
  let next = 0;
  let delivered = 0;
  let done = 0;
  return new Promise<SweepRow[]>((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null): void => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve(rows as SweepRow[]);
    };
    const feed = (w: Worker): void => {
      const p = order[next++];
      if (p !== undefined) w.postMessage({ index: p.index, point: p.point } satisfies PointRequest);
    };
    const receive = (w: Worker, reply: PointReply): void => {
      if ('failure' in reply) return finish(failure(reply.failure));
      rows[position.get(reply.index)!] = reply.row;
      onDone(++done);
      while (delivered < points.length && rows[delivered] !== undefined) {
        onRow(rows[delivered]!, delivered);
        delivered++;
      }
      if (delivered === points.length) return finish(null);
      feed(w);
    };
    const count = Math.max(1, Math.min(threads, points.length));
    for (let i = 0; i < count && points.length > 0; i++) {
      const w = startThread(data);
      workers.push(w);
      w.on('message', (reply: PointReply) => receive(w, reply));
      w.on('error', (e) => finish(new Error(`a sweep thread failed: ${e.message}`)));
      w.on('exit', (code) => {
        if (code !== 0) finish(new Error(`a sweep thread exited with code ${code}`));
      });
      feed(w);
    }
    if (points.length === 0) finish(null);
  });
}
