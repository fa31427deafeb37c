// The Plan 9 namespace rules (sel4-reference.md §4.2) as a process sees them through the process
// server: bind and mount with replace/before/after and create, union search order, unmount,
// copy-on-fork vs shared namespaces, and the hops each lookup costs.
import { describe, expect, it } from 'vitest';
import type { Request, Setup, Sys } from '../script/ipcscope';
import { consoleOf, eventsOf } from '../testing/runScenario';
import { ramfs } from './servers';
import { prog, runFs } from './testKit';

type Body = (sys: Sys) => Generator<Request, unknown, unknown>;

function twoServers(body: Body, more?: (k: Setup) => void) {
  return runFs((k) => {
    k.process('a', ramfs({ '/ls': 'ls-a', '/cat': 'cat-a', '/dir/x': 'x-a' }), {
      priority: 200,
      serves: 'a',
    });
    k.process('b', ramfs({ '/cat': 'cat-b', '/grep': 'grep-b' }), { priority: 200, serves: 'b' });
    k.process('sh', prog(body), { priority: 100 });
    more?.(k);
  });
}

function* cat(sys: Sys, path: string, bytes = 20) {
  const fd = yield* sys.open(path);
  if (fd < 0) return sys.errstr();
  const r = yield* sys.read(fd, bytes);
  yield* sys.close(fd);
  return r.data;
}

