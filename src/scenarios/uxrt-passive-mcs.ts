import { ramfs, scenario, type Sys } from 'ipcscope';

// A passive file server on MCS (sel4-reference.md §1.9, §4.1): ramfs has no scheduling context
// of its own; each client's Call lends it the client's, and the server migrates to that client's
// core to run on it. What to watch: schedContextDonated/Returned and threadMigrated for ramfs;
// each client's first read after another core's takes the slowpath (the server sits on the
// other core), and reads in a row from one core go fast. Try --param cores=1 or --mcs off.
export default scenario({
  name: 'UX/RT: a passive file server on MCS',
  description:
    'ramfs is a passive server: it has no scheduling context and runs only on the ones its ' +
    'clients lend it with each Call. One client per core reads the same file in bursts. The ' +
    'server follows the scheduling context to the caller’s core (threadMigrated), answers, and ' +
    'gives the context back. A read from the core where ramfs already sits is one fastpath Call ' +
    'and one fastpath ReplyRecv; the first read after another core’s is slow, with the reason ' +
    '"runs on core N". The process server stays active with its own scheduling context.',
  machine: { platform: 'skylake-i7', cores: 4, kernel: 'smp', mcs: true },
  seed: 1,
  params: { burst: 3, bursts: 2 },
  setup(k) {
    k.process('ramfs', ramfs({ '/data': 'passive servers run on borrowed time. '.repeat(4) }), {
      priority: 200,
      serves: 'ramfs',
      passive: k.machine.mcs,
    });
    const p = k.params;
    for (let c = 0; c < k.machine.cores; c++) {
      k.process(`client${c}`, client(p.burst ?? 3, p.bursts ?? 2, c * 20000), {
        core: c,
        priority: 100,
      });
    }
  },
});

function client(burst: number, bursts: number, delay: number) {
  return function* (sys: Sys) {
    const fd = yield* sys.open('/srv/ramfs/data');
    yield* sys.compute(delay);
    for (let b = 0; b < bursts; b++) {
      const paths: string[] = [];
      for (let i = 0; i < burst; i++) {
        yield* sys.read(fd, 8);
        const op = sys.lastFileOp()!;
        paths.push(op.reason === undefined ? 'fast' : 'slow');
      }
      sys.log(`burst ${b}: reads ${paths.join(', ')}`);
      yield* sys.compute(4 * 20000);
    }
  };
}
