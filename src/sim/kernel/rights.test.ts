// Rights and badges on endpoint caps (sel4-reference.md §1.3): Write to send, Read to receive,
// Grant/GrantReply for a reply cap; the invoked cap's badge reaches the receiver.
import { describe, expect, it } from 'vitest';
import type { ReceivedMessage, Setup, Sys } from '../script/ipcscope';
import { consoleOf, eventsOf, exits, runScenario, tcbOf } from '../testing/runScenario';

function* echoServer(sys: Sys) {
  let m = yield* sys.recv('ep');
  for (;;) {
    sys.log(`server got badge ${m.badge} words ${m.words.join(',')}`);
    m = yield* sys.replyRecv('ep', { words: m.words });
  }
}

describe('rights and badges (§1.3)', () => {
  it('a Call through a cap with neither Grant nor GrantReply delivers the message and leaves the caller Inactive (§1.3)', () => {
    function* client(sys: Sys) {
      yield* sys.call('ep', { words: [3] });
      sys.log('client resumed');
    }
    const { sim, log } = runScenario({
      name: 'call without grant',
      machine: { cores: 1 },
      setup(k) {
        const ep = k.endpoint('ep');
        k.process('server', echoServer, { priority: 200, caps: { ep: ep.cap() } });
        k.process('client', client, {
          priority: 100,
          caps: { ep: ep.cap({ rights: { write: true } }) },
        });
      },
    });
    expect(consoleOf(sim)).toEqual(['server got badge 0 words 3']);
    expect(tcbOf(sim, 'client').state).toBe('inactive');
    expect(eventsOf(log, 'threadBlocked', { thread: 'client', state: 'inactive' })).toHaveLength(1);
    // No reply cap was made, so the server's ReplyRecv replies to nobody.
    expect(eventsOf(log, 'messageTransferred', { kind: 'reply' })).toHaveLength(0);
  });

  it('a Send on an endpoint cap without Write is lost silently (§1.3)', () => {
    function* client(sys: Sys) {
      yield* sys.send('ep', { words: [1] });
      sys.log('send returned');
    }
    const { sim, log } = runScenario({
      name: 'send without write',
      machine: { cores: 1 },
      setup(k) {
        const ep = k.endpoint('ep');
        k.process('server', echoServer, { priority: 200, caps: { ep: ep.cap() } });
        k.process('client', client, {
          priority: 100,
          caps: { ep: ep.cap({ rights: { read: true, grant: true } }) },
        });
      },
    });
    expect(consoleOf(sim)).toEqual(['send returned']);
    expect(eventsOf(log, 'messageTransferred')).toHaveLength(0);
    expect(eventsOf(log, 'faultRaised')).toHaveLength(0);
  });

  it('a Call on an endpoint cap without Write gets an error back (§1.3)', () => {
    let r: ReceivedMessage | null = null;
    function* client(sys: Sys) {
      r = yield* sys.call('ep', { words: [1] });
    }
    const { log } = runScenario({
      name: 'call without write',
      machine: { cores: 1 },
      setup(k) {
        const ep = k.endpoint('ep');
        k.process('server', echoServer, { priority: 200, caps: { ep: ep.cap() } });
        k.process('client', client, {
          priority: 100,
          caps: { ep: ep.cap({ rights: { read: true, grantReply: true } }) },
        });
      },
    });
    expect(r!.error).toMatch(/InvalidCapability.*Write/);
    expect(eventsOf(log, 'messageTransferred')).toHaveLength(0);
    expect(exits(log, 'client', 'Call')[0]!.reason).toMatch(/lacks the Write right/);
  });

  it('a Recv on an endpoint cap without Read raises a cap fault, not an error (§1.3)', () => {
    function* server(sys: Sys) {
      yield* sys.recv('ep');
      sys.log('not reached');
    }
    const { sim, log } = runScenario({
      name: 'recv without read',
      machine: { cores: 1 },
      setup(k) {
        const ep = k.endpoint('ep');
        k.process('server', server, { caps: { ep: ep.cap({ rights: { write: true } }) } });
      },
    });
    const f = eventsOf(log, 'faultRaised', { thread: 'server' });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ faultType: 'capFault', handler: null });
    expect(f[0]!.detail).toMatch(/without Read right/);
    expect(eventsOf(log, 'threadStopped', { thread: 'server' })).toHaveLength(1);
    expect(consoleOf(sim)).toEqual([]);
  });

  it('a badge has 64 bits on 64-bit ISAs but only the low 28 on 32-bit ones (§1.3)', () => {
    const spec = (badge: number) => ({
      name: 'badge width',
      setup(k: Setup) {
        k.process('p', echoServer, { caps: { ep: k.endpoint('ep').cap({ badge }) } });
      },
    });
    expect(() => runScenario(spec(2 ** 28), { platform: 'a9-sabre' })).toThrow(
      /not a valid aarch32 badge/,
    );
    expect(() => runScenario(spec(2 ** 28 - 1), { platform: 'a9-sabre' })).not.toThrow();
    expect(() => runScenario(spec(2 ** 40), { platform: 'a57-tx1' })).not.toThrow();
  });

  it("the badge of the invoked cap is delivered in the receiver's badge register (§1.3)", () => {
    const client = (w: number) =>
      function* (sys: Sys) {
        yield* sys.call('ep', { words: [w] });
      };
    const { sim, log } = runScenario({
      name: 'badges',
      machine: { cores: 1 },
      setup(k) {
        const ep = k.endpoint('ep');
        k.process('server', echoServer, { priority: 200, caps: { ep: ep.cap() } });
        k.process('a', client(1), { priority: 100, caps: { ep: ep.cap({ badge: 0x51 }) } });
        k.process('b', client(2), { priority: 90, caps: { ep: ep.cap({ badge: 0x9 }) } });
      },
    });
    expect(consoleOf(sim, 'server')).toEqual([
      'server got badge 81 words 1',
      'server got badge 9 words 2',
    ]);
    const calls = eventsOf(log, 'messageTransferred', { kind: 'call' }).map((e) => e.badge);
    expect(calls).toEqual([0x51, 0x9]);
  });
});
