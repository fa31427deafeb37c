// The IPC fastpath conditions (sel4-reference.md §1.7, seL4 src/fastpath/fastpath.c): Call and
// ReplyRecv take the fastpath only when every condition holds; otherwise the slowpath reports the
// first failing condition, in seL4's order, as a sentence.
import { describe, expect, it } from 'vitest';
import type { ConfigOverrides } from '../config';
import type { MachineSpec, Message, Rights, Sys } from '../script/ipcscope';
import { exits, runScenario } from '../testing/runScenario';

interface CallCase {
  msg?: Message;
  machine?: MachineSpec;
  rights?: Rights;
  serverCore?: number;
  serverPriority?: number;
  /** Server starts below the caller, so the first Call finds no receiver. */
  serverLate?: boolean;
  /** MCS: the server has no scheduling context of its own. */
  passive?: boolean;
}

/** One Call from 'client' (core 0, priority 100) to an echo server; returns its exit event. */
function callOnce(c: CallCase, overrides: ConfigOverrides = {}) {
  function* server(sys: Sys) {
    let m = yield* sys.recv('ep');
    for (;;) m = yield* sys.replyRecv('ep', { words: m.words.slice(0, 1) });
  }
  function* client(sys: Sys) {
    if (c.serverCore !== undefined) yield* sys.compute(100_000); // let the other core reach Recv
    yield* sys.call('ep', c.msg ?? { words: [1] });
  }
  const mcs = c.machine?.mcs ?? false;
  const { log } = runScenario(
    {
      name: 'fastpath case',
      machine: { platform: 'skylake-i7', cores: 2, ...c.machine },
      setup(k) {
        const ep = k.endpoint('ep');
        k.process('server', server, {
          core: c.serverCore ?? 0,
          priority: c.serverPriority ?? (c.serverLate ? 50 : 200),
          caps: { ep: ep.cap() },
          ...(mcs && c.passive !== false ? { passive: true } : {}),
        });
        k.process('client', client, {
          core: 0,
          priority: 100,
          caps: { ep: ep.cap(c.rights ? { rights: c.rights } : {}), x: ep.cap() },
        });
      },
    },
    overrides,
  );
  const call = exits(log, 'client', 'Call')[0]!;
  return { call, log };
}

const words = (n: number): Message => ({ words: Array.from({ length: n }, (_, i) => i) });
const ia32 = { isa: 'ia32', physicalMRs: { classic: 2, mcs: 1 } };

