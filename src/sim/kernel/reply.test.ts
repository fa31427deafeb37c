// Reply caps (classic) and reply objects (MCS) (sel4-reference.md §1.5): one-shot, answered by
// Reply/ReplyRecv; a second Recv deletes a pending classic reply cap; replying to nobody is a no-op.
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

const client = (w: number) =>
  function* (sys: Sys) {
    const r = yield* sys.call('ep', { words: [w] });
    sys.log(`reply ${r.words[0]}`);
  };

describe('reply caps and reply objects (§1.5)', () => {
  it('classic: a second Recv before replying deletes the pending reply cap, so the first caller is never answered (§1.5)', () => {
    function* server(sys: Sys) {
      yield* sys.recv('ep'); // caller 'a'
      yield* sys.recv('ep'); // deletes a's reply cap, then receives 'b'
      yield* sys.reply({ words: [2] });
    }
    const { sim, log } = runScenario({
      name: 'reply cap deleted',
      machine: { cores: 1 },
      setup(k: Setup) {
        const ep = k.endpoint('ep');
        k.process('a', client(1), { priority: 200, caps: { ep: ep.cap() } });
        k.process('b', client(2), { priority: 150, caps: { ep: ep.cap() } });
        k.process('server', server, { priority: 100, caps: { ep: ep.cap() } });
      },
    });
    expect(consoleOf(sim)).toEqual(['reply 2']);
    expect(tcbOf(sim, 'a').state).toBe('blockedOnReply');
    expect(eventsOf(log, 'messageTransferred', { kind: 'reply' }).map((e) => e.to)).toEqual(['b']);
  });

  it('classic: a Wait on a notification keeps the pending reply cap (§1.5 handleRecv deletes it only for an endpoint)', () => {
    function* server(sys: Sys) {
      yield* sys.recv('ep');
      yield* sys.wait('n');
      yield* sys.reply({ words: [5] });
    }
    function* signaller(sys: Sys) {
      yield* sys.signal('n');
    }
    const { sim } = runScenario({
      name: 'wait keeps reply cap',
      machine: { cores: 1 },
      setup(k) {
        const ep = k.endpoint('ep');
        const n = k.notification('n');
        k.process('a', client(1), { priority: 200, caps: { ep: ep.cap() } });
        k.process('server', server, { priority: 100, caps: { ep: ep.cap(), n: n.cap() } });
        k.process('signaller', signaller, { priority: 50, caps: { n: n.cap({ badge: 1 }) } });
      },
    });
    expect(consoleOf(sim)).toEqual(['reply 5']);
  });

  it('a Reply with no caller waiting has no effect (§1.5)', () => {
    function* server(sys: Sys) {
      yield* sys.reply({ words: [1] });
      sys.log('still running');
    }
    for (const mcs of [false, true]) {
      const { sim, log } = runScenario({
        name: 'reply to nobody',
        machine: { cores: 1, mcs },
        setup(k) {
          k.process('server', server, {});
        },
      });
      expect(consoleOf(sim)).toEqual(['still running']);
      expect(eventsOf(log, 'messageTransferred')).toHaveLength(0);
      expect(eventsOf(log, 'faultRaised')).toHaveLength(0);
    }
  });

  it('classic: a Call writes a one-shot reply cap into the receiver’s caller slot; the reply consumes it (§1.5)', () => {
    let sim: Simulation | null = null;
    const slot = (): string => tcbOf(sim!, 'server').callerSlot?.object.name ?? 'nothing';
    function* server(sys: Sys) {
      yield* sys.recv('ep');
      sys.log(`caller slot holds ${slot()}`);
      yield* sys.reply({ words: [7] });
      sys.log(`after the reply: ${slot()}`);
      yield* sys.reply({ words: [8] }); // nothing left to reply to
    }
    sim = buildSim({
      name: 'caller slot',
      machine: { cores: 1 },
      setup(k) {
        const ep = k.endpoint('ep');
        k.process('a', client(1), { priority: 200, caps: { ep: ep.cap() } });
        k.process('server', server, { priority: 100, caps: { ep: ep.cap() } });
      },
    });
    sim.run(TEST_LIMITS);
    expect(consoleOf(sim, 'server')).toEqual(['caller slot holds a', 'after the reply: nothing']);
    expect(eventsOf(sim.log, 'messageTransferred', { kind: 'reply' })).toHaveLength(1);
    expect(consoleOf(sim, 'a')).toEqual(['reply 7']);
  });

  it('MCS: a Call links the caller to the receiver’s reply object, and the reply unlinks it (§1.5)', () => {
    function* server(sys: Sys) {
      yield* sys.recv('ep');
      yield* sys.reply({ words: [3] });
    }
    const { sim, log } = runScenario({
      name: 'reply object',
      machine: { cores: 1, mcs: true },
      setup(k) {
        const ep = k.endpoint('ep');
        k.process('a', client(1), { priority: 200, caps: { ep: ep.cap() } });
        k.process('server', server, { priority: 100, caps: { ep: ep.cap() } });
      },
    });
    expect(
      eventsOf(log, 'threadBlocked', { thread: 'a', state: 'blockedOnReply' })[0]!.object,
    ).toBe('server.reply');
    expect(eventsOf(log, 'messageTransferred', { kind: 'reply' })[0]!.object).toBe('server.reply');
    expect(consoleOf(sim)).toEqual(['reply 3']);
    expect(sim.world.state.replies.find((r) => r.name === 'server.reply')!.caller).toBeNull();
  });

  it('MCS: a Recv through a reply object with an unanswered caller cancels that caller, which becomes Inactive (§1.5 reply_unlink)', () => {
    function* server(sys: Sys) {
      yield* sys.recv('ep'); // caller 'a' is linked to server.reply
      yield* sys.recv('ep'); // the same reply object again: 'a' is cut loose
      yield* sys.reply({ words: [2] });
    }
    const { sim, log } = runScenario({
      name: 'reply object reused',
      machine: { cores: 1, mcs: true },
      setup(k: Setup) {
        const ep = k.endpoint('ep');
        k.process('a', client(1), { priority: 200, caps: { ep: ep.cap() } });
        k.process('b', client(2), { priority: 150, caps: { ep: ep.cap() } });
        k.process('server', server, { priority: 100, caps: { ep: ep.cap() } });
      },
    });
    expect(consoleOf(sim)).toEqual(['reply 2']);
    expect(tcbOf(sim, 'a').state).toBe('inactive');
    expect(eventsOf(log, 'threadBlocked', { thread: 'a', state: 'inactive' })).toHaveLength(1);
  });

  it('MCS: a Call to a receiver that used Wait (no reply object) leaves the caller Inactive (§1.5)', () => {
    function* server(sys: Sys) {
      const m = yield* sys.wait('ep');
      sys.log(`got ${m.words[0]}`);
    }
    const { sim } = runScenario({
      name: 'wait no reply object',
      machine: { cores: 1, mcs: true },
      setup(k) {
        const ep = k.endpoint('ep');
        k.process('server', server, { priority: 200, caps: { ep: ep.cap() } });
        k.process('a', client(4), { priority: 100, caps: { ep: ep.cap() } });
      },
    });
    expect(consoleOf(sim)).toEqual(['got 4']);
    expect(tcbOf(sim, 'a').state).toBe('inactive');
  });
});
