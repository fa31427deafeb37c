// Notifications and bound notifications (sel4-reference.md §1.6): one data word that Signal ORs
// badges into, Wait returns and clears; a bound notification reaches its thread in Recv.
import { describe, expect, it } from 'vitest';
import type { Setup, Sys } from '../script/ipcscope';
import { consoleOf, eventsOf, runScenario, tcbOf } from '../testing/runScenario';

const signaller = (times = 1) =>
  function* (sys: Sys) {
    for (let i = 0; i < times; i++) yield* sys.signal('n');
  };

describe('notifications (§1.6)', () => {
  it('signals before a Wait OR their badges into the word and coalesce into one wake-up (§1.6)', () => {
    function* waiter(sys: Sys) {
      const m = yield* sys.wait('n');
      sys.log(`word ${m.badge}`);
    }
    const { sim, log } = runScenario({
      name: 'or badges',
      machine: { cores: 1 },
      setup(k: Setup) {
        const n = k.notification('n');
        k.process('s1', signaller(), { priority: 200, caps: { n: n.cap({ badge: 1 }) } });
        k.process('s2', signaller(2), { priority: 190, caps: { n: n.cap({ badge: 2 }) } });
        k.process('s4', signaller(), { priority: 180, caps: { n: n.cap({ badge: 4 }) } });
        k.process('waiter', waiter, { priority: 100, caps: { n: n.cap() } });
      },
    });
    expect(consoleOf(sim)).toEqual(['word 7']);
    expect(eventsOf(log, 'notificationSignalled').map((e) => e.word)).toEqual([1, 3, 3, 7]);
    expect(eventsOf(log, 'threadWoken', { thread: 'waiter' })).toHaveLength(0);
  });

  it('a Wait returns the word and clears it (§1.6)', () => {
    function* waiter(sys: Sys) {
      const a = yield* sys.wait('n');
      const b = yield* sys.poll('n');
      sys.log(`wait ${a.badge} then poll ${b.badge}`);
    }
    const { sim } = runScenario({
      name: 'wait clears',
      machine: { cores: 1 },
      setup(k) {
        const n = k.notification('n');
        k.process('s', signaller(), { priority: 200, caps: { n: n.cap({ badge: 6 }) } });
        k.process('waiter', waiter, { priority: 100, caps: { n: n.cap() } });
      },
    });
    expect(consoleOf(sim)).toEqual(['wait 6 then poll 0']);
    const ntfn = sim.world.state.notifications[0]!;
    expect(ntfn).toMatchObject({ state: 'idle', word: 0 });
  });

  it('a Poll never blocks: with nothing pending it returns 0 (§1.6)', () => {
    function* poller(sys: Sys) {
      const m = yield* sys.poll('n');
      sys.log(`poll ${m.badge}`);
    }
    const { sim, log } = runScenario({
      name: 'poll',
      machine: { cores: 1 },
      setup(k) {
        k.process('p', poller, { caps: { n: k.notification('n').cap() } });
      },
    });
    expect(consoleOf(sim)).toEqual(['poll 0']);
    expect(eventsOf(log, 'threadBlocked', { thread: 'p', state: 'blockedOnNotification' })).toEqual(
      [],
    );
  });

  it('a Signal while a thread waits hands the badge straight to the head waiter; the word stays 0 (§1.6)', () => {
    const waiter = (name: string) =>
      function* (sys: Sys) {
        const m = yield* sys.wait('n');
        sys.log(`${name} got ${m.badge}`);
      };
    const { sim, log } = runScenario({
      name: 'handoff',
      machine: { cores: 1 },
      setup(k) {
        const n = k.notification('n');
        k.process('w1', waiter('w1'), { priority: 200, caps: { n: n.cap() } });
        k.process('w2', waiter('w2'), { priority: 190, caps: { n: n.cap() } });
        k.process('s', signaller(), { priority: 100, caps: { n: n.cap({ badge: 8 }) } });
      },
    });
    expect(consoleOf(sim)).toEqual(['w1 got 8']);
    expect(eventsOf(log, 'notificationSignalled')[0]!.word).toBe(0);
    const after = eventsOf(log, 'objectChanged', { object: 'n' }).at(-1)!;
    expect(after).toMatchObject({ state: 'waiting', queue: ['w2'], word: 0 });
  });
});