describe('bind and mount (§4.2)', () => {
  it("'replace' makes the name show only the new directory", () => {
    const out: unknown[] = [];
    twoServers(function* (sys) {
      yield* sys.bind('/srv/a', '/bin');
      out.push(yield* sys.readdir('/bin'), yield* cat(sys, '/bin/ls'));
    });
    expect(out).toEqual([['ls', 'cat', 'dir'], 'ls-a']);
  });

  it("'after' and 'before' make a union, searched in order: the first member holding a name wins", () => {
    const out: unknown[] = [];
    twoServers(function* (sys) {
      yield* sys.bind('/srv/a', '/bin');
      yield* sys.bind('/srv/b', '/bin', 'after');
      out.push(
        yield* sys.readdir('/bin'),
        yield* cat(sys, '/bin/cat'),
        yield* cat(sys, '/bin/grep'),
      );
      yield* sys.bind('/srv/b', '/bin', 'before');
      out.push(yield* cat(sys, '/bin/cat'));
    });
    expect(out).toEqual([['ls', 'cat', 'dir', 'grep'], 'cat-a', 'grep-b', 'cat-b']);
  });

  it('a lookup costs one hop to each member it tries, in union order', () => {
    const r = twoServers(function* (sys) {
      yield* sys.bind('/srv/a', '/bin');
      yield* sys.bind('/srv/b', '/bin', 'after');
      yield* sys.stat('/bin/grep');
    });
    expect(r.ops('sh', 'stat')[0]!.hops).toEqual([
      'sh->vfs Call (fast)',
      'vfs->a Call (fast)',
      'a->vfs ReplyRecv (fast)',
      'vfs->b Call (fast)',
      'b->vfs ReplyRecv (fast)',
      'vfs->sh ReplyRecv (slow)',
    ]);
  });

  it('below a mount point only the first member holding the directory is listed', () => {
    const out: unknown[] = [];
    twoServers(function* (sys) {
      yield* sys.bind('/srv/b', '/bin');
      yield* sys.bind('/srv/a', '/bin', 'after');
      out.push(yield* sys.readdir('/bin/dir'));
    });
    expect(out).toEqual([['x']]);
  });

  it('create goes to the first member bound with the create flag; without one it is refused', () => {
    const out: unknown[] = [];
    twoServers(function* (sys) {
      yield* sys.bind('/srv/a', '/bin');
      yield* sys.bind('/srv/b', '/bin', 'after');
      out.push(yield* sys.create('/bin/new'), sys.errstr());
      yield* sys.bind('/srv/b', '/bin', 'after', true);
      out.push(yield* sys.create('/bin/new'), yield* sys.readdir('/srv/b'));
    });
    expect(out).toEqual([
      -13,
      "EACCES: permission denied: no member of the union at '/bin' was bound with the create flag",
      0,
      ['cat', 'grep', 'new'],
    ]);
  });

  it('bind resolves the new name when made, not when used', () => {
    const out: unknown[] = [];
    twoServers(function* (sys) {
      yield* sys.bind('/srv/a', '/n');
      yield* sys.bind('/n', '/mnt');
      yield* sys.bind('/srv/b', '/n');
      out.push(yield* cat(sys, '/mnt/cat'), yield* cat(sys, '/n/cat'));
    });
    expect(out).toEqual(['cat-a', 'cat-b']);
  });

  it('binding a whole union elsewhere carries all its members', () => {
    const out: unknown[] = [];
    twoServers(function* (sys) {
      yield* sys.bind('/srv/a', '/bin');
      yield* sys.bind('/srv/b', '/bin', 'after');
      yield* sys.bind('/bin', '/mnt');
      out.push(yield* sys.readdir('/mnt'));
    });
    expect(out).toEqual([['ls', 'cat', 'dir', 'grep']]);
  });

  it('a file can be bound over a file; a union needs directories', () => {
    const out: unknown[] = [];
    twoServers(function* (sys) {
      out.push(yield* sys.bind('/srv/b/grep', '/srv/a/cat'));
      out.push(yield* cat(sys, '/srv/a/cat'));
      out.push(yield* sys.bind('/srv/b/grep', '/bin', 'after'), sys.errstr());
      out.push(yield* sys.bind('/srv/b', '/srv/a/ls'), sys.errstr());
      out.push(yield* sys.bind('/srv/b/nope', '/bin'), sys.errstr());
    });
    expect(out).toEqual([
      0,
      'grep-b',
      -20,
      "ENOTDIR: not a directory: a union ('after') needs two directories: '/srv/b/grep' and '/bin'",
      -20,
      "ENOTDIR: not a directory: '/srv/a/ls' is a file; '/srv/b' is a directory",
      -2,
      "ENOENT: no such file or directory: '/srv/b/nope'",
    ]);
  });

  it("mount attaches a port's tree; an unknown port is ENOENT", () => {
    const out: unknown[] = [];
    twoServers(function* (sys) {
      out.push(yield* sys.mount('b', '/tmp', 'replace', true), yield* sys.readdir('/tmp'));
      out.push(yield* sys.mount('zz', '/tmp'), sys.errstr());
    });
    expect(out).toEqual([
      0,
      ['cat', 'grep'],
      -2,
      "ENOENT: no such file or directory: no port 'zz' in /srv",
    ]);
  });

  it('unmount takes one member, or all when the name is null', () => {
    const out: unknown[] = [];
    twoServers(function* (sys) {
      yield* sys.bind('/srv/a', '/bin');
      yield* sys.bind('/srv/b', '/bin', 'after');
      out.push(yield* sys.unmount('/srv/a', '/bin'), yield* sys.readdir('/bin'));
      out.push(yield* sys.unmount(null, '/bin'), yield* sys.readdir('/bin'));
      out.push(yield* sys.unmount(null, '/bin'), sys.errstr());
    });
    expect(out).toEqual([
      0,
      ['cat', 'grep'],
      0,
      [],
      -22,
      "EINVAL: invalid argument: '/bin' is not a mount point",
    ]);
  });

  it('every change reports the whole mount table (namespaceChanged) and /proc/<name>/ns shows it', () => {
    const out: string[] = [];
    const r = twoServers(function* (sys) {
      yield* sys.bind('/srv/a', '/bin');
      yield* sys.bind('/srv/b', '/bin', 'after', true);
      out.push(yield* cat(sys, '/proc/sh/ns', 200));
    });
    const changes = eventsOf(r.log, 'namespaceChanged', { process: 'sh' });
    expect(changes.at(-1)!.bindings).toEqual([
      { path: '/', targets: ['/'], flag: 'replace', create: [false] },
      { path: '/bin', targets: ['/srv/a', '/srv/b'], flag: 'after', create: [false, true] },
    ]);
    expect(out[0]).toBe("bind '/' '/'\nbind '/srv/a' '/bin'\nbind -ac '/srv/b' '/bin'\n");
  });
});

