import { ramfs, scenario, type Sys } from 'ipcscope';

// Plan 9 union directories (sel4-reference.md §4.2): two servers' directories bound onto /bin.
// What to watch: readdir('/bin') lists both (one IPC hop to each server); opening /bin/cat takes
// the first member that has it, so the order of the union decides which cat runs; 'before'
// reorders it; create goes to the member bound with the create flag. The Namespace view shows
// the sh process's mount table after each bind.
export default scenario({
  name: 'UX/RT: a union directory',
  description:
    'Two ramfs servers hold programs: base has ls and cat, local has its own cat and grep. The ' +
    'shell binds base onto /bin (replace) and local after it, with the create flag: /bin is now ' +
    'a union. Listing it asks both servers, one IPC hop each; opening /bin/cat finds base first. ' +
    "Binding local 'before' puts it first, and /bin/cat is now local's. Creating /bin/hello lands " +
    'in local, the member with the create flag; a lookup of a missing name tries every member ' +
    'in order before ENOENT. Each lookup lists its hops in the fileOperation event.',
  machine: { platform: 'skylake-i7', cores: 1, kernel: 'smp', mcs: false },
  seed: 1,
  setup(k) {
    k.process('base', ramfs({ '/ls': 'ls from base', '/cat': 'cat from base' }), {
      priority: 200,
      serves: 'base',
    });
    k.process('local', ramfs({ '/cat': 'cat from local', '/grep': 'grep from local' }), {
      priority: 200,
      serves: 'local',
    });
    k.process('sh', shell, { priority: 100 });
  },
});

function* shell(sys: Sys) {
  const hops = (): string => sys.lastFileOp()!.hops.join(', ');
  const cat = function* (path: string) {
    const fd = yield* sys.open(path);
    if (fd < 0) return sys.errstr();
    const r = yield* sys.read(fd, 20);
    yield* sys.close(fd);
    return r.data;
  };
  yield* sys.bind('/srv/base', '/bin', 'replace');
  yield* sys.bind('/srv/local', '/bin', 'after', true);
  sys.log(`ls /bin: ${JSON.stringify(yield* sys.readdir('/bin'))} via ${hops()}`);
  sys.log(`/bin/cat is '${yield* cat('/bin/cat')}'`);
  yield* sys.bind('/srv/local', '/bin', 'before', true);
  sys.log(`after bind -b: /bin/cat is '${yield* cat('/bin/cat')}'`);
  yield* sys.create('/bin/hello');
  sys.log(`created /bin/hello; local now has ${JSON.stringify(yield* sys.readdir('/srv/local'))}`);
  const fd = yield* sys.open('/bin/missing');
  sys.log(`open /bin/missing: ${fd} (${sys.errstr()}) via ${hops()}`);
}
