import { ramfs, scenario, type Sys } from 'ipcscope';

// Per-process namespaces (sel4-reference.md §4.2 rfork): a child gets a copy of its parent's
// namespace (RFNAMEG) or shares it. The parent binds ramfs onto /tmp and spawns two children:
// 'copy' gets a copy, 'twin' shares. Then each changes its namespace. What to watch: the
// Namespace view after each bind; /proc/<name>/ns, the Plan 9 text of each mount table.
export default scenario({
  name: 'UX/RT: namespaces diverging after fork',
  description:
    'The parent binds a ramfs onto /tmp and spawns two children. copy gets a copy of the ' +
    "parent's namespace, like rfork with RFNAMEG; twin shares the parent's. copy then unmounts " +
    '/tmp and binds /srv/ramfs/docs on /mnt, twin binds /srv/ramfs/bin on /bin. The parent reads ' +
    'every /proc/<name>/ns: it sees twin’s change in its own namespace but not copy’s, and copy ' +
    'sees neither of theirs. Each process emits namespaceChanged, so the Namespace view draws ' +
    'the three trees side by side.',
  machine: { platform: 'skylake-i7', cores: 1, kernel: 'smp', mcs: false },
  seed: 1,
  setup(k) {
    k.process('ramfs', ramfs({ '/bin/ls': 'ls', '/docs/README': 'read me', '/scratch': '' }), {
      priority: 200,
      serves: 'ramfs',
    });
    k.process('parent', parent, { priority: 100 });
    k.process('copy', copy, { priority: 120, parent: 'parent' });
    k.process('twin', twin, { priority: 120, parent: 'parent', shareNamespace: true });
  },
});

function* showNs(sys: Sys, who: string) {
  const fd = yield* sys.open(`/proc/${who}/ns`);
  const r = yield* sys.read(fd, 400);
  yield* sys.close(fd);
  sys.log(`${who}'s namespace:\n${r.data.trim()}`);
}

function* parent(sys: Sys) {
  yield* sys.bind('/srv/ramfs', '/tmp');
  yield* sys.spawn('copy');
  yield* sys.spawn('twin');
  for (const who of ['parent', 'copy', 'twin']) yield* showNs(sys, who);
  sys.log(`parent: ls /bin = ${JSON.stringify(yield* sys.readdir('/bin'))}`);
}

function* copy(sys: Sys) {
  sys.log(`copy: ls /tmp = ${JSON.stringify(yield* sys.readdir('/tmp'))}`);
  yield* sys.unmount(null, '/tmp');
  yield* sys.bind('/srv/ramfs/docs', '/mnt');
  sys.log(
    `copy: ls /tmp = ${JSON.stringify(yield* sys.readdir('/tmp'))}, ls /mnt = ${JSON.stringify(yield* sys.readdir('/mnt'))}`,
  );
}

function* twin(sys: Sys) {
  yield* sys.bind('/srv/ramfs/bin', '/bin');
  sys.log(`twin: ls /bin = ${JSON.stringify(yield* sys.readdir('/bin'))}`);
}
