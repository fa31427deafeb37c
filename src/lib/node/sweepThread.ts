// A sweep worker thread: runs the points it is sent, one at a time, and replies with each row.
import { parentPort, workerData } from 'node:worker_threads';
import { runSweepPoint } from '../sweepPoint';
import type { PointReply, PointRequest, ThreadData } from './threadProtocol';

const job = workerData as ThreadData;
const port = parentPort!;

port.on('message', (req: PointRequest) => {
  let reply: PointReply;
  try {
    reply = { index: req.index, row: runSweepPoint(job, req.point) };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    reply = { index: req.index, failure: { name: err.name, message: err.message } };
  }
  port.postMessage(reply);
});