describe('fastpath_call conditions (§1.7)', () => {
  it('a Call of up to 4 words to a waiting receiver on the same core takes the fastpath (§1.7)', () => {
    expect(callOnce({ msg: words(3) }).call.path).toBe('fast');
    expect(callOnce({ msg: words(4) }).call.path).toBe('fast');
  });

  it('more than 4 message words leave the fastpath on x86-64 (§1.7 condition 1)', () => {
    const { call } = callOnce({ msg: words(5) });
    expect(call.path).toBe('slow');
    expect(call.reason).toBe('5 message words > 4 message registers on x86-64');
  });

  it('more than 4 message words leave the fastpath on AArch64 (§1.7 condition 1)', () => {
    const { call } = callOnce({ msg: words(5), machine: { platform: 'a57-tx1' } });
    expect(call.reason).toBe('5 message words > 4 message registers on aarch64');
    expect(callOnce({ msg: words(4), machine: { platform: 'a57-tx1' } }).call.path).toBe('fast');
  });

  it('IA-32 allows 2 fastpath message words, 1 on MCS (§1.4, §1.7 condition 1)', () => {
    const machine = { profile: ia32 };
    expect(callOnce({ msg: words(2), machine }).call.path).toBe('fast');
    expect(callOnce({ msg: words(3), machine }).call.reason).toBe(
      '3 message words > 2 message registers on ia32',
    );
    const mcs = { profile: ia32, mcs: true };
    expect(callOnce({ msg: words(1), machine: mcs }).call.path).toBe('fast');
    expect(callOnce({ msg: words(2), machine: mcs }).call.reason).toBe(
      '2 message words > 1 message registers on ia32',
    );
  });

  it('a cap in the message leaves the fastpath (§1.7 condition 1: extraCaps == 0)', () => {
    const { call } = callOnce({ msg: { words: [1], caps: ['x'] } });
    expect(call.reason).toBe('1 cap transferred: the fastpath carries no caps');
  });

  it('a Call through a slot without an endpoint cap leaves the fastpath (§1.7 condition 3)', () => {
    function* client(sys: Sys) {
      yield* sys.call('n', {});
    }
    const { log } = runScenario({
      name: 'not an endpoint',
      machine: { cores: 1 },
      setup(k) {
        k.process('client', client, { caps: { n: k.notification('n').cap() } });
      },
    });
    expect(exits(log, 'client', 'Call')[0]!.reason).toBe("slot 'n' does not hold an endpoint cap");
  });

  it('an endpoint not in the Recv state leaves the fastpath: the caller must queue (§1.7 condition 4)', () => {
    const { call } = callOnce({ serverLate: true });
    expect(call.reason).toBe(
      "no receiver is waiting on endpoint 'ep' (state idle): the caller must queue",
    );
  });

  it('a lower-priority receiver takes the fastpath only if nothing above it is ready (§1.7 condition 7)', () => {
    function* server(sys: Sys) {
      let m = yield* sys.recv('ep');
      for (;;) m = yield* sys.replyRecv('ep', { words: m.words });
    }
    function* worker(sys: Sys) {
      for (;;) {
        yield* sys.wait('kick');
        yield* sys.compute(1000);
      }
    }
    function* client(sys: Sys) {
      for (let i = 0; i < 3; i++) {
        if (i === 2) yield* sys.setPriority(40, 'worker'); // nothing above the server now
        yield* sys.signal('kick');
        yield* sys.call('ep', { words: [i] });
      }
    }
    const { log } = runScenario({
      name: 'priority rule',
      machine: { cores: 1 },
      setup(k) {
        const ep = k.endpoint('ep');
        const kick = k.notification('kick');
        k.process('server', server, { priority: 50, caps: { ep: ep.cap() } });
        const worker_ = k.process('worker', worker, { priority: 80, caps: { kick: kick.cap() } });
        k.process('client', client, {
          priority: 100,
          caps: { ep: ep.cap(), kick: kick.cap(), worker: worker_.cap() },
        });
      },
    });
    const calls = exits(log, 'client', 'Call');
    expect(calls[0]!.reason).toMatch(/no receiver is waiting/);
    expect(calls[1]!.reason).toBe(
      "receiver 'server' (priority 50) is below the caller (100) and a higher-priority thread is ready",
    );
    expect(calls[2]!.path).toBe('fast');
  });

  it('an endpoint cap with neither Grant nor GrantReply leaves the fastpath (§1.7 condition 8)', () => {
    const { call } = callOnce({ rights: { write: true } });
    expect(call.reason).toBe(
      'the endpoint cap has neither Grant nor GrantReply, so no reply cap can be made',
    );
    expect(callOnce({ rights: { write: true, grantReply: true } }).call.path).toBe('fast');
  });

  it('MCS: a receiver with its own scheduling context leaves the fastpath (§1.7 condition 10)', () => {
    const { call } = callOnce({ machine: { mcs: true }, passive: false });
    expect(call.reason).toBe("receiver 'server' has its own scheduling context (not passive)");
    expect(callOnce({ machine: { mcs: true } }).call.path).toBe('fast');
  });

  it('SMP: a receiver with another core affinity leaves the fastpath (§1.7 condition 11, §1.10)', () => {
    const { call } = callOnce({ serverCore: 1 });
    expect(call.reason).toBe("receiver 'server' runs on core 1, this thread on core 0");
  });

  it('the first failing condition is the one reported, in seL4 order (§1.7)', () => {
    // 1 (message) before 11 (affinity)
    expect(callOnce({ msg: words(6), serverCore: 1 }).call.reason).toMatch(/6 message words/);
    // 4 (endpoint state) before 8 (grant)
    expect(callOnce({ serverLate: true, rights: { write: true } }).call.reason).toMatch(
      /no receiver is waiting/,
    );
    // 8 (grant) before 11 (affinity)
    expect(callOnce({ rights: { write: true }, serverCore: 1 }).call.reason).toMatch(
      /neither Grant nor GrantReply/,
    );
    // 10 (MCS passive) before 11 (affinity)
    expect(callOnce({ machine: { mcs: true }, passive: false, serverCore: 1 }).call.reason).toMatch(
      /own scheduling context/,
    );
  });
});

