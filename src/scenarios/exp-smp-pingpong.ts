import { scenario, type Sys } from 'ipcscope';

// The sel4bench `smp` benchmark (sel4-reference.md §1.10, §2.4): one ping/pong pair per core,
// intra-core IPC only, a busy-wait "think time" between IPCs. Every kernel entry on every core
// takes the one big kernel lock, so with little think time the cores queue for it. Sweep it:
//   ipcscope sweep src/scenarios/exp-smp-pingpong.ts --cores 1,2,3,4 \
//     --platform a9-sabre,haswell-i7 --param think=500,4000,32000 --max-cycles 20000000
export default scenario({
  name: 'Experiment: sel4bench smp (big lock)',
  description:
    'One ping-pong pair per core, each pair on its own core, with `think` cycles of user work ' +
    'between Calls. The pairs share nothing but the kernel image, so any slowdown as cores are ' +
    'added comes from the big kernel lock and the kernel lines it drags between cores. Compare ' +
    'aggregate IPC throughput against the number of cores for think = 500, 4000 and 32000.',
  machine: { platform: 'a9-sabre', cores: 4, kernel: 'smp', mcs: false },
  seed: 1,
  params: { think: 500 },
  setup(k) {
    const think = k.params.think ?? 500;
    for (let core = 0; core < k.machine.cores; core++) {
      const ep = k.endpoint(`ep${core}`, { core });
      k.process(`pong${core}`, pong, { core, priority: 200, caps: { ep: ep.cap() } });
      k.process(`ping${core}`, ping(think), { core, priority: 100, caps: { ep: ep.cap() } });
    }
  },
});

function* pong(sys: Sys) {
  yield* sys.recv('ep');
  for (;;) yield* sys.replyRecv('ep', {});
}

function ping(think: number) {
  return function* (sys: Sys) {
    for (;;) {
      yield* sys.compute(think);
      yield* sys.call('ep', {});
    }
  };
}
