import { scenario, type Sys } from 'ipcscope';

// The fastpath at its best (sel4-reference.md §1.7): a client Calls a higher-priority echo server
// on the same core, the server answers with ReplyRecv. Every IPC is one kernel entry on the
// fastpath. What to watch: each Call and ReplyRecv exits with path 'fast'; the endpoint goes
// recv -> idle -> recv; the server's first Recv is the only slowpath entry.
export default scenario({
  name: 'Call / ReplyRecv echo',
  description:
    'A client calls an echo server on the same core. The server waits in Recv, so each Call finds ' +
    'a receiver and takes the fastpath; the server answers with ReplyRecv, also on the fastpath. ' +
    'Step through one Call: the endpoint goes from recv to idle, the client blocks on the reply, ' +
    'the server runs, and ReplyRecv switches straight back.',
  machine: { platform: 'skylake-i7', cores: 1, kernel: 'smp', mcs: false },
  seed: 1,
  params: { calls: 3 },
  setup(k) {
    const ep = k.endpoint('echo');
    k.process('server', server, { core: 0, priority: 200, caps: { ep: ep.cap() } });
    k.process('client', client(k.params.calls ?? 3), {
      core: 0,
      priority: 100,
      caps: { ep: ep.cap({ rights: { write: true, grantReply: true }, badge: 7 }) },
    });
  },
});

function* server(sys: Sys) {
  let msg = yield* sys.recv('ep');
  for (;;) msg = yield* sys.replyRecv('ep', { label: msg.label, words: msg.words });
}

function client(calls: number) {
  return function* (sys: Sys) {
    for (let i = 0; i < calls; i++) {
      const r = yield* sys.call('ep', { label: 1, words: [i] });
      sys.log(`reply ${r.words[0]} (badge seen by server: 7)`);
    }
  };
}
