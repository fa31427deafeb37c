// The command line's view of one run: the library's loader and runner (src/lib), with a
// configuration override the scenario cannot take turned into a usage error (exit 2).
import type { LoadedScenario } from '../loader/loadScenario';
import { ConfigOverrideError } from '../lib/errors';
import { loadScenario } from '../lib/node/loadScenario';
import { resolveRunConfig as resolveWithLib } from '../lib/simulate';
import type { ConfigOverrides, RunConfig } from '../sim/config';
import { UsageError } from './errors';

export {
  createSimulation,
  describeScenarioError,
  runSimulation,
  scriptErrorLines,
  type RunLimits,
} from '../lib/simulate';

/** Read and load a scenario file; `file` is shown as given, read relative to `cwd`. */
export function loadScenarioFile(file: string, cwd: string): LoadedScenario {
  return loadScenario(file, { cwd });
}

/** The scenario's configuration with the command line's overrides on top. */
export function resolveRunConfig(loaded: LoadedScenario, overrides: ConfigOverrides): RunConfig {
  try {
    return resolveWithLib(loaded, overrides);
  } catch (e) {
    if (e instanceof ConfigOverrideError) throw new UsageError(e.message);
    throw e;
  }
}
