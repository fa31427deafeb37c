// The benchmark's scenarios, as in-memory sources loaded through the same loader as files.

/** Same-core Call/ReplyRecv ping-pong: every IPC is one fastpath kernel entry. */
export const PING_PONG = `import { scenario, type Sys } from 'ipcscope';
export default scenario({
  name: 'bench: same-core ping-pong',
  machine: { platform: 'skylake-i7', cores: 2, kernel: 'smp' },
  setup(k) {
    const ep = k.endpoint('ep');
    k.process('server', server, { core: 0, priority: 200, caps: { ep: ep.cap() } });
    k.process('client', client, { core: 0, priority: 100, caps: { ep: ep.cap() } });
  },
});
function* server(sys: Sys) {
  let m = yield* sys.recv('ep');
  for (;;) m = yield* sys.replyRecv('ep', { label: m.label, words: m.words });
}
function* client(sys: Sys) {
  for (let i = 0; ; i++) yield* sys.call('ep', { label: 1, words: [i] });
}
`;

/**
 * 64 cores, 1,000 threads: 500 client/server pairs on different cores (often across CCXs and
 * sockets); each client writes a request into a buffer it shares with its server, then Calls it;
 * the server reads the buffer and replies.
 */
export const MANY_CORES = `import { scenario, type Sys } from 'ipcscope';
export default scenario({
  name: 'bench: 64 cores, 1000 threads',
  machine: { platform: 'epyc-2s', cores: 64, kernel: 'smp' },
  params: { pairs: 500, bytes: 256 },
  setup(k) {
    const cores = k.machine.cores;
    for (let i = 0; i < k.params.pairs; i++) {
      const ep = k.endpoint('ep' + i);
      const buf = k.sharedRegion('buf' + i, 4096);
      const clientCore = i % cores;
      const serverCore = (i * 7 + 13) % cores === clientCore ? (clientCore + 1) % cores : (i * 7 + 13) % cores;
      k.process('server' + i, server(buf.name, k.params.bytes), { core: serverCore, priority: 200, caps: { ep: ep.cap() } });
      k.process('client' + i, client(buf.name, k.params.bytes), { core: clientCore, priority: 100, caps: { ep: ep.cap() } });
    }
  },
});
function server(buf: string, bytes: number) {
  return function* (sys: Sys) {
    let m = yield* sys.recv('ep');
    for (;;) {
      yield* sys.touch(buf, { bytes });
      m = yield* sys.replyRecv('ep', { words: m.words });
    }
  };
}
function client(buf: string, bytes: number) {
  return function* (sys: Sys) {
    for (let i = 0; ; i++) {
      yield* sys.touch(buf, { bytes, write: true });
      yield* sys.call('ep', { words: [i] });
    }
  };
}
`;
