// The kernel invariants hold after every step of every built-in scenario, and the checker itself
// notices a broken state (style guide 3.7; sel4-reference.md §1.2, §1.5, §1.6, §1.8).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioSource } from '../loader/loadScenario';
import { SCENARIOS } from '../scenarios/catalog';
import { checkInvariants, checkMessageConservation } from './invariants';
import type { Sys } from './script/ipcscope';
import { buildLoaded, buildSim, runScenario, tcbOf } from './testing/runScenario';

const DIR = path.join(__dirname, '../scenarios');

function* server(sys: Sys) {
  let m = yield* sys.recv('ep');
  for (;;) m = yield* sys.replyRecv('ep', { words: m.words });
}

function* client(sys: Sys) {
  for (let i = 0; i < 3; i++) yield* sys.call('ep', { words: [i] });
}

const echo = {
  name: 'echo',
  machine: { cores: 1 },
  setup(k: Parameters<Parameters<typeof buildSim>[0]['setup']>[0]) {
    const ep = k.endpoint('ep');
    k.process('server', server, { priority: 200, caps: { ep: ep.cap() } });
    k.process('client', client, { priority: 100, caps: { ep: ep.cap() } });
  },
};

describe('kernel invariants', () => {
  it.each(SCENARIOS.map((s) => [s.id, s] as const))(
    'hold after every step of %s, and no message is lost or duplicated',
    (_id, entry) => {
      const loaded = loadScenarioSource(
        fs.readFileSync(path.join(DIR, entry.file), 'utf8'),
        entry.file,
      );
      // Each scenario on its own kernel, and the classic ones on MCS too.
      const kernels = loaded.scenario.machine?.mcs === true ? [true] : [false, true];
      for (const mcs of kernels) {
        const sim = buildLoaded(loaded, { mcs });
        let steps = 0;
        while (sim.step({ maxEvents: 5_000, maxCycles: 100_000_000 })) {
          steps++;
          const broken = checkInvariants(sim);
          if (broken.length > 0) {
            throw new Error(
              `${entry.id} (mcs ${mcs}) after step ${steps}, event ${sim.eventCount}: ${broken.join('; ')}`,
            );
          }
        }
        expect(steps).toBeGreaterThan(3);
        expect(checkMessageConservation(sim.log, sim)).toEqual([]);
      }
    },
  );

  it('report a thread that sits in two queues', () => {
    const sim = buildSim(echo);
    sim.run({ maxEvents: 200 });
    const s = sim.world.state;
    s.endpoints[0]!.queue.push(tcbOf(sim, 'client'));
    const broken = checkInvariants(sim);
    expect(broken.some((b) => b.includes("'client'"))).toBe(true);
  });

  it('report an endpoint whose state disagrees with its queue', () => {
    const sim = buildSim(echo);
    sim.run({ maxEvents: 200 });
    sim.world.state.endpoints[0]!.state = 'send';
    expect(checkInvariants(sim)).toContain(
      "endpoint 'ep' (send) queues 'server', which is blockedOnReceive",
    );
  });

  it('report a runnable thread that is neither running nor ready', () => {
    const sim = buildSim(echo);
    sim.run({ maxEvents: 200 });
    tcbOf(sim, 'client').state = 'running';
    expect(checkInvariants(sim)).toContain(
      "'client' is running but neither running nor in a ready queue",
    );
  });

  it('report a call that was answered twice or never', () => {
    const { sim, log } = runScenario(echo);
    const reply = log.find((e) => e.type === 'messageTransferred' && e.kind === 'reply')!;
    const doubled = [...log, { ...reply, seq: log.length }];
    expect(checkMessageConservation(doubled, sim)[0]).toMatch(/answers no call/);
    const dropped = log.filter((e) => e !== reply);
    expect(checkMessageConservation(dropped, sim)[0]).toMatch(
      /sent a call .* before its previous one/,
    );
  });
});
