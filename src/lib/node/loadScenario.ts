// Read and load a scenario file (the same loader as the app: sucrase, with 'ipcscope' provided
// virtually, so the file works from any folder).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LoadedScenario } from '../../loader/loadScenario';
import { ScenarioFailure } from '../errors';
import { scenarioFromSource } from '../simulate';

export interface LoadOptions {
  /** Directory a relative `file` is read from (default: the process's working directory). */
  cwd?: string;
}

/** Read and load a scenario file; `file` is shown as given in every message. */
export function loadScenario(file: string, opts: LoadOptions = {}): LoadedScenario {
  let source: string;
  try {
    source = readFileSync(resolve(opts.cwd ?? process.cwd(), file), 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code;
    throw new ScenarioFailure(`${file}: cannot read the scenario file (${why ?? String(e)})`);
  }
  return scenarioFromSource(source, file);
}
