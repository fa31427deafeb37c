// Endpoint states and queues (sel4-reference.md §1.2): sendIPC / receiveIPC over one queue of
// senders or receivers, FIFO on the classic kernel and priority-ordered on MCS.
import { describe, expect, it } from 'vitest';
import type { ReceivedMessage, Setup, Sys } from '../script/ipcscope';
import { consoleOf, eventsOf, runScenario, tcbOf } from '../testing/runScenario';

/** Three senders on cores 0-2 arrive in the order low, mid, high; a receiver on core 3 drains. */
function arrivalOrder(mcs: boolean) {
  const sender = (delay: number) =>
    function* (sys: Sys) {
      yield* sys.compute(delay);
      yield* sys.send('ep', { label: delay });
    };
  function* receiver(sys: Sys) {
    yield* sys.compute(50_000);
    for (let i = 0; i < 3; i++) {
      const m = yield* sys.recv('ep');
      sys.log(`badge ${m.badge}`);
    }
  }
  return runScenario({
    name: 'arrival order',
    machine: { platform: 'skylake-i7', cores: 4, mcs },
    setup(k: Setup) {
      const ep = k.endpoint('ep');
      k.process('low', sender(0), { core: 0, priority: 10, caps: { ep: ep.cap({ badge: 1 }) } });
      k.process('mid', sender(10_000), {
        core: 1,
        priority: 100,
        caps: { ep: ep.cap({ badge: 2 }) },
      });
      k.process('high', sender(20_000), {
        core: 2,
        priority: 200,
        caps: { ep: ep.cap({ badge: 3 }) },
      });
      k.process('receiver', receiver, { core: 3, priority: 50, caps: { ep: ep.cap() } });
    },
  });
}

