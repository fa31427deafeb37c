// Messages between `sweep()` and its worker threads (structured-clone safe). A thread outlives
// one sweep (it stays warm for the next), so the scenario and limits travel with the first
// point of each sweep the thread serves, under that sweep's id.
import type { ConfigOverrides } from '../../sim/config';
import type { PointJob } from '../sweepPoint';
import type { SweepRow } from '../sweepRow';

export interface PointRequest {
  /** The sweep this point belongs to. */
  sweep: number;
  /** The sweep's scenario and limits, sent with the first point a thread runs for it. */
  job?: PointJob;
  index: number;
  point: ConfigOverrides;
}

export type PointReply =
  | { sweep: number; index: number; row: SweepRow }
  | { sweep: number; index: number; failure: { name: string; message: string } };
