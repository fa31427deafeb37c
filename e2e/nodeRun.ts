// The same scenario run in Node, beside the browser's run: determinism means equal traceHashes
// for the same scenario, configuration, seed and number of events (DESIGN.md "Determinism").
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../src/lib/node/loadScenario';
import { resolveConfig } from '../src/sim/config';
import { Simulation } from '../src/sim/simulation';

const scenarios = fileURLToPath(new URL('../src/scenarios/', import.meta.url));

/** The traceHash of a built-in scenario's first `events` events, simulated in Node. */
export function nodeTraceHash(id: string, events: number): string {
  const loaded = loadScenario(`${id}.ts`, { cwd: scenarios });
  const sim = new Simulation(loaded.scenario, resolveConfig(loaded.scenario, {}), {});
  sim.runToEvent(events);
  if (sim.eventCount !== events) {
    throw new Error(`${id}: Node's run ended after ${sim.eventCount} events, not ${events}`);
  }
  return sim.traceHash;
}
