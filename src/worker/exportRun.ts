// A run saved as a file: the loaded scenario run once more from the start, exactly as `ipcscope
// run FILE --events/--trace` runs it (the library's runner and limits, the same writers), so the
// app's download and the CLI's file are the same bytes for the same scenario, machine and seed.
import {
  createSimulation,
  fullLimits,
  resolveRunConfig,
  runSimulation,
  scenarioFromSource,
} from '../lib/simulate';
import type { RunFileFormat } from '../protocol/messages';
import type { ConfigOverrides } from '../sim/config';
import { runFileWriters } from '../sim/export/runFiles';

export function exportRunFile(
  source: string,
  file: string,
  overrides: ConfigOverrides,
  format: RunFileFormat,
): string {
  const loaded = scenarioFromSource(source, file);
  const config = resolveRunConfig(loaded, overrides);
  const limits = fullLimits();
  const sim = createSimulation(loaded, config, limits);
  const chunks: string[] = [];
  const sink = (c: string) => void chunks.push(c);
  const files = runFileWriters(
    sim,
    `${loaded.scenario.name} on ${config.platform}`,
    format === 'events' ? { events: sink } : { trace: sink },
  );
  runSimulation(loaded, sim, limits, files.listeners);
  files.finish();
  return chunks.join('');
}
