// Runs one sweep's points on worker threads. Points go out one at a time to whichever thread is
// free (points differ a lot in cost), the largest first; rows are handed back in point order,
// so the result never depends on the number of threads or on which one finished first.
import type { Worker } from 'node:worker_threads';
import type { ConfigOverrides } from '../../sim/config';
import { ConfigOverrideError, ScenarioFailure } from '../errors';
import type { PointJob } from '../sweepPoint';
import type { SweepRow } from '../sweepRow';
import type { PointReply, PointRequest } from './threadProtocol';
import { releaseThreads, takeThreads } from './warmThreads';

function failure(f: { name: string; message: string }): Error {
  if (f.name === 'ScenarioFailure') return new ScenarioFailure(f.message);
  if (f.name === 'ConfigOverrideError') return new ConfigOverrideError(f.message);
  return new Error(`a sweep thread failed: ${f.name}: ${f.message}`);
}

let sweeps = 0;

/**
 * Run `points` on `threads` worker threads. `onRow` is called in point order; the promise
 * resolves with every row, in point order, or rejects on the first failure.
 */
export function runOnThreads(
  job: PointJob,
  points: readonly { index: number; point: ConfigOverrides }[],
  threads: number,
  onRow: (row: SweepRow, at: number) => void,
  onDone: (done: number) => void = () => {},
): Promise<SweepRow[]> {
  const sweep = ++sweeps;
  const rows: (SweepRow | undefined)[] = new Array<SweepRow | undefined>(points.length);
  const position = new Map(points.map((p, at) => [p.index, at]));
  // Bigger machines first (a point's cost grows with its cores), so the last point to finish is
  // a small one and no thread waits long for the others at the end.
  const order = [...points].sort((a, b) => (b.point.cores ?? 0) - (a.point.cores ?? 0));
  let next = 0;
  let delivered = 0;
  let done = 0;
  if (points.length === 0) return Promise.resolve([]);
  const workers = takeThreads(Math.max(1, Math.min(threads, points.length)));
  const served = new WeakSet<Worker>();
  return new Promise<SweepRow[]>((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null): void => {
      if (settled) return;
      settled = true;
      for (const [w, off] of detach) off(w);
      // A failed sweep may leave points running; those threads are not reused.
      releaseThreads(workers, error === null);
      if (error) reject(error);
      else resolve(rows as SweepRow[]);
    };
    const feed = (w: Worker): void => {
      const p = order[next++];
      if (p === undefined) return;
      const req: PointRequest = { sweep, index: p.index, point: p.point };
      if (!served.has(w)) {
        served.add(w);
        req.job = job;
      }
      w.postMessage(req);
    };
    const receive = (w: Worker, reply: PointReply): void => {
      if (reply.sweep !== sweep) return;
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
    const detach = new Map<Worker, (w: Worker) => void>();
    for (const w of workers) {
      const onMessage = (reply: PointReply): void => receive(w, reply);
      const onError = (e: Error): void => finish(new Error(`a sweep thread failed: ${e.message}`));
      const onExit = (code: number): void =>
        finish(new Error(`a sweep thread exited with code ${code}`));
      w.on('message', onMessage).on('error', onError).on('exit', onExit);
      detach.set(w, () => w.off('message', onMessage).off('error', onError).off('exit', onExit));
      feed(w);
    }
  });
}
