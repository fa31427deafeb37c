// Helpers for the file layer's tests: run a setup with the layer on and pick out the file
// operations it reported (fileOperation events) by thread and operation.
import type { ConfigOverrides } from '../config';
import type * as Api from '../script/ipcscope';
import type { SimEvent } from '../simEvents';
import { eventsOf, runScenario, type EventOf, type RunResult } from '../testing/runScenario';

export type FileOpEvent = EventOf<'fileOperation'>;

export interface FsRun extends RunResult {
  /** fileOperation events of a thread (and op), in order. */
  ops(thread: string, op?: string): FileOpEvent[];
}

export function runFs(
  setup: (k: Api.Setup) => void,
  machine: Api.MachineSpec = { platform: 'skylake-i7', cores: 1 },
  overrides: ConfigOverrides = {},
): FsRun {
  const r = runScenario({ name: 'fs test', machine, setup }, overrides);
  return {
    ...r,
    ops: (thread, op) =>
      eventsOf(r.log, 'fileOperation', op === undefined ? { thread } : { thread, op }),
  };
}

/** A program from a generator body, for k.process. */
export function prog(
  body: (sys: Api.Sys) => Generator<Api.Request, unknown, unknown>,
): Api.Program {
  return function* (sys) {
    yield* body(sys);
  };
}

/** syscallExited events of a thread between two events (exclusive), by seq. */
export function exitsBetween(log: readonly SimEvent[], thread: string, from: number, to: number) {
  return eventsOf(log, 'syscallExited', { thread }).filter((e) => e.seq > from && e.seq < to);
}
