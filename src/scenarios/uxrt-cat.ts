import { ramfs, scenario, type Sys } from 'ipcscope';

// UX/RT's promise, counted (sel4-reference.md §4.1): a Unix read() is one seL4 Call in the client
// and one ReplyRecv in the server. `cat` opens a file through the process server (several kernel
// entries, once) and then reads it straight from ramfs, a few bytes at a time. What to watch:
// each read's fileOperation says 1 client entry and 1 server entry, both on the fastpath; the
// open goes slow because its reply carries a cap. Try --param chunk=64: the reply no longer fits
// in the registers and travels through the shared buffer (still 1 + 1, plus the copy).
export default scenario({
  name: 'UX/RT: cat a file, counting kernel entries',
  description:
    'A cat process opens /srv/ramfs/motd through the process server and reads it in chunks. The ' +
    'open costs a Call to the process server, its Call to ramfs and back, a CNode_Mint of a ' +
    'badged endpoint cap, and the reply that carries the cap: slowpath, once. Every read after ' +
    'that goes straight to ramfs: one Call in cat and one ReplyRecv in ramfs, both on the ' +
    'fastpath, because ramfs waits on the same core and the chunk fits in the message registers. ' +
    'The console shows the count for each operation. Set the param chunk to 64 to move the data ' +
    'through the shared buffer instead.',
  machine: { platform: 'skylake-i7', cores: 1, kernel: 'smp', mcs: false },
  seed: 1,
  params: { chunk: 16 },
  setup(k) {
    const motd = 'Welcome to UX/RT on seL4.\nEvery file is a server.\n';
    k.process('ramfs', ramfs({ '/motd': motd }), { priority: 200, serves: 'ramfs' });
    k.process('cat', cat('/srv/ramfs/motd', k.params.chunk ?? 16), { priority: 100 });
  },
});

function cat(path: string, chunk: number) {
  return function* (sys: Sys) {
    const count = (): string => {
      const op = sys.lastFileOp()!;
      const how = op.reason === undefined ? 'all fastpath' : `slow: ${op.reason}`;
      return `${op.op}: ${op.clientEntries} entry in cat + ${op.serverEntries} in servers (${op.transport}, ${how})`;
    };
    const fd = yield* sys.open(path);
    if (fd < 0) return sys.log(`open ${path}: ${sys.errstr()}`);
    sys.log(count());
    let text = '';
    for (;;) {
      const r = yield* sys.read(fd, chunk);
      if (r.error !== undefined) return sys.log(r.error);
      if (r.bytes === 0) break;
      text += r.data;
      sys.log(count());
    }
    yield* sys.close(fd);
    sys.log(count());
    sys.log(`cat ${path}:\n${text}`);
  };
}
