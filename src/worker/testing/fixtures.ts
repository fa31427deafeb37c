// Small scenarios for the projection and session tests: each exercises a different part of the
// fold (the big lock across cores, fast and slow paths, SC donation, notifications).
import { loadScenarioSource } from '../../loader/loadScenario';
import { resolveConfig, type ConfigOverrides } from '../../sim/config';
import { describeMachine, type MachineDescription } from '../../sim/describe';
import type { SimEvent } from '../../sim/simEvents';
import { Simulation } from '../../sim/simulation';

export const MIXED = `import { scenario, type Sys } from 'ipcscope';
export default scenario({
  name: 'mixed paths',
  description: 'A same-core client (fastpath) and a cross-core client (slowpath) share a server.',
  machine: { platform: 'xeon-2s', cores: 2, kernel: 'smp' },
  setup(k) {
    const ep = k.endpoint('ep');
    k.process('server', server, { core: 1, priority: 200, caps: { ep: ep.cap() } });
    k.process('near', client, { core: 1, priority: 100, caps: { ep: ep.cap({ badge: 1 }) } });
    k.process('far', client, { core: 0, priority: 100, caps: { ep: ep.cap({ badge: 2 }) } });
  },
});
function* server(sys: Sys) {
  let m = yield* sys.recv('ep');
  for (;;) m = yield* sys.replyRecv('ep', { words: [m.badge] });
}
function* client(sys: Sys) {
  for (let i = 0; i < 6; i++) {
    yield* sys.call('ep', { label: 1, words: [i] });
    yield* sys.compute(300);
  }
  sys.log('done');
}
`;

export const PASSIVE = `import { scenario, type Sys } from 'ipcscope';
export default scenario({
  name: 'passive server',
  machine: { platform: 'a57-tx1', cores: 2, kernel: 'smp', mcs: true },
  setup(k) {
    const ep = k.endpoint('ep');
    const n = k.notification('tick');
    k.process('server', server, { core: 0, priority: 200, passive: true, caps: { ep: ep.cap() } });
    k.process('a', client, { core: 0, priority: 100, caps: { ep: ep.cap({ badge: 1 }), n: n.cap() } });
    k.process('b', client, { core: 1, priority: 100, caps: { ep: ep.cap({ badge: 2 }), n: n.cap() } });
    k.process('waiter', waiter, { core: 1, priority: 150, caps: { n: n.cap() } });
  },
});
function* server(sys: Sys) {
  yield* sys.recv('ep');
  for (;;) yield* sys.replyRecv('ep', {});
}
function* client(sys: Sys) {
  for (let i = 0; i < 4; i++) { yield* sys.call('ep', { words: [i] }); yield* sys.compute(500); }
  yield* sys.signal('n');
}
function* waiter(sys: Sys) {
  for (let i = 0; i < 2; i++) { const m = yield* sys.wait('n'); sys.log('woke ' + m.badge); }
}
`;

export interface FixtureRun {
  sim: Simulation;
  log: SimEvent[];
  description: MachineDescription;
}

/** Load a fixture source and run it to the end with the log kept. */
export function runFixture(
  source: string,
  overrides: ConfigOverrides = {},
  maxEvents = 200_000,
): FixtureRun {
  const loaded = loadScenarioSource(source, 'fixture.ts');
  const sim = new Simulation(loaded.scenario, resolveConfig(loaded.scenario, overrides), {
    keepLog: true,
    describeError: (e) => loaded.describeError(e),
  });
  const description = describeMachine(sim);
  sim.run({ maxCycles: 50_000_000, maxEvents });
  return { sim, log: sim.log, description };
}
