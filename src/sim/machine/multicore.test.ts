// The big lock, IPIs and kernel images (sel4-reference.md §1.10, §5).
import { describe, expect, it } from 'vitest';
import type * as Api from '../script/ipcscope';
import { consoleOf, eventsOf, runScenario } from '../testing/runScenario';

/** Every core runs one thread that enters the kernel at t=0 (a Yield), then stops. */
function yielders(cores: number): Api.ScenarioSpec {
  return {
    name: 'yielders',
    setup(k) {
      for (let c = 0; c < cores; c++) {
        k.process(
          `t${c}`,
          function* (sys: Api.Sys) {
            yield* sys.yield();
          },
          { core: c },
        );
      }
    },
  };
}

describe('the big kernel lock (§1.10)', () => {
  it('is taken on every kernel entry when an image has more than one core', () => {
    const { log } = runScenario(yielders(2), { platform: 'a9-sabre', cores: 2 });
    const entries = eventsOf(log, 'syscallEntered').length + eventsOf(log, 'interruptTaken').length;
    expect(eventsOf(log, 'lockAcquired').length).toBe(entries);
    expect(eventsOf(log, 'lockReleased').length).toBe(entries);
  });

  it('does not exist on a one-core machine (a uniprocessor build)', () => {
    const { log } = runScenario(yielders(1), { platform: 'a9-sabre', cores: 1 });
    expect(eventsOf(log, 'lockAcquired')).toEqual([]);
  });

  it('is a FIFO queue lock: cores that contend get it in the order they asked', () => {
    const { log, sim } = runScenario(yielders(4), { platform: 'haswell-i7', cores: 4 });
    const asked = eventsOf(log, 'syscallEntered').map((e) => e.core);
    const got = eventsOf(log, 'lockAcquired').map((e) => e.core);
    expect(asked.slice(0, 4)).toEqual([0, 1, 2, 3]);
    expect(got.slice(0, 4)).toEqual([0, 1, 2, 3]);
    const waits = eventsOf(log, 'lockContended').map((e) => e.waitCycles);
    expect(waits[0]!).toBeLessThan(waits[1]!);
    expect(waits[1]!).toBeLessThan(waits[2]!);
    const stats = sim.locks[0]!.stats;
    expect(stats.spinCycles).toBe(waits.reduce((a, b) => a + b, 0));
    expect(stats.contended).toBe(waits.length);
  });

  it("hands over with the release: the successor spins on its predecessor's request line, which migrates to it", () => {
    const { log } = runScenario(yielders(2), { platform: 'xeon-2s', cores: 2 });
    const handover = eventsOf(log, 'cacheLineMigrated').filter((e) =>
      e.line.startsWith('lock.0.node.'),
    );
    expect(handover.length).toBeGreaterThan(0);
    expect(handover[0]!.cycles).toBe(139);
  });
});

describe('kernel images (§5)', () => {
  it('a multikernel has one image per core: no big lock anywhere', () => {
    const { log } = runScenario(yielders(4), {
      platform: 'haswell-i7',
      cores: 4,
      kernel: 'multikernel',
    });
    expect(eventsOf(log, 'lockAcquired')).toEqual([]);
  });

  it('clustered images each have their own lock and never contend with each other', () => {
    const { log, sim } = runScenario(yielders(4), {
      platform: 'haswell-i7',
      cores: 4,
      kernel: 'clustered:2',
    });
    expect(sim.locks.map((l) => l?.image)).toEqual([0, 1]);
    const byImage = eventsOf(log, 'lockAcquired').map((e) => [e.core, e.image]);
    expect(byImage).toContainEqual([0, 0]);
    expect(byImage).toContainEqual([2, 1]);
    for (const [core, image] of byImage) expect(Math.floor(core! / 2)).toBe(image);
    for (const e of eventsOf(log, 'lockContended')) expect(e.image).toBe(Math.floor(e.core / 2));
    expect(sim.locks[0]!.stats.contended).toBeGreaterThan(0);
    expect(sim.locks[1]!.stats.contended).toBeGreaterThan(0);
  });

  it('a cap to an object of another image means nothing: using it is a cap fault that says why', () => {
    const { log } = runScenario(
      {
        name: 'foreign cap',
        setup(k) {
          const ep = k.endpoint('ep', { core: 1 });
          k.process(
            'client',
            function* (sys: Api.Sys) {
              yield* sys.call('ep', {});
            },
            { core: 0, caps: { ep: ep.cap() } },
          );
        },
      },
      { cores: 2, kernel: 'multikernel' },
    );
    const f = eventsOf(log, 'faultRaised', { thread: 'client' })[0]!;
    expect(f.faultType).toBe('capFault');
    expect(f.detail).toContain('kernel image 1');
    expect(f.detail).toContain('caps mean nothing outside their kernel image');
  });

  it('a thread cannot be moved to a core of another image', () => {
    const { sim } = runScenario(
      {
        name: 'affinity',
        setup(k) {
          k.process(
            't',
            function* (sys: Api.Sys) {
              const r = yield* sys.setAffinity(1);
              sys.log(r.error ?? 'moved');
            },
            { core: 0 },
          );
        },
      },
      { cores: 2, kernel: 'multikernel' },
    );
    expect(consoleOf(sim, 't')[0]).toContain('another kernel image');
  });

  it('a channel carries messages between images through shared memory and a cross-core signal', () => {
    const { log, sim } = runScenario(
      {
        name: 'channel',
        setup(k) {
          const ch = k.channel('link', { a: 0, b: 16 });
          k.process(
            'server',
            function* (sys: Api.Sys) {
              for (;;) {
                const m = yield* sys.channelRecv('link');
                yield* sys.channelSend('link', { words: [m.words[0]! + 1] });
              }
            },
            { core: 16, caps: { link: ch.b.cap() } },
          );
          k.process(
            'client',
            function* (sys: Api.Sys) {
              for (let i = 0; i < 3; i++) {
                yield* sys.channelSend('link', { words: [i * 10] });
                sys.log(`${(yield* sys.channelRecv('link')).words[0]}`);
              }
            },
            { core: 0, caps: { link: ch.a.cap() } },
          );
        },
      },
      { platform: 'xeon-2s', cores: 32, kernel: 'clustered:16' },
    );
    expect(consoleOf(sim, 'client')).toEqual(['1', '11', '21']);
    expect(eventsOf(log, 'ipiSent', { kind: 'signal' }).length).toBeGreaterThan(0);
    const remote = eventsOf(log, 'cacheLineMigrated').filter((e) =>
      e.line.startsWith('user.link.'),
    );
    expect(remote.some((e) => e.cycles === 394)).toBe(true);
  });
});

describe('IPIs (§1.10)', () => {
  it('suspending a thread that runs on another core stalls that core with a remote call', () => {
    const { log } = runScenario(
      {
        name: 'remote suspend',
        setup(k) {
          const victim = k.process(
            'victim',
            function* (sys: Api.Sys) {
              for (;;) yield* sys.compute(1000);
            },
            { core: 1 },
          );
          k.process(
            'boss',
            function* (sys: Api.Sys) {
              yield* sys.compute(5000);
              yield* sys.tcbSuspend('victim');
            },
            { core: 0, caps: { victim: victim.cap() } },
          );
        },
      },
      { platform: 'a9-sabre', cores: 2 },
    );
    expect(eventsOf(log, 'ipiSent', { kind: 'remoteCall', from: 0, to: 1 }).length).toBe(1);
    expect(eventsOf(log, 'threadStopped', { thread: 'victim' })[0]?.reason).toBe('suspended');
  });
});
