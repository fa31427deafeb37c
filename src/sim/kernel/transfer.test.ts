// Message transfer (sel4-reference.md §1.3 cap transfer, §1.4 message format): one receive slot,
// unwrapping of caps to the very endpoint, Grant needed for caps, transfer stops at the first
// failure, at most 120 words.
import { describe, expect, it } from 'vitest';
import type { ReceivedMessage, Rights, Sys } from '../script/ipcscope';
import { eventsOf, runScenario, tcbOf } from '../testing/runScenario';

interface Case {
  caps: string[];
  rights?: Rights;
  receiveSlot?: string | null;
  /** Fill the receive slot before the message arrives. */
  occupied?: boolean;
}

/** A client sends `caps` with one message; returns what the server received and the run. */
function transfer(c: Case) {
  let got: ReceivedMessage | null = null;
  function* server(sys: Sys) {
    got = yield* sys.recv('ep');
  }
  function* client(sys: Sys) {
    yield* sys.send('ep', { label: 4, words: [1], caps: c.caps });
  }
  const run = runScenario({
    name: 'cap transfer',
    machine: { cores: 1 },
    setup(k) {
      const ep = k.endpoint('ep');
      const other = k.endpoint('other');
      const a = k.notification('a');
      const b = k.notification('b');
      const receiveSlot = c.receiveSlot === undefined ? 'rx' : c.receiveSlot;
      k.process('server', server, {
        priority: 200,
        caps: { ep: ep.cap(), ...(c.occupied ? { rx: b.cap() } : {}) },
        ...(receiveSlot === null ? {} : { receiveSlot }),
      });
      k.process('client', client, {
        priority: 100,
        caps: {
          ep: ep.cap({ badge: 7, ...(c.rights ? { rights: c.rights } : {}) }),
          a: a.cap({ badge: 1 }),
          b: b.cap({ badge: 2 }),
          self: ep.cap({ badge: 33 }),
          other: other.cap({ badge: 44 }),
        },
      });
    },
  });
  return { got: got as ReceivedMessage | null, ...run };
}

describe('cap transfer (§1.3)', () => {
  it('a transferred cap lands in the receiver’s one receive slot (§1.3)', () => {
    const { got, sim } = transfer({ caps: ['a'] });
    expect(got).toMatchObject({ extraCaps: 1, capsUnwrapped: 0, caps: ['rx'] });
    const rx = tcbOf(sim, 'server').cspace.get('rx')!.cap!;
    expect(rx.object.name).toBe('a');
    expect(rx.badge).toBe(1);
  });

  it('at most one real cap is transferred per message: the second finds no receive slot and stops the transfer (§1.3)', () => {
    const { got, sim } = transfer({ caps: ['a', 'b'] });
    expect(got).toMatchObject({ extraCaps: 1, caps: ['rx'] });
    expect(tcbOf(sim, 'server').cspace.get('rx')!.cap!.object.name).toBe('a');
  });

  it('a cap naming the very endpoint is unwrapped: only its badge goes and capsUnwrapped bit i is set (§1.3)', () => {
    const { got } = transfer({ caps: ['other', 'self'] });
    expect(got!.extraCaps).toBe(2);
    expect(got!.capsUnwrapped).toBe(0b10);
    expect(got!.unwrappedBadges[1]).toBe(33);
    expect(got!.caps).toEqual(['rx']);
  });

  it('unwrapping needs no receive slot (§1.3)', () => {
    const { got } = transfer({ caps: ['self'], receiveSlot: null });
    expect(got).toMatchObject({ extraCaps: 1, capsUnwrapped: 1, caps: [] });
  });

  it('without the Grant right caps are dropped and only data goes (§1.3)', () => {
    const { got, sim } = transfer({
      caps: ['a', 'self'],
      rights: { write: true, grantReply: true },
    });
    expect(got).toMatchObject({ extraCaps: 0, capsUnwrapped: 0, caps: [], label: 4 });
    expect(got!.words).toEqual([1]);
    expect(tcbOf(sim, 'server').cspace.has('rx')).toBe(false);
  });

  it('the transfer stops at the first failure and reports no error (§1.3 transferCaps)', () => {
    // 'b' fails (the slot is taken by 'a'), so 'self' after it is never unwrapped.
    const { got } = transfer({ caps: ['a', 'b', 'self'] });
    expect(got).toMatchObject({ extraCaps: 1, capsUnwrapped: 0, caps: ['rx'] });
    expect(got!.error).toBeUndefined();
  });

  it('a receive slot that already holds a cap takes nothing (§1.3)', () => {
    const { got, sim } = transfer({ caps: ['a'], occupied: true });
    expect(got).toMatchObject({ extraCaps: 0, caps: [] });
    expect(tcbOf(sim, 'server').cspace.get('rx')!.cap!.object.name).toBe('b');
  });

  it('messageTransferred reports the number of caps processed (§1.4 extraCaps)', () => {
    const { log } = transfer({ caps: ['other', 'self'] });
    expect(eventsOf(log, 'messageTransferred')[0]).toMatchObject({ caps: 2, label: 4, badge: 7 });
  });
});

describe('message format (§1.4)', () => {
  it('a message longer than 120 words is truncated to 120 (§1.4 seL4_MsgMaxLength)', () => {
    let got: ReceivedMessage | null = null;
    function* server(sys: Sys) {
      got = yield* sys.recv('ep');
    }
    function* client(sys: Sys) {
      yield* sys.send('ep', { words: Array.from({ length: 130 }, (_, i) => i) });
    }
    const { log } = runScenario({
      name: 'truncation',
      machine: { cores: 1 },
      setup(k) {
        const ep = k.endpoint('ep');
        k.process('server', server, { priority: 200, caps: { ep: ep.cap() } });
        k.process('client', client, { priority: 100, caps: { ep: ep.cap() } });
      },
    });
    const m = got as ReceivedMessage | null;
    expect(m!.length).toBe(120);
    expect(m!.words).toHaveLength(120);
    expect(m!.words[119]).toBe(119);
    expect(eventsOf(log, 'messageTransferred')[0]!.length).toBe(120);
  });
});
