import { scenario, type Sys } from 'ipcscope';

// Out of the fastpath, way 4: the priority rule (sel4-reference.md §1.7 condition 7, §1.8).
// The fastpath may switch straight to a receiver of lower priority than the caller only if
// nothing else ready outranks that receiver. Here a worker at priority 80 is ready whenever the
// client (100) calls the server (50). What to watch: the first Call is slow because the server has
// not reached its Recv yet; the next ones are slow with the reason "receiver 'server' (priority
// 50) is below the caller (100) and a higher-priority thread is ready", and the scheduler runs
// the worker before the server: the client waits for the worker (priority inversion).
export default scenario({
  name: 'Slowpath: a low-priority server',
  description:
    'The client (priority 100) calls a server at priority 50. Just before each Call it wakes a ' +
    'worker at priority 80. The fastpath would jump straight into the server, but the server is ' +
    'below the caller and the worker is ready and above the server, so seL4 takes the slowpath ' +
    'and lets the scheduler decide: the worker runs first, and only then the server answers. ' +
    'Look at the slowpath reasons and at the order of threadSwitched events. The fix in real ' +
    'systems: give servers a priority at least as high as their clients.',
  machine: { platform: 'skylake-i7', cores: 1, kernel: 'smp', mcs: false },
  seed: 1,
  params: { calls: 3, work: 3000 },
  setup(k) {
    const ep = k.endpoint('service');
    const kick = k.notification('kick');
    k.process('server', server, { core: 0, priority: 50, caps: { ep: ep.cap() } });
    k.process('worker', worker(k.params.work ?? 3000), {
      core: 0,
      priority: 80,
      caps: { kick: kick.cap() },
    });
    k.process('client', client(k.params.calls ?? 3), {
      core: 0,
      priority: 100,
      caps: { ep: ep.cap({ badge: 1 }), kick: kick.cap() },
    });
  },
});

function* server(sys: Sys) {
  let msg = yield* sys.recv('ep');
  for (;;) {
    sys.log(`server answers call ${msg.words[0]}`);
    msg = yield* sys.replyRecv('ep', { words: msg.words });
  }
}

function worker(work: number) {
  return function* (sys: Sys) {
    for (;;) {
      yield* sys.wait('kick');
      sys.log('worker runs before the server');
      yield* sys.compute(work);
    }
  };
}

function client(calls: number) {
  return function* (sys: Sys) {
    for (let i = 0; i < calls; i++) {
      yield* sys.signal('kick');
      const t0 = sys.now();
      yield* sys.call('ep', { words: [i] });
      sys.log(`call ${i} took ${sys.now() - t0} cycles`);
    }
  };
}
