// `sweep()`: run a scenario over a grid of configurations, on worker threads, and return the
// rows `ipcscope sweep --json` prints, in point order whatever the number of threads.
import { availableParallelism } from 'node:os';
import type { LoadedScenario } from '../../loader/loadScenario';
import type { ConfigOverrides } from '../../sim/config';
import { fullLimits, resolveRunConfig, type RunLimits } from '../simulate';
import { shardIndices, sweepPoints, type Shard, type SweepGrid } from '../sweepGrid';
import { runSweepPoint, type PointJob } from '../sweepPoint';
import type { SweepRow } from '../sweepRow';
import { runOnThreads } from './threadPool';

export interface SweepOptions {
  /** Worker threads (default: the number of cores); 1 runs every point in this thread. */
  jobs?: number;
  limits?: Partial<RunLimits>;
  /** Run only this shard's points (every `count`-th, from `index` - 1). */
  shard?: Shard | null;
  /** Called with each row in point order as soon as it and all before it are done. */
  onRow?: (row: SweepRow, done: number, total: number) => void;
  /** Called as each point finishes, in any order: points done so far and the total. */
  onProgress?: (done: number, total: number) => void;
}

export function defaultJobs(): number {
  return availableParallelism();
}

/** Run `grid` (or an explicit list of points); resolves with the rows of the points run. */
export async function sweep(
  loaded: LoadedScenario,
  grid: SweepGrid | readonly ConfigOverrides[],
  opts: SweepOptions = {},
): Promise<SweepRow[]> {
  const all = Array.isArray(grid)
    ? (grid as readonly ConfigOverrides[])
    : sweepPoints(grid as SweepGrid);
  const points = shardIndices(all.length, opts.shard ?? null).map((index) => ({
    index,
    point: all[index]!,
  }));
  // Every override is checked before anything runs: a bad one is the caller's error.
  for (const p of points) resolveRunConfig(loaded, p.point);
  const job: PointJob = {
    source: loaded.source,
    file: loaded.file,
    limits: fullLimits(opts.limits),
  };
  const total = points.length;
  const onRow = (row: SweepRow, at: number): void => opts.onRow?.(row, at + 1, total);
  const jobs = opts.jobs ?? defaultJobs();
  const onDone = (done: number): void => opts.onProgress?.(done, total);
  if (jobs > 1 && total > 1) return runOnThreads(job, points, jobs, onRow, onDone);
  const rows: SweepRow[] = [];
  for (const p of points) {
    const row = runSweepPoint(job, p.point);
    rows.push(row);
    onDone(rows.length);
    onRow(row, rows.length - 1);
  }
  return rows;
}
