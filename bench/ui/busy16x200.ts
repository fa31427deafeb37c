import { scenario, type Sys } from 'ipcscope';

// Load for the UI benchmark: 16 cores, 200 threads. Each core runs 5 servers and 7-8 clients;
// most calls stay on the core (fastpath), every fourth goes to a server on the next core
// (slowpath, IPIs, cache-line migrations, big-lock contention). Clients loop forever.
export default scenario({
  name: 'UI load: 16 cores, 200 threads',
  description: '80 servers and 120 clients on 16 cores of a two-socket Xeon; clients never stop.',
  machine: { platform: 'xeon-2s', cores: 16, kernel: 'smp', mcs: false },
  seed: 1,
  // remoteEvery: one call in this many goes to the next core (the seek phase calls fewer across, so
  // its run holds 2,000,000 events before the cycle limit).
  params: { think: 2000, remoteEvery: 4 },
  setup(k) {
    const cores = k.machine.cores;
    const eps = [];
    for (let i = 0; i < 80; i++) {
      const core = i % cores;
      const ep = k.endpoint(`ep${i}`);
      k.process(`srv${i}`, server, { core, priority: 200, caps: { ep: ep.cap() } });
      eps.push(ep);
    }
    for (let i = 0; i < 120; i++) {
      const core = i % cores;
      const local = eps[(i % 5) * cores + core]!;
      const remote = eps[(i % 5) * cores + ((core + 1) % cores)]!;
      k.process(`cli${i}`, client(k.params.think ?? 2000, k.params.remoteEvery ?? 4), {
        core,
        priority: 100,
        caps: { local: local.cap({ badge: i + 1 }), remote: remote.cap({ badge: i + 1 }) },
      });
    }
  },
});

function* server(sys: Sys) {
  let msg = yield* sys.recv('ep');
  for (;;) msg = yield* sys.replyRecv('ep', { label: msg.label, words: [msg.badge] });
}

function client(think: number, remoteEvery: number) {
  return function* (sys: Sys) {
    for (let i = 0; ; i++) {
      yield* sys.call(i % remoteEvery === remoteEvery - 1 ? 'remote' : 'local', {
        label: 1,
        words: [i],
      });
      yield* sys.compute(think);
    }
  };
}
