// A sweep worker thread: runs the points it is sent, one at a time, and replies with each row.
// It keeps the scenario of the sweep it last served, so a sweep's job is sent to it only once.
import { parentPort } from 'node:worker_threads';
import { runSweepPoint, type PointJob } from '../sweepPoint';
import type { PointReply, PointRequest } from './threadProtocol';

const port = parentPort!;
let current: { sweep: number; job: PointJob } | null = null;

port.on('message', (req: PointRequest) => {
  if (req.job !== undefined) current = { sweep: req.sweep, job: req.job };
  let reply: PointReply;
  try {
    if (current?.sweep !== req.sweep) throw new Error(`no scenario for sweep ${req.sweep}`);
    reply = { sweep: req.sweep, index: req.index, row: runSweepPoint(current.job, req.point) };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    reply = {
      sweep: req.sweep,
      index: req.index,
      failure: { name: err.name, message: err.message },
    };
  }
  port.postMessage(reply);
});
