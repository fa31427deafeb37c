import { ramfs, scenario, type Sys } from 'ipcscope';

// One file server for all cores, or one per core (sel4-reference.md §1.10, §4.1). Each core runs
// a client that reads a file in a loop. perCore=0: one ramfs on core 0 serves everyone, so most
// reads cross cores: slowpath, reschedule IPIs, the big lock and migrating lines. perCore=1: each
// core has its own ramfs and reads stay on the core, on the fastpath, but still under the one big
// lock of the SMP image. Under --kernel multikernel each core has its own lock, and one server
// cannot serve other images at all (caps mean nothing there): open gives EXDEV.
export default scenario({
  name: 'UX/RT: one server for all cores vs one per core',
  description:
    'Every core runs a client reading a file over and over. With perCore=0 one ramfs on core 0 ' +
    'serves all of them: the clients on other cores pay for cross-core IPC on every read ' +
    '(slowpath for affinity, reschedule IPIs, lock contention, cache-line migrations), and they ' +
    'queue behind each other. With perCore=1 each core has its own ramfs, serving /srv/ramfs<N>, ' +
    'and each read is one fastpath Call and one fastpath ReplyRecv, though under one SMP image ' +
    'every core still takes the same big lock; with --kernel multikernel each core has its own. ' +
    'The console prints the mean cycles per read for each client; sweep perCore, cores and ' +
    'kernel to compare.',
  machine: { platform: 'skylake-i7', cores: 4, kernel: 'smp', mcs: false },
  seed: 1,
  params: { perCore: 0, reads: 10 },
  setup(k) {
    const perCore = (k.params.perCore ?? 0) !== 0;
    const text = 'one server per core, or one for all? '.repeat(8);
    const servers = perCore ? k.machine.cores : 1;
    for (let c = 0; c < servers; c++) {
      k.process(`ramfs${c}`, ramfs({ '/data': text }), {
        core: c,
        priority: 200,
        serves: `ramfs${c}`,
      });
    }
    for (let c = 0; c < k.machine.cores; c++) {
      const port = perCore ? `ramfs${c}` : 'ramfs0';
      k.process(`client${c}`, client(`/srv/${port}/data`, k.params.reads ?? 10), {
        core: c,
        priority: 100,
      });
    }
  },
});

function client(path: string, reads: number) {
  return function* (sys: Sys) {
    const fd = yield* sys.open(path);
    if (fd < 0) return sys.log(`open ${path}: ${sys.errstr()}`);
    let cycles = 0;
    let slow = 0;
    for (let i = 0; i < reads; i++) {
      yield* sys.seek(fd, 0);
      yield* sys.read(fd, 16);
      const op = sys.lastFileOp()!;
      cycles += op.cycles;
      if (op.reason !== undefined) slow++;
    }
    sys.log(
      `${path}: ${Math.round(cycles / reads)} cycles per read, ${slow} of ${reads} reads left the fastpath`,
    );
  };
}
