// Reads each scenario's name, description, machine and parameters by loading it (transpile and
// evaluate the module only; its setup does not run), for the examples menu.
import { loadScenarioSource } from '../loader/loadScenario';
import type { Reply, ScenarioInfo } from '../protocol/messages';

export function describeScenarios(sources: { file: string; source: string }[]): Reply {
  const list: ScenarioInfo[] = [];
  const errors: { file: string; message: string }[] = [];
  for (const { file, source } of sources) {
    try {
      const s = loadScenarioSource(source, file).scenario;
      const m = s.machine ?? {};
      list.push({
        file,
        name: s.name,
        description: s.description ?? '',
        machine: { platform: m.platform, cores: m.cores, kernel: m.kernel, mcs: m.mcs },
        params: { ...(s.params ?? {}) },
      });
    } catch (e) {
      errors.push({ file, message: e instanceof Error ? e.message : String(e) });
    }
  }
  return { type: 'scenarios', list, errors };
}
