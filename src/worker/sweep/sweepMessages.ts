// Messages between the app's sweep pool and its Web Workers (structured-clone safe). The job (the
// scenario source and the limits) goes to each worker once; then one point at a time.
import type { PointJob } from '../../lib/sweepPoint';
import type { SweepRow } from '../../lib/sweepRow';
import type { ConfigOverrides } from '../../sim/config';

export type ToSweepWorker =
  { type: 'job'; job: PointJob } | { type: 'point'; index: number; point: ConfigOverrides };

export type FromSweepWorker =
  { index: number; row: SweepRow } | { index: number; failure: { name: string; message: string } };
