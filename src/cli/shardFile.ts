// The JSON-lines file of one shard of a sweep (`ipcscope sweep --shard i/n`): a header line that
// identifies the sweep (the scenario's source hash, every point of the grid, the limits) and the
// shard, then one line per point run, with the point's index in the whole sweep.
import { createHash } from 'node:crypto';
import type { LoadedScenario } from '../loader/loadScenario';
import type { RunLimits } from '../lib/simulate';
import type { Shard } from '../lib/sweepGrid';
import type { SweepRow } from '../lib/sweepRow';
import type { ConfigOverrides } from '../sim/config';

export const SHARD_FORMAT = 'ipcscope-sweep-shard';
export const SHARD_VERSION = 1;

export interface ShardHeader {
  format: typeof SHARD_FORMAT;
  version: number;
  scenario: { file: string; name: string; sha256: string };
  /** Every point of the whole sweep, in order. */
  points: ConfigOverrides[];
  limits: RunLimits;
  shard: Shard;
  /** How many rows this shard holds when complete. */
  rows: number;
}

export interface ShardLine {
  index: number;
  row: SweepRow;
}

export function shardHeader(
  loaded: LoadedScenario,
  points: ConfigOverrides[],
  limits: RunLimits,
  shard: Shard,
  rows: number,
): ShardHeader {
  return {
    format: SHARD_FORMAT,
    version: SHARD_VERSION,
    scenario: {
      file: loaded.file,
      name: loaded.scenario.name,
      sha256: createHash('sha256').update(loaded.source).digest('hex'),
    },
    points,
    limits,
    shard,
    rows,
  };
}