describe('fastpath_reply_recv conditions (§1.7)', () => {
  it('ReplyRecv to a caller on the same core with nothing queued takes the fastpath (§1.7)', () => {
    const { log } = callOnce({});
    expect(exits(log, 'server', 'ReplyRecv')[0]!.path).toBe('fast');
  });

  it('ReplyRecv leaves the fastpath while senders are queued on the endpoint (§1.7 condition 5)', () => {
    function* server(sys: Sys) {
      let m = yield* sys.recv('ep');
      for (;;) m = yield* sys.replyRecv('ep', { words: m.words });
    }
    function* client(sys: Sys) {
      yield* sys.call('ep', { words: [1] });
    }
    const { log } = runScenario({
      name: 'queued senders',
      machine: { cores: 1 },
      setup(k) {
        const ep = k.endpoint('ep');
        k.process('server', server, { priority: 50, caps: { ep: ep.cap() } });
        k.process('a', client, { priority: 100, caps: { ep: ep.cap() } });
        k.process('b', client, { priority: 100, caps: { ep: ep.cap() } });
      },
    });
    const rr = exits(log, 'server', 'ReplyRecv');
    expect(rr[0]!.reason).toBe(
      "senders are queued on endpoint 'ep': the next one must be received",
    );
  });

  it('ReplyRecv leaves the fastpath while its bound notification is active (§1.6, §1.7 condition 4)', () => {
    function* server(sys: Sys) {
      let m = yield* sys.recv('ep');
      for (;;) {
        if (m.badge === 1) yield* sys.signal('irq'); // recorded: the server is running
        m = yield* sys.replyRecv('ep', { words: m.words });
        sys.log(`badge ${m.badge}`);
      }
    }
    function* client(sys: Sys) {
      yield* sys.call('ep', { words: [1] });
    }
    const { log, sim } = runScenario({
      name: 'active bound notification',
      machine: { cores: 1 },
      setup(k) {
        const ep = k.endpoint('ep');
        const irq = k.notification('irq');
        k.process('server', server, {
          priority: 200,
          caps: { ep: ep.cap(), irq: irq.cap({ badge: 0x40 }) },
          boundNotification: 'irq',
        });
        k.process('client', client, { priority: 100, caps: { ep: ep.cap({ badge: 1 }) } });
      },
    });
    expect(exits(log, 'server', 'ReplyRecv')[0]!.reason).toBe(
      "bound notification 'irq' is active: the signal must be delivered first",
    );
    expect(sim.console.map((c) => c.text)).toEqual(['badge 64']);
  });

  it('ReplyRecv with no reply cap in the caller slot leaves the fastpath (§1.7 condition 6)', () => {
    function* server(sys: Sys) {
      yield* sys.replyRecv('ep', {});
    }
    const { log } = runScenario({
      name: 'no reply cap',
      machine: { cores: 1 },
      setup(k) {
        k.process('server', server, { caps: { ep: k.endpoint('ep').cap() } });
      },
    });
    expect(exits(log, 'server', 'ReplyRecv')[0]!.reason).toBe('no reply cap in the caller slot');
  });

  it('ReplyRecv leaves the fastpath when a thread above the caller is ready (§1.7 condition 9)', () => {
    function* server(sys: Sys) {
      yield* sys.recv('ep');
      yield* sys.signal('kick'); // wakes 'other' (priority 150) into the ready queue
      yield* sys.replyRecv('ep', {});
    }
    function* other(sys: Sys) {
      yield* sys.wait('kick');
    }
    function* client(sys: Sys) {
      yield* sys.call('ep', {});
    }
    const { log } = runScenario({
      name: 'caller not highest',
      machine: { cores: 1 },
      setup(k) {
        const ep = k.endpoint('ep');
        const kick = k.notification('kick');
        k.process('server', server, {
          priority: 250,
          caps: { ep: ep.cap(), kick: kick.cap() },
        });
        k.process('other', other, { priority: 150, caps: { kick: kick.cap() } });
        k.process('client', client, { priority: 100, caps: { ep: ep.cap() } });
      },
    });
    expect(exits(log, 'server', 'ReplyRecv')[0]!.reason).toBe(
      "a thread above the caller 'client' (priority 100) is ready",
    );
  });

  it('MCS: ReplyRecv to a caller that kept its scheduling context leaves the fastpath (§1.7 condition 11)', () => {
    const { log } = callOnce({ machine: { mcs: true }, passive: false });
    expect(exits(log, 'server', 'ReplyRecv')[0]!.reason).toBe(
      "the caller 'client' still has a scheduling context (it did not donate)",
    );
  });

  it('ReplyRecv to a caller on another core leaves the fastpath (§1.7 condition 12)', () => {
    const { log } = callOnce({ serverCore: 1 });
    expect(exits(log, 'server', 'ReplyRecv')[0]!.reason).toBe(
      "caller 'client' runs on core 0, this thread on core 1",
    );
  });
});
