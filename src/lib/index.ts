// The ipcscope library: `import { loadScenario, simulate, sweep } from 'ipcscope'`. The same
// engine, loader and summary as the command line (which is built on these functions). The
// scenario API (`scenario`, `ramfs`, ... and every type a scenario file uses) is exported too, so
// a scenario file type-checks against the installed package.
export { loadScenario, type LoadOptions } from './node/loadScenario';
export { sweep, defaultJobs, type SweepOptions } from './node/sweep';
export {
  simulate,
  simulationEvents,
  scenarioFromSource,
  DEFAULT_MAX_CYCLES,
  type RunLimits,
  type RunResult,
  type SimulateOptions,
} from './simulate';
export { sweepPoints, shardIndices, type Shard, type SweepGrid } from './sweepGrid';
export type { SweepRow } from './sweepRow';
export { ConfigOverrideError, ScenarioFailure } from './errors';
export type { LoadedScenario } from '../loader/loadScenario';
export type { ConfigOverrides, RunConfig } from '../sim/config';
export type { RunSummary, ThreadSummary } from '../sim/summary';
export type { SimEvent } from '../sim/simEvents';
export { scenario, ramfs, consoleServer, pipeServer, nullServer, upperFilter } from './scenarioApi';
export type * from '../sim/script/ipcscope';
