// The app's sweep pool: runs the points of a sweep on a few Web Workers, the way `ipcscope sweep
// --jobs N` runs them on worker threads (src/lib/node/threadPool.ts). Points go out one at a time
// to whichever worker is free, the biggest machines first (a point's cost grows with its cores);
// each row lands at its point's index, so the result never depends on the pool's size or on which
// worker finished first. The first failure (a scenario that does not load, an override it
// rejects) ends the sweep with its message; cancel ends it at once, keeping the rows so far.
import type { PointJob } from '../../lib/sweepPoint';
import type { SweepRow } from '../../lib/sweepRow';
import type { ConfigOverrides } from '../../sim/config';
import type { FromSweepWorker, ToSweepWorker } from './sweepMessages';

export interface SweepWorkerHandle {
  post(msg: ToSweepWorker): void;
  terminate(): void;
}

/** Start one worker; it calls onReply with each reply and onError if it dies. */
export type SpawnSweepWorker = (
  onReply: (reply: FromSweepWorker) => void,
  onError: (message: string) => void,
) => SweepWorkerHandle;

/**
 * Every worker holds its own engine and scenario transpiler (tens of MB), and a page on a big
 * machine should not start dozens of them: a few keep every core of a laptop busy.
 */
export const MAX_POOL_SIZE = 8;

/** Workers for `points` points: one per logical core (navigator.hardwareConcurrency), bounded. */
export function poolSize(hardwareConcurrency: number | undefined, points: number): number {
  const cores =
    hardwareConcurrency !== undefined && hardwareConcurrency >= 1
      ? Math.floor(hardwareConcurrency)
      : 2;
  return Math.max(1, Math.min(cores, MAX_POOL_SIZE, points));
}

/** Rows by point index; a hole is a point not run (yet). */
export type PartialRows = (SweepRow | undefined)[];

export type SweepOutcome =
  | { kind: 'done'; rows: SweepRow[] }
  | { kind: 'cancelled'; rows: PartialRows }
  | { kind: 'failed'; message: string; rows: PartialRows };

export interface SweepPoolOptions {
  size: number;
  spawn: SpawnSweepWorker;
  /** Called as each point finishes (in any order) with its row and the points done so far. */
  onRow?: (row: SweepRow, index: number, done: number, total: number) => void;
}

export interface SweepPoolRun {
  readonly result: Promise<SweepOutcome>;
  /** Stop every worker now; the result resolves as cancelled. */
  cancel(): void;
}

export function runSweepPool(
  job: PointJob,
  points: readonly ConfigOverrides[],
  opts: SweepPoolOptions,
): SweepPoolRun {
  const total = points.length;
  const rows: PartialRows = new Array<SweepRow | undefined>(total);
  const order = points
    .map((point, index) => ({ point, index }))
    .sort((a, b) => (b.point.cores ?? 0) - (a.point.cores ?? 0));
  const workers: SweepWorkerHandle[] = [];
  let next = 0;
  let done = 0;
  let settle: (o: SweepOutcome) => void = () => {};
  const result = new Promise<SweepOutcome>((resolve) => (settle = resolve));
  let settled = false;
  const finish = (o: SweepOutcome): void => {
    if (settled) return;
    settled = true;
    for (const w of workers) w.terminate();
    settle(o);
  };
  const feed = (w: SweepWorkerHandle): void => {
    const p = order[next++];
    if (p !== undefined) w.post({ type: 'point', index: p.index, point: p.point });
  };
  const receive = (w: SweepWorkerHandle, reply: FromSweepWorker): void => {
    if (settled) return;
    if ('failure' in reply) {
      finish({ kind: 'failed', message: reply.failure.message, rows });
      return;
    }
    rows[reply.index] = reply.row;
    done++;
    opts.onRow?.(reply.row, reply.index, done, total);
    if (done === total) finish({ kind: 'done', rows: rows as SweepRow[] });
    else feed(w);
  };
  if (total === 0) finish({ kind: 'done', rows: [] });
  const count = Math.max(1, Math.min(opts.size, total));
  for (let i = 0; i < count && !settled; i++) {
    let handle: SweepWorkerHandle | null = null;
    const w: SweepWorkerHandle = {
      post: (m) => handle?.post(m),
      terminate: () => handle?.terminate(),
    };
    handle = opts.spawn(
      (reply) => receive(w, reply),
      (message) => finish({ kind: 'failed', message: `a sweep worker failed: ${message}`, rows }),
    );
    workers.push(w);
    w.post({ type: 'job', job });
    feed(w);
  }
  return { result, cancel: () => finish({ kind: 'cancelled', rows }) };
}
