// One point of a sweep, run the same way wherever it runs (the CLI with --jobs 1, a worker
// thread, a Web Worker in the app): a freshly evaluated scenario module, because scenario files
// may keep state at module level. A point whose setup fails is an error row; the sweep goes on.
import type { ConfigOverrides } from '../sim/config';
import { computeRunSummary } from '../sim/summary';
import { ScenarioFailure } from './errors';
import {
  createSimulation,
  resolveRunConfig,
  runSimulation,
  scenarioFromSource,
  scriptErrorLines,
  type RunLimits,
} from './simulate';
import { errorRow, rowFromSummary, type SweepRow } from './sweepRow';

export interface PointJob {
  source: string;
  file: string;
  limits: RunLimits;
}

export function runSweepPoint(job: PointJob, point: ConfigOverrides): SweepRow {
  const loaded = scenarioFromSource(job.source, job.file);
  const config = resolveRunConfig(loaded, point);
  let sim;
  try {
    sim = createSimulation(loaded, config, job.limits);
  } catch (e) {
    if (!(e instanceof ScenarioFailure)) throw e;
    return errorRow(config, e.message);
  }
  runSimulation(loaded, sim, job.limits);
  const errors = scriptErrorLines(loaded, sim).trimEnd();
  return rowFromSummary(computeRunSummary(sim), errors === '' ? null : errors);
}
