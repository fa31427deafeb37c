// The points of a sweep: the cartesian product of its lists, in a fixed order (platform, kernel,
// params in the order given, cores, seed: the last list varies fastest), and the stable
// assignment of points to shards (point k belongs to shard k mod n).
import type { ConfigOverrides } from '../sim/config';

export interface SweepGrid {
  platform?: string[];
  kernel?: string[];
  /** Parameter name -> values; the names' order is the order of the columns. */
  params?: Record<string, number[]>;
  cores?: number[];
  seed?: number[];
  /** The MCS kernel for every point. */
  mcs?: boolean;
}

/** Which part of the points to run: shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** Cartesian product: each axis multiplies the points so far. */
function expand<T>(
  points: ConfigOverrides[],
  values: readonly T[] | undefined,
  set: (o: ConfigOverrides, v: T) => void,
): ConfigOverrides[] {
  if (values === undefined) return points;
  return points.flatMap((p) =>
    values.map((v) => {
      const o: ConfigOverrides = { ...p, ...(p.params ? { params: { ...p.params } } : {}) };
      set(o, v);
      return o;
    }),
  );
}

export function sweepPoints(grid: SweepGrid): ConfigOverrides[] {
  let points: ConfigOverrides[] = [grid.mcs === true ? { mcs: true } : {}];
  points = expand(points, grid.platform, (o, x) => (o.platform = x));
  points = expand(points, grid.kernel, (o, x) => (o.kernel = x));
  for (const [name, values] of Object.entries(grid.params ?? {})) {
    points = expand(points, values, (o, x) => (o.params = { ...o.params, [name]: x }));
  }
  points = expand(points, grid.cores, (o, x) => (o.cores = x));
  points = expand(points, grid.seed, (o, x) => (o.seed = x));
  return points;
}

/** Indices of the points shard i/n runs: every n-th, starting at i - 1. */
export function shardIndices(total: number, shard: Shard | null): number[] {
  const all = Array.from({ length: total }, (_, k) => k);
  return shard === null ? all : all.filter((k) => k % shard.count === shard.index - 1);
}
