// One variant of a scenario (a side of a diff, a branch) run as the app runs it: the same
// loader, the same limits (sessionLimits.ts) and the same stepping as the worker's RunLog, so
// `ipcscope diff` and the app's diff view see the same events and say the same.
import type { RunVariant } from '../../debugger/protocol';
import type { DiffInput } from '../../debugger/runDiff';
import { RunLog, type RunOptions } from '../runLog';
import { LOG_CAP } from '../sessionLimits';

/** Load and run a variant to its end or the log cap (throws what loading throws). */
export function runVariant(
  v: RunVariant,
  clock: () => number,
  opts: RunOptions = {},
  maxEvents = LOG_CAP,
): RunLog {
  const run = RunLog.load(v.source, v.file, v.overrides, clock, opts);
  run.produce(maxEvents);
  return run;
}

/** What diffRuns needs from a run. */
export function diffInput(label: string, run: RunLog): DiffInput {
  return {
    label,
    config: run.sim.config,
    description: run.description,
    log: run.log,
    traceHash: run.sim.traceHash,
    stopReason: run.endReason ?? 'running',
  };
}
