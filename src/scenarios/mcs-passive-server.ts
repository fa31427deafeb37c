import { scenario, type Sys } from 'ipcscope';

// An MCS passive server with scheduling-context donation (sel4-reference.md §1.9). The server has
// no scheduling context (SC) of its own: it runs only on the SC a client lends it with a Call,
// and gives it back with the reply. What to watch: schedContextDonated / schedContextReturned on
// every call; the server migrates (threadMigrated) to the core of the SC it was lent, so the first
// Call from core 1 is slow ("receiver 'server' runs on core 0 ...") and the following ones are
// fast; when the client on core 0 calls, the server moves back.
export default scenario({
  name: 'MCS: a passive server follows its clients',
  description:
    'On the MCS kernel time is a capability: a thread runs only while it holds a scheduling ' +
    'context with budget. This server is passive, it has none. Each client lends it its own ' +
    "SC with the Call, the server runs on the client's budget, and the reply returns the SC. " +
    "Because an SC belongs to a core, the server migrates to the caller's core: the first call " +
    'from core 1 is slow (the server still lives on core 0), the next ones are fastpath, and the ' +
    "client on core 0 pulls the server back. Watch the donation events and the server's core.",
  machine: { platform: 'skylake-i7', cores: 2, kernel: 'smp', mcs: true },
  seed: 1,
  params: { calls: 3 },
  setup(k) {
    const ep = k.endpoint('service');
    k.process('server', server, { core: 0, priority: 200, passive: true, caps: { ep: ep.cap() } });
    const calls = k.params.calls ?? 3;
    k.process('far', client(calls, 0), {
      core: 1,
      priority: 100,
      caps: { ep: ep.cap({ rights: { write: true, grantReply: true }, badge: 1 }) },
    });
    k.process('near', client(calls, 60_000), {
      core: 0,
      priority: 100,
      caps: { ep: ep.cap({ rights: { write: true, grantReply: true }, badge: 2 }) },
    });
  },
});

function* server(sys: Sys) {
  let msg = yield* sys.recv('ep');
  for (;;) {
    yield* sys.compute(500); // charged to the caller's budget
    msg = yield* sys.replyRecv('ep', { words: [msg.badge] });
  }
}

function client(calls: number, startAfter: number) {
  return function* (sys: Sys) {
    yield* sys.compute(startAfter + 2000);
    for (let i = 0; i < calls; i++) {
      const t0 = sys.now();
      yield* sys.call('ep', { words: [i] });
      sys.log(`call ${i} took ${sys.now() - t0} cycles`);
    }
  };
}
