import { scenario, type Sys } from 'ipcscope';

// A server that dies must not leave its clients blocked (sel4-reference.md §1.5, §4.1). seL4
// keeps a caller blocked on a reply cap that lives in the dead server's TCB; UX/RT's process
// server is every process's fault handler and exit path, so it drops the port from /srv and loads
// an EPIPE responder into the server's thread. 'quitter' returns without serving; 'stuck' takes a
// cap fault in the middle of a read; 'idle' is killed through /proc/idle/ctl. A handler that
// throws is handled like the return (and reported as a script error with its line). Every client
// gets EPIPE with the reason.
export default scenario({
  name: 'UX/RT: a server goes away',
  description:
    'Three servers fail in three ways: quitter returns from its program without serving (exit), ' +
    'stuck makes a Call on an empty slot in the middle of a read (a cap fault the kernel sends to ' +
    'the process server), and idle is killed by a client writing kill to /proc/idle/ctl. In ' +
    'each case the process server drops ' +
    'the port from /srv and leaves an EPIPE responder in the server thread, so the client that ' +
    'was waiting gets EPIPE with the reason, later reads get EPIPE at once, and a new open of the ' +
    'port is refused. No client is left blocked: the run ends idle.',
  machine: { platform: 'skylake-i7', cores: 2, kernel: 'smp', mcs: false },
  seed: 1,
  setup(k) {
    k.process('quitter', quitter, { core: 0, priority: 200, serves: 'quitter' });
    k.process('stuck', stuck, { core: 0, priority: 200, serves: 'stuck' });
    k.process('idle', idle, { core: 0, priority: 200, serves: 'idle' });
    k.process('client', client, { core: 1, priority: 100 });
  },
});

function* quitter(sys: Sys) {
  yield* sys.compute(2000); // looks for its configuration
  sys.log('no configuration, nothing to serve');
}

function* stuck(sys: Sys) {
  yield* sys.serve({
    *read() {
      yield* sys.call('no-such-slot', { label: 1 });
      return 'never';
    },
  });
}

function* idle(sys: Sys) {
  yield* sys.serve({ read: () => 'still here\n' });
}

function* client(sys: Sys) {
  sys.log(`open /srv/quitter/f: ${yield* sys.open('/srv/quitter/f')} ${sys.errstr()}`);
  const s = yield* sys.open('/srv/stuck/f');
  sys.log(`stuck read: ${(yield* sys.read(s, 20)).error}`);
  sys.log(`stuck read again: ${(yield* sys.read(s, 20)).error}`);
  const i = yield* sys.open('/srv/idle/f');
  sys.log(`idle read: ${JSON.stringify((yield* sys.read(i, 20)).data)}`);
  const ctl = yield* sys.open('/proc/idle/ctl', 'w');
  yield* sys.write(ctl, 'kill');
  sys.log(`idle read after kill: ${(yield* sys.read(i, 20)).error}`);
  sys.log(`ls /srv: ${JSON.stringify(yield* sys.readdir('/srv'))}`);
}
