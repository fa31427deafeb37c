// MCS scheduling contexts (sel4-reference.md §1.9): passive servers run on the caller's donated
// SC and give it back on reply, following it to its core; active servers keep their own SC;
// a thread whose budget is spent waits for the next period.
import { describe, expect, it } from 'vitest';
import type { Setup, Sys } from '../script/ipcscope';
import type { Simulation } from '../simulation';
import {
  buildSim,
  consoleOf,
  eventsOf,
  runScenario,
  TEST_LIMITS,
  tcbOf,
} from '../testing/runScenario';

/** A server that logs which SC it runs on and on which core, for `calls` calls. */
function donation(opts: { passive: boolean; clientCore: number }) {
  let sim: Simulation | null = null;
  function* server(sys: Sys) {
    let m = yield* sys.recv('ep');
    for (;;) {
      const me = tcbOf(sim!, 'server');
      sys.log(`server on ${me.sc?.name ?? 'no SC'} at core ${me.affinity}`);
      m = yield* sys.replyRecv('ep', { words: m.words });
    }
  }
  function* client(sys: Sys) {
    for (let i = 0; i < 2; i++) yield* sys.call('ep', { words: [i] });
  }
  sim = buildSim({
    name: 'donation',
    machine: { cores: 2, mcs: true },
    setup(k: Setup) {
      const ep = k.endpoint('ep');
      k.process('server', server, {
        core: 0,
        priority: 200,
        passive: opts.passive,
        caps: { ep: ep.cap() },
      });
      k.process('client', client, { core: opts.clientCore, priority: 100, caps: { ep: ep.cap() } });
    },
  });
  sim.run(TEST_LIMITS);
  return sim;
}

describe('MCS scheduling contexts (§1.9)', () => {
  it("a passive server runs on the caller's donated SC and returns it with the reply (§1.9)", () => {
    const sim = donation({ passive: true, clientCore: 0 });
    expect(consoleOf(sim, 'server')).toEqual([
      'server on client.sc at core 0',
      'server on client.sc at core 0',
    ]);
    expect(eventsOf(sim.log, 'schedContextDonated')[0]).toMatchObject({
      sc: 'client.sc',
      from: 'client',
      to: 'server',
    });
    expect(eventsOf(sim.log, 'schedContextReturned')[0]).toMatchObject({
      sc: 'client.sc',
      from: 'server',
      to: 'client',
    });
    expect(eventsOf(sim.log, 'schedContextDonated')).toHaveLength(2);
    expect(eventsOf(sim.log, 'schedContextReturned')).toHaveLength(2);
    expect(tcbOf(sim, 'server').sc).toBeNull();
    expect(tcbOf(sim, 'client').sc!.name).toBe('client.sc');
  });

  it('a passive server migrates to the core of the donated SC (§1.9 SMP, migrateTCB)', () => {
    const sim = donation({ passive: true, clientCore: 1 });
    expect(eventsOf(sim.log, 'threadMigrated', { thread: 'server' })).toEqual([
      expect.objectContaining({ from: 0, to: 1 }),
    ]);
    expect(consoleOf(sim, 'server')).toEqual([
      'server on client.sc at core 1',
      'server on client.sc at core 1',
    ]);
    // Once it lives on the client's core, the second Call takes the fastpath.
    const calls = eventsOf(sim.log, 'syscallExited', { thread: 'client', syscall: 'Call' });
    expect(calls.map((c) => c.path)).toEqual(['slow', 'fast']);
    expect(calls[0]!.reason).toBe("receiver 'server' runs on core 0, this thread on core 1");
  });

  it('a Call to an active server donates nothing: the server keeps its own SC (§1.9 reply_push)', () => {
    const sim = donation({ passive: false, clientCore: 1 });
    expect(eventsOf(sim.log, 'schedContextDonated')).toHaveLength(0);
    expect(eventsOf(sim.log, 'threadMigrated')).toHaveLength(0);
    expect(consoleOf(sim, 'server')).toEqual([
      'server on server.sc at core 0',
      'server on server.sc at core 0',
    ]);
  });

  it("nested calls carry the first caller's SC along the chain and back (§1.9)", () => {
    let sim: Simulation | null = null;
    const scOf = (name: string): string => tcbOf(sim!, name).sc?.name ?? 'none';
    function* front(sys: Sys) {
      let m = yield* sys.recv('front');
      for (;;) {
        sys.log(`front runs on ${scOf('front')}`);
        yield* sys.call('back', { words: m.words });
        m = yield* sys.replyRecv('front', { words: m.words });
      }
    }
    function* back(sys: Sys) {
      let m = yield* sys.recv('back');
      for (;;) {
        sys.log(`back runs on ${scOf('back')}`);
        m = yield* sys.replyRecv('back', { words: m.words });
      }
    }
    function* client(sys: Sys) {
      yield* sys.call('front', { words: [1] });
      sys.log(`client runs on ${scOf('client')}`);
    }
    sim = buildSim({
      name: 'nested donation',
      machine: { cores: 1, mcs: true },
      setup(k: Setup) {
        const f = k.endpoint('frontEp');
        const b = k.endpoint('backEp');
        k.process('front', front, {
          priority: 200,
          passive: true,
          caps: { front: f.cap(), back: b.cap() },
        });
        k.process('back', back, { priority: 210, passive: true, caps: { back: b.cap() } });
        k.process('client', client, { priority: 100, caps: { front: f.cap() } });
      },
    });
    sim.run(TEST_LIMITS);
    expect(consoleOf(sim)).toEqual([
      'front runs on client.sc',
      'back runs on client.sc',
      'client runs on client.sc',
    ]);
    const moves = eventsOf(sim.log, 'schedContextDonated').map((e) => `${e.from}>${e.to}`);
    expect(moves).toEqual(['client>front', 'front>back']);
    const back_ = eventsOf(sim.log, 'schedContextReturned').map((e) => `${e.from}>${e.to}`);
    expect(back_).toEqual(['back>front', 'front>client']);
  });

  it('a budget equal to the period is a round-robin time slice, never throttled (§1.9)', () => {
    const worker = (name: string) =>
      function* (sys: Sys) {
        yield* sys.compute(2_500);
        sys.log(`${name} done`);
      };
    const { sim, log } = runScenario({
      name: 'mcs round robin',
      machine: { cores: 1, mcs: true, profile: { clockMHz: 1 } },
      setup(k) {
        k.process('a', worker('a'), { budget: 1000, period: 1000 });
        k.process('b', worker('b'), { budget: 1000, period: 1000 });
      },
    });
    expect(eventsOf(log, 'budgetExhausted')).toHaveLength(0);
    expect(
      eventsOf(log, 'threadSwitched')
        .map((e) => e.to)
        .slice(0, 4),
    ).toEqual(['a', 'b', 'a', 'b']);
    expect(consoleOf(sim)).toEqual(['a done', 'b done']);
  });
});
