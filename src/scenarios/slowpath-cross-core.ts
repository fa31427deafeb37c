import { scenario, type Sys } from 'ipcscope';

// Out of the fastpath, way 3: the server runs on another core (sel4-reference.md §1.7 condition
// 11, §1.10). What to watch: every Call and every ReplyRecv is slow with the reason "... runs on
// core 1, this thread on core 0"; each wake-up crosses cores, so the kernel sends a reschedule
// IPI to the idle core (ipiSent), both cores take the big kernel lock, and the endpoint and TCB
// cache lines migrate between the cores (cacheLineMigrated) on every round trip.
export default scenario({
  name: 'Slowpath: a server on another core',
  description:
    'The same echo pair, but the server is pinned to core 1 and the client to core 0. The fastpath ' +
    'only switches between threads of the same core, so every Call and every ReplyRecv goes the ' +
    'slow way. Follow one round trip: the Call queues the server on core 1 and sends it a ' +
    'reschedule IPI, core 1 wakes, takes the big kernel lock and runs the server; the reply ' +
    'does the same in the other direction. Compare the cycles per Call with the echo example, ' +
    'and try another platform (--platform xeon-2s) to see what cache-line migrations cost.',
  machine: { platform: 'skylake-i7', cores: 2, kernel: 'smp', mcs: false },
  seed: 1,
  params: { calls: 3 },
  setup(k) {
    const ep = k.endpoint('echo');
    k.process('server', server, { core: 1, priority: 200, caps: { ep: ep.cap() } });
    k.process('client', client(k.params.calls ?? 3), {
      core: 0,
      priority: 100,
      caps: { ep: ep.cap({ rights: { write: true, grantReply: true }, badge: 1 }) },
    });
  },
});

function* server(sys: Sys) {
  let msg = yield* sys.recv('ep');
  for (;;) msg = yield* sys.replyRecv('ep', { label: msg.label, words: msg.words });
}

function client(calls: number) {
  return function* (sys: Sys) {
    yield* sys.compute(2000); // give core 1 time to reach its Recv
    for (let i = 0; i < calls; i++) {
      const t0 = sys.now();
      const r = yield* sys.call('ep', { label: 1, words: [i] });
      sys.log(`reply ${r.words[0]} after ${sys.now() - t0} cycles`);
    }
  };
}
