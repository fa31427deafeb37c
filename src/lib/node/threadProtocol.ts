// Messages between `sweep()` and its worker threads (structured-clone safe).
import type { ConfigOverrides } from '../../sim/config';
import type { PointJob } from '../sweepPoint';
import type { SweepRow } from '../sweepRow';

/** workerData of every sweep thread: the scenario and the limits, sent once. */
export type ThreadData = PointJob;

export interface PointRequest {
  index: number;
  point: ConfigOverrides;
}

export type PointReply =
  { index: number; row: SweepRow } | { index: number; failure: { name: string; message: string } };
