import { scenario, type Sys } from 'ipcscope';

// Heiser's argument (sel4-reference.md §3.1, §5): cores pair up, client on an even core and its
// server on the odd core next to it, so every Call crosses cores. Under one SMP image every
// kernel entry also takes the one big lock and writes shared kernel lines, and on a big machine
// those lines cross sockets. As a clustered multikernel each cluster has its own lock and lines.
//   ipcscope sweep src/scenarios/exp-cross-core.ts --cores 2,4,8,16,32 \
//     --platform a9-sabre,xeon-2s --kernel smp,clustered:2 --max-cycles 20000000
export default scenario({
  name: 'Experiment: cross-core IPC, one image vs clustered multikernel',
  description:
    'Clients on even cores call servers on the odd core beside them, with a little user work per ' +
    'request. Cross-core IPC always takes the slowpath and moves the endpoint, both TCBs and the ' +
    'lock between cores. Watch cycles per IPC and migration cycles per kernel entry as cores grow, ' +
    'for a small Arm SoC, a two-socket x86 server, and the server split into clustered images.',
  machine: { platform: 'xeon-2s', cores: 8, kernel: 'smp', mcs: false },
  seed: 1,
  params: { work: 200 },
  setup(k) {
    const work = k.params.work ?? 200;
    for (let core = 0; core + 1 < k.machine.cores; core += 2) {
      const ep = k.endpoint(`ep${core}`, { core: core + 1 });
      k.process(`server${core + 1}`, server(work), {
        core: core + 1,
        priority: 200,
        caps: { ep: ep.cap() },
      });
      k.process(`client${core}`, client(work), { core, priority: 100, caps: { ep: ep.cap() } });
    }
  },
});

function server(work: number) {
  return function* (sys: Sys) {
    let msg = yield* sys.recv('ep');
    for (;;) {
      yield* sys.compute(work);
      msg = yield* sys.replyRecv('ep', { words: [msg.words[0] ?? 0] });
    }
  };
}

function client(work: number) {
  return function* (sys: Sys) {
    for (let i = 0; ; i++) {
      yield* sys.compute(work);
      yield* sys.call('ep', { words: [i] });
    }
  };
}