describe('namespaces across fork (§4.2 rfork)', () => {
  // Parent on core 0, child on core 1, each pausing so that the other's change comes first.
  const family = (share: boolean) =>
    runFs(
      (k) => {
        k.process('a', ramfs({ '/f': 'a' }), { priority: 200, serves: 'a' });
        k.process(
          'parent',
          prog(function* (sys) {
            yield* sys.bind('/srv/a', '/tmp');
            sys.log(`spawn ${yield* sys.spawn('child')}`);
            yield* sys.bind('/srv/a', '/mnt');
            yield* sys.compute(200_000);
            sys.log(`parent /n ${JSON.stringify(yield* sys.readdir('/n'))}`);
          }),
          { priority: 100, core: 0 },
        );
        k.process(
          'child',
          prog(function* (sys) {
            sys.log(`child /tmp ${JSON.stringify(yield* sys.readdir('/tmp'))}`);
            yield* sys.bind('/srv/a', '/n');
            yield* sys.compute(400_000);
            sys.log(`child /mnt ${JSON.stringify(yield* sys.readdir('/mnt'))}`);
          }),
          { priority: 100, core: 1, parent: 'parent', shareNamespace: share },
        );
      },
      { platform: 'skylake-i7', cores: 2 },
    );

  it("a child with a copy sees the parent's namespace as it was at fork, then they diverge", () => {
    const r = family(false);
    expect(consoleOf(r.sim, 'child')).toEqual(['child /tmp ["f"]', 'child /mnt []']);
    expect(consoleOf(r.sim, 'parent')).toEqual(['spawn 0', 'parent /n []']);
  });

  it("a child sharing the namespace sees the parent's later changes, and the parent sees the child's", () => {
    const r = family(true);
    expect(consoleOf(r.sim, 'child')).toEqual(['child /tmp ["f"]', 'child /mnt ["f"]']);
    expect(consoleOf(r.sim, 'parent')).toEqual(['spawn 0', 'parent /n ["f"]']);
    // A shared namespace changes for both: each change is reported for both processes.
    const last = (p: string) =>
      eventsOf(r.log, 'namespaceChanged', { process: p }).at(-1)!.bindings;
    expect(last('child')).toEqual(last('parent'));
  });

  it('a child does not run until its parent spawns it, and only its parent may, once', () => {
    const out: unknown[] = [];
    const r = runFs((k) => {
      k.process(
        'p',
        prog(function* (sys) {
          out.push(yield* sys.spawn('other'), sys.errstr());
          out.push(yield* sys.spawn('nobody'), sys.errstr());
          out.push(yield* sys.spawn('kid'), yield* sys.spawn('kid'), sys.errstr());
        }),
        { priority: 100 },
      );
      k.process(
        'kid',
        prog(function* (sys) {
          yield* sys.compute(10);
          sys.log('kid runs');
        }),
        { priority: 50, parent: 'p' },
      );
      k.process(
        'other',
        prog(function* (sys) {
          yield* sys.compute(10);
          sys.log('other runs');
        }),
        { priority: 50, parent: 'kid' },
      );
    });
    expect(out).toEqual([
      -13,
      "EACCES: permission denied: 'other' is declared with parent 'kid', not 'p'",
      -2,
      "ENOENT: no such file or directory: no process 'nobody'",
      0,
      -22,
      "EINVAL: invalid argument: 'kid' was already spawned",
    ]);
    expect(consoleOf(r.sim)).toEqual(['kid runs']);
  });
});

describe('process memory as files (§4.1)', () => {
  it('/proc/<name>/mem reads and writes the process memory, from any process', () => {
    const out: string[] = [];
    runFs((k) => {
      k.uxrt();
      k.process(
        'w',
        prog(function* (sys) {
          const fd = yield* sys.open('/proc/r/mem', 'w');
          yield* sys.seek(fd, 1000);
          out.push(String(yield* sys.write(fd, 'the end of memory, cut at 1024')));
        }),
        { priority: 100 },
      );
      k.process(
        'r',
        prog(function* (sys) {
          const fd = yield* sys.open('/proc/r/mem');
          yield* sys.seek(fd, 1000);
          out.push((yield* sys.read(fd, 100)).data);
        }),
        { priority: 50 },
      );
    });
    expect(out).toEqual(['24', 'the end of memory, cut a']);
  });

  it("reading another core's memory migrates its lines", () => {
    const r = runFs(
      (k) => {
        k.uxrt({ core: 0 });
        k.process(
          'owner',
          prog(function* (sys) {
            yield* sys.touch('mem.owner', { bytes: 128, write: true });
            const fd = yield* sys.open('/proc/owner/mem');
            yield* sys.read(fd, 128);
          }),
          { core: 1 },
        );
      },
      { platform: 'skylake-i7', cores: 2 },
    );
    const moved = eventsOf(r.log, 'cacheLineMigrated').filter((e) =>
      e.line.startsWith('user.mem.owner'),
    );
    expect(moved.map((e) => `${e.from}->${e.to}`)).toEqual(['1->0', '1->0']);
  });
});

describe('kernel images (§1.10, multikernel)', () => {
  it('one process server per image; a port served in another image is EXDEV', () => {
    const out: string[] = [];
    const r = runFs(
      (k) => {
        k.process('ramfs', ramfs({ '/f': 'x' }), { core: 0, priority: 200, serves: 'ramfs' });
        for (const core of [0, 1]) {
          k.process(
            `c${core}`,
            prog(function* (sys) {
              out.push(`${core}: ${yield* sys.open('/srv/ramfs/f')} ${sys.errstr()}`);
            }),
            { core, priority: 100 },
          );
        }
      },
      { platform: 'skylake-i7', cores: 2, kernel: 'multikernel' },
    );
    expect(r.sim.world.state.threads.map((t) => t.name)).toContain('vfs.1');
    expect(out.sort()).toEqual([
      '0: 3 ',
      "1: -18 EXDEV: cross-image link: port 'ramfs' is served in kernel image 0, this process runs in image 1: caps mean nothing across kernel images",
    ]);
  });
});
