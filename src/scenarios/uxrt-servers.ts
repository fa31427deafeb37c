import {
  consoleServer,
  nullServer,
  pipeServer,
  scenario,
  upperFilter,
  ramfs,
  type Sys,
} from 'ipcscope';

// A tour of file servers written with the scenario API (sel4-reference.md §4.1: any process can
// serve files; the built-in ones live in src/sim/uxrt/servers). Also process memory as a file,
// a message pipe's ETRUNCATED, and a shell-script-like server of a few lines.
export default scenario({
  name: 'UX/RT: file servers of every kind',
  description:
    'A tour of servers: the console (writes appear in the console panel), /null and /zero, a ' +
    'message pipe that keeps write boundaries and cuts a message too long for the reader with ' +
    'ETRUNCATED, an upper-casing filter whose reads make a second IPC round trip to ramfs, and ' +
    'a greeting server written in four lines, like a shell script. The shell also writes into ' +
    'its own memory through /proc/sh/mem and reads it back: UX/RT presents process memory as files.',
  machine: { platform: 'skylake-i7', cores: 1, kernel: 'smp', mcs: false },
  seed: 1,
  setup(k) {
    k.process('cons', consoleServer(), { priority: 200, serves: 'cons' });
    k.process('dev', nullServer(), { priority: 200, serves: 'dev' });
    k.process('pipe', pipeServer(), { priority: 200, serves: 'pipe' });
    k.process('ramfs', ramfs({ '/poem': 'files all the way down' }), {
      priority: 200,
      serves: 'ramfs',
    });
    k.process('upper', upperFilter('/srv/ramfs'), { priority: 150, serves: 'upper' });
    k.process('greet', greet, { priority: 200, serves: 'greet' });
    k.process('sh', sh, { priority: 100 });
  },
});

// Any process can serve a file system: this is the whole server.
function* greet(sys: Sys) {
  yield* sys.serve({ read: (path, offset) => `hello from ${path}\n`.slice(offset) });
}

function* sh(sys: Sys) {
  yield* sys.bind('/srv/cons', '/dev', 'after');
  yield* sys.bind('/srv/dev', '/dev', 'after');
  sys.log(`ls /dev: ${JSON.stringify(yield* sys.readdir('/dev'))}`);
  const cons = yield* sys.open('/dev/cons', 'w');
  yield* sys.write(cons, 'hello, console');
  const zero = yield* sys.open('/dev/zero');
  sys.log(`4 bytes of /dev/zero: ${JSON.stringify((yield* sys.read(zero, 4)).data)}`);
  const pipe = yield* sys.open('/srv/pipe/data', 'rw');
  yield* sys.write(pipe, 'first message');
  yield* sys.write(pipe, 'second');
  const r1 = yield* sys.read(pipe, 5);
  sys.log(`pipe read of 5: ${JSON.stringify(r1.data)} ${r1.error}`);
  sys.log(`pipe read of 20: ${JSON.stringify((yield* sys.read(pipe, 20)).data)}`);
  const up = yield* sys.open('/srv/upper/poem');
  yield* sys.read(up, 21);
  const op = sys.lastFileOp()!;
  sys.log(
    `upper: ${JSON.stringify(op.bytes)} bytes in ${op.kernelEntries} kernel entries: ${op.hops.join(', ')}`,
  );
  const g = yield* sys.open('/srv/greet/world');
  sys.log(`greet: ${(yield* sys.read(g, 24)).data.trim()}`);
  const mem = yield* sys.open('/proc/sh/mem', 'rw');
  yield* sys.seek(mem, 512);
  yield* sys.write(mem, 'written into my own memory');
  yield* sys.seek(mem, 512);
  sys.log(`/proc/sh/mem at 512: ${JSON.stringify((yield* sys.read(mem, 26)).data)}`);
}