describe('endpoint queues (§1.2)', () => {
  it('blocked senders queue in the Send state and the endpoint returns to Idle when the queue empties (§1.2)', () => {
    const { log } = arrivalOrder(false);
    const states = eventsOf(log, 'objectChanged', { object: 'ep' }).map(
      (e) => `${e.state}:${e.queue.join(',')}`,
    );
    expect(states).toEqual([
      'send:low',
      'send:low,mid',
      'send:low,mid,high',
      'send:mid,high',
      'send:high',
      'idle:',
    ]);
  });

  it('the classic kernel queues senders in strict FIFO order (§1.2 tcbEPAppend)', () => {
    const { sim } = arrivalOrder(false);
    expect(consoleOf(sim, 'receiver')).toEqual(['badge 1', 'badge 2', 'badge 3']);
  });

  it('the MCS kernel queues senders by priority, FIFO among equals (§1.2 tcbAppend)', () => {
    const { sim, log } = arrivalOrder(true);
    expect(consoleOf(sim, 'receiver')).toEqual(['badge 3', 'badge 2', 'badge 1']);
    const queues = eventsOf(log, 'objectChanged', { object: 'ep' }).map((e) => e.queue.join(','));
    expect(queues).toContain('high,mid,low');
  });

  it('a Send on an endpoint in the Recv state dequeues the head receiver (§1.2 sendIPC)', () => {
    const receiver = (name: string) =>
      function* (sys: Sys) {
        const m = yield* sys.recv('ep');
        sys.log(`${name} got ${m.words[0]}`);
      };
    function* sender(sys: Sys) {
      yield* sys.send('ep', { words: [1] });
      yield* sys.send('ep', { words: [2] });
    }
    const { sim, log } = runScenario({
      name: 'head receiver',
      machine: { cores: 1 },
      setup(k) {
        const ep = k.endpoint('ep');
        k.process('r1', receiver('r1'), { priority: 200, caps: { ep: ep.cap() } });
        k.process('r2', receiver('r2'), { priority: 150, caps: { ep: ep.cap() } });
        k.process('sender', sender, { priority: 100, caps: { ep: ep.cap() } });
      },
    });
    expect(consoleOf(sim)).toEqual(['r1 got 1', 'r2 got 2']);
    const after = eventsOf(log, 'objectChanged', { object: 'ep' }).map((e) => e.queue.join(','));
    expect(after).toEqual(['r1', 'r1,r2', 'r2', '']);
  });

  it('an NBSend with no receiver waiting is dropped silently (§1.2 sendIPC)', () => {
    function* client(sys: Sys) {
      yield* sys.nbSend('ep', { words: [1] });
      sys.log('nbSend returned');
    }
    function* server(sys: Sys) {
      yield* sys.recv('ep');
      sys.log('server received');
    }
    const { sim, log } = runScenario({
      name: 'nbsend dropped',
      machine: { cores: 1 },
      setup(k) {
        const ep = k.endpoint('ep');
        k.process('client', client, { priority: 200, caps: { ep: ep.cap() } });
        k.process('server', server, { priority: 100, caps: { ep: ep.cap() } });
      },
    });
    expect(consoleOf(sim)).toEqual(['nbSend returned']);
    expect(eventsOf(log, 'messageTransferred')).toHaveLength(0);
    expect(tcbOf(sim, 'server').state).toBe('blockedOnReceive');
  });

  it('an NBSend to a waiting receiver is delivered (§1.2 sendIPC)', () => {
    function* server(sys: Sys) {
      const m = yield* sys.recv('ep');
      sys.log(`server received ${m.words[0]}`);
    }
    function* client(sys: Sys) {
      yield* sys.nbSend('ep', { words: [9] });
    }
    const { sim } = runScenario({
      name: 'nbsend delivered',
      machine: { cores: 1 },
      setup(k) {
        const ep = k.endpoint('ep');
        k.process('server', server, { priority: 200, caps: { ep: ep.cap() } });
        k.process('client', client, { priority: 100, caps: { ep: ep.cap() } });
      },
    });
    expect(consoleOf(sim)).toEqual(['server received 9']);
  });

  it('an NBRecv with nothing to receive returns badge 0 without blocking (§1.2 receiveIPC)', () => {
    let got: ReceivedMessage | null = null;
    function* poller(sys: Sys) {
      got = yield* sys.nbRecv('ep');
      sys.log('still running');
    }
    const { sim, log } = runScenario({
      name: 'nbrecv',
      machine: { cores: 1 },
      setup(k) {
        k.process('poller', poller, { caps: { ep: k.endpoint('ep').cap({ badge: 5 }) } });
      },
    });
    expect(got).toMatchObject({ badge: 0, length: 0, label: 0 });
    expect(consoleOf(sim)).toEqual(['still running']);
    expect(eventsOf(log, 'threadBlocked', { state: 'blockedOnReceive' })).toHaveLength(0);
  });

  it('a Recv that finds a caller queued makes it BlockedOnReply; a plain sender becomes runnable (§1.2 receiveIPC)', () => {
    function* caller(sys: Sys) {
      yield* sys.call('ep', { words: [1] });
    }
    function* sender(sys: Sys) {
      yield* sys.send('ep', { words: [2] });
      sys.log('sender continues');
    }
    function* server(sys: Sys) {
      yield* sys.recv('ep');
      yield* sys.recv('other');
    }
    const { sim, log } = runScenario({
      name: 'recv on send',
      machine: { cores: 1 },
      setup(k) {
        const ep = k.endpoint('ep');
        const other = k.endpoint('other');
        k.process('caller', caller, { priority: 200, caps: { ep: ep.cap() } });
        k.process('sender', sender, { priority: 150, caps: { ep: other.cap() } });
        k.process('server', server, {
          priority: 100,
          caps: { ep: ep.cap(), other: other.cap() },
        });
      },
    });
    expect(tcbOf(sim, 'caller').state).toBe('blockedOnReply');
    expect(consoleOf(sim)).toEqual(['sender continues']);
    expect(eventsOf(log, 'messageTransferred').map((e) => e.kind)).toEqual(['call', 'send']);
  });
});