describe('bound notifications (§1.6)', () => {
  it('a signal to a bound notification wakes its thread out of Recv with the notification badge (§1.6)', () => {
    function* server(sys: Sys) {
      const m = yield* sys.recv('ep');
      sys.log(`woken with badge ${m.badge}`);
    }
    const { sim, log } = runScenario({
      name: 'bound wakes recv',
      machine: { cores: 1 },
      setup(k) {
        const ep = k.endpoint('ep');
        const n = k.notification('n');
        k.process('server', server, {
          priority: 200,
          caps: { ep: ep.cap(), n: n.cap() },
          boundNotification: 'n',
        });
        k.process('s', signaller(), { priority: 100, caps: { n: n.cap({ badge: 0x80 }) } });
      },
    });
    expect(consoleOf(sim)).toEqual(['woken with badge 128']);
    expect(eventsOf(log, 'objectChanged', { object: 'ep' }).at(-1)).toMatchObject({
      state: 'idle',
      queue: [],
    });
    expect(sim.world.state.notifications[0]).toMatchObject({ state: 'idle', word: 0 });
  });

  it('a signal to a thread blocked in the reply phase of a Call is only recorded (§1.6)', () => {
    function* server(sys: Sys) {
      const r = yield* sys.call('backend', {});
      sys.log(`call returned badge ${r.badge}`);
      const m = yield* sys.recv('ep');
      sys.log(`recv got badge ${m.badge}`);
    }
    function* backend(sys: Sys) {
      yield* sys.recv('backend');
      yield* sys.signal('n'); // the server is BlockedOnReply now
      yield* sys.reply({});
    }
    const { sim, log } = runScenario({
      name: 'bound recorded',
      machine: { cores: 1 },
      setup(k) {
        const ep = k.endpoint('ep');
        const be = k.endpoint('backendEp');
        const n = k.notification('n');
        k.process('server', server, {
          priority: 100,
          caps: { ep: ep.cap(), n: n.cap(), backend: be.cap() },
          boundNotification: 'n',
        });
        k.process('backend', backend, {
          priority: 200,
          caps: { backend: be.cap(), n: n.cap({ badge: 0x10 }) },
        });
      },
    });
    expect(eventsOf(log, 'notificationSignalled')[0]!.word).toBe(0x10);
    expect(eventsOf(log, 'objectChanged', { object: 'n' })[0]).toMatchObject({ state: 'active' });
    expect(consoleOf(sim)).toEqual(['call returned badge 0', 'recv got badge 16']);
    expect(tcbOf(sim, 'server').state).toBe('inactive');
  });

  it('a pending bound notification is consumed by Recv before the endpoint is looked at (§1.6)', () => {
    function* server(sys: Sys) {
      yield* sys.signal('n'); // make the bound notification active
      const first = yield* sys.recv('ep');
      const second = yield* sys.recv('ep');
      sys.log(`first badge ${first.badge}, second badge ${second.badge}`);
    }
    function* sender(sys: Sys) {
      yield* sys.send('ep', { words: [1] });
    }
    const { sim } = runScenario({
      name: 'pending first',
      machine: { cores: 1 },
      setup(k) {
        const ep = k.endpoint('ep');
        const n = k.notification('n');
        // The sender queues on the endpoint first (higher priority, nobody receiving yet).
        k.process('sender', sender, { priority: 200, caps: { ep: ep.cap({ badge: 3 }) } });
        k.process('server', server, {
          priority: 100,
          caps: { ep: ep.cap(), n: n.cap({ badge: 0x20 }) },
          boundNotification: 'n',
        });
      },
    });
    expect(consoleOf(sim)).toEqual(['first badge 32, second badge 3']);
  });

  it('only the bound thread may Wait on a bound notification; another thread faults (§1.6)', () => {
    function* other(sys: Sys) {
      yield* sys.wait('n');
    }
    function* owner(sys: Sys) {
      yield* sys.wait('n');
    }
    const { log } = runScenario({
      name: 'bound wait',
      machine: { cores: 1 },
      setup(k) {
        const n = k.notification('n');
        k.process('owner', owner, { priority: 200, caps: { n: n.cap() }, boundNotification: 'n' });
        k.process('other', other, { priority: 100, caps: { n: n.cap() } });
      },
    });
    const f = eventsOf(log, 'faultRaised', { thread: 'other' });
    expect(f).toHaveLength(1);
    expect(f[0]!.detail).toMatch(/bound to 'owner'/);
  });
});
