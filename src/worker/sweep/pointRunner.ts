// What a sweep Web Worker does with each message, apart from the worker globals, so a test can
// run the very same code in Node: keep the job, run each point with the library's runSweepPoint
// (the function `ipcscope sweep` runs for every point), reply with the row or the failure.
import { runSweepPoint, type PointJob } from '../../lib/sweepPoint';
import type { FromSweepWorker, ToSweepWorker } from './sweepMessages';

export function createPointRunner(): (msg: ToSweepWorker) => FromSweepWorker | null {
  let job: PointJob | null = null;
  return (msg) => {
    if (msg.type === 'job') {
      job = msg.job;
      return null;
    }
    try {
      if (job === null) throw new Error('a sweep point arrived before its job');
      return { index: msg.index, row: runSweepPoint(job, msg.point) };
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      return { index: msg.index, failure: { name: err.name, message: err.message } };
    }
  };
}
