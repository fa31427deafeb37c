// The process server (sel4-reference.md §4.1 "VFS layer"): open, stat, readdir, create, remove
// through it, resolved in the caller's namespace; errors a Unix user expects; odd path names.
import { describe, expect, it } from 'vitest';
import type { Setup, Sys } from '../script/ipcscope';
import { consoleOf, eventsOf, tcbOf } from '../testing/runScenario';
import { ramfs } from './servers';
import { prog, runFs } from './testKit';

const FILES = { '/hello': 'hello', '/docs/a': 'A', '/docs/b': 'B', '/ro': 'read only' };

function withRamfs(
  body: (sys: Sys) => Generator<unknown, unknown, unknown>,
  more?: (k: Setup) => void,
) {
  return runFs((k) => {
    k.process(
      'ramfs',
      function* (sys: Sys) {
        // A small read-only-capable server: /ro refuses writers (EACCES).
        yield* sys.serve({
          stat: (p) => (p === '/ro' ? { type: 'file', size: 9, readOnly: true } : statOf(p)),
          readdir: (p) => (p === '/' ? ['hello', 'docs', 'ro'] : p === '/docs' ? ['a', 'b'] : null),
          read: (p, o, n) =>
            (FILES as Record<string, string>)[p]?.slice(o, o + n) ?? { error: 'ENOENT' },
          write: (_p, _o, d) => d.length,
        });
      },
      { priority: 200, serves: 'ramfs' },
    );
    k.process('c', prog(body as never), { priority: 100 });
    more?.(k);
  });
}

function statOf(p: string) {
  if (p === '/' || p === '/docs') return { type: 'dir' as const, size: 2 };
  return p in FILES
    ? { type: 'file' as const, size: (FILES as Record<string, string>)[p]!.length }
    : null;
}

describe('open through the process server (§4.1)', () => {
  it('costs one Call in the client and four entries in the servers: a Call to the file server, its ReplyRecv, CNode_Mint and the reply that carries the cap', () => {
    const r = withRamfs(function* (sys) {
      yield* sys.open('/srv/ramfs/hello');
    });
    const open = r.ops('c', 'open')[0]!;
    expect(open).toMatchObject({ clientEntries: 1, serverEntries: 4, transport: 'vfs' });
    expect(open.hops).toEqual([
      'c->vfs Call (slow)',
      'vfs->ramfs Call (fast)',
      'ramfs->vfs ReplyRecv (fast)',
      'vfs CNode_Mint (slow)',
      'vfs->c ReplyRecv (slow)',
    ]);
    const reply = eventsOf(r.log, 'syscallExited', { thread: 'vfs', syscall: 'ReplyRecv' })[0]!;
    expect(reply.reason).toBe('1 cap transferred: the fastpath carries no caps');
  });

  it('hands the client a badged endpoint cap to the server, with only Write and GrantReply, in its receive slot', () => {
    const r = withRamfs(function* (sys) {
      yield* sys.open('/srv/ramfs/hello');
    });
    const cap = tcbOf(r.sim, 'c').cspace.get('uxrt:fd3')!.cap!;
    expect(cap.object.name).toBe('srv.ramfs');
    expect(cap.badge).toBe(1);
    expect(cap.rights).toEqual({ read: false, write: true, grant: false, grantReply: true });
    expect(tcbOf(r.sim, 'c').receiveSlot).toBeNull();
  });

  it('gives the lowest free descriptor from 3 up', () => {
    const fds: number[] = [];
    withRamfs(function* (sys) {
      fds.push(yield* sys.open('/srv/ramfs/hello'), yield* sys.open('/srv/ramfs/hello'));
      yield* sys.close(3);
      fds.push(yield* sys.open('/srv/ramfs/docs/a'));
    });
    expect(fds).toEqual([3, 4, 3]);
  });

  it.each([
    ['/srv/ramfs/nope', 'ENOENT: no such file or directory'],
    ['/srv/nothing/x', "ENOENT: no such file or directory: '/srv/nothing/x'"],
    ['/srv/ramfs/docs', "EISDIR: is a directory: '/docs' on 'ramfs' is a directory: use readdir"],
    ['/srv/ramfs/hello/', "ENOTDIR: not a directory: '/srv/ramfs/hello' is a file"],
    ['/proc', "EISDIR: is a directory: '/proc' on 'vfs' is a directory: use readdir"],
    ['', 'ENOENT: no such file or directory: empty path'],
  ])('open %j fails: %s', (path, message) => {
    const out: string[] = [];
    withRamfs(function* (sys) {
      out.push(String(yield* sys.open(path)), sys.errstr());
    });
    expect(Number(out[0])).toBeLessThan(0);
    expect(out[1]!.startsWith(message)).toBe(true);
  });

  it('opening a read-only file for writing is EACCES; reading it is fine', () => {
    const out: string[] = [];
    withRamfs(function* (sys) {
      out.push(String(yield* sys.open('/srv/ramfs/ro', 'w')), sys.errstr());
      out.push(String(yield* sys.open('/srv/ramfs/ro')));
    });
    expect(out).toEqual(['-13', "EACCES: permission denied: '/ro' on 'ramfs' is read-only", '3']);
  });

  it('a bad descriptor and a descriptor used against its mode are EBADF, with no kernel entry', () => {
    const out: string[] = [];
    const r = withRamfs(function* (sys) {
      out.push(String(yield* sys.write(9, 'x')), sys.errstr());
      const fd = yield* sys.open('/srv/ramfs/hello');
      out.push(String(yield* sys.write(fd, 'x')), sys.errstr());
    });
    expect(out).toEqual([
      '-9',
      'EBADF: bad file descriptor: fd 9 is not open',
      '-9',
      'EBADF: bad file descriptor: fd 3 is open for reading only',
    ]);
    expect(r.ops('c', 'write').map((o) => o.kernelEntries)).toEqual([0, 0]);
  });

  it('a Call through an fd cap without the Write right is refused by the kernel: EACCES (§1.3)', () => {
    const out: string[] = [];
    withRamfs(function* (sys) {
      const fd = yield* sys.open('/srv/ramfs/hello');
      yield* sys.cnodeMint(`uxrt:fd${fd}`, 'weak', { rights: { grantReply: true } });
      yield* sys.cnodeDelete(`uxrt:fd${fd}`);
      yield* sys.cnodeCopy('weak', `uxrt:fd${fd}`);
      out.push((yield* sys.read(fd, 3)).error ?? '');
    });
    expect(out[0]).toMatch(
      /^EACCES: permission denied: the cap in 'uxrt:fd3' lacks the Write right \(InvalidCapability/,
    );
  });
});

describe('odd path names', () => {
  it.each([
    '//srv///ramfs//hello',
    '/srv/ramfs/docs/../hello',
    '/../../srv/ramfs/./hello',
    'srv/ramfs/hello',
  ])('%j names /srv/ramfs/hello', (path) => {
    const out: string[] = [];
    withRamfs(function* (sys) {
      const fd = yield* sys.open(path);
      out.push((yield* sys.read(fd, 10)).data);
    });
    expect(out).toEqual(['hello']);
  });

  it('a trailing slash on a directory is fine for readdir and stat', () => {
    const out: unknown[] = [];
    withRamfs(function* (sys) {
      out.push(yield* sys.readdir('/srv/ramfs/docs/'));
      out.push(((yield* sys.stat('/srv/ramfs/docs/')) as { type: string }).type);
    });
    expect(out).toEqual([['a', 'b'], 'dir']);
  });

  it('a name longer than 255 bytes is ENAMETOOLONG from the process server', () => {
    const out: string[] = [];
    const r = withRamfs(function* (sys) {
      out.push(String(yield* sys.open(`/srv/ramfs/${'n'.repeat(256)}`)), sys.errstr());
    });
    expect(out[0]).toBe('-36');
    expect(out[1]).toMatch(
      /^ENAMETOOLONG: file name too long: 'nnnnnnnnnnnnnnnn\.\.\.' is 256 bytes/,
    );
    expect(r.ops('c', 'open')[0]!.clientEntries).toBe(1);
  });

  it('a path longer than one message carries is ENAMETOOLONG before any kernel entry', () => {
    const out: string[] = [];
    const r = withRamfs(function* (sys) {
      out.push(String(yield* sys.open(`/srv/ramfs/${'abcdefghij/'.repeat(70)}x`)), sys.errstr());
    });
    expect(out[1]).toMatch(/^ENAMETOOLONG: .*one message carries 120/);
    expect(r.ops('c', 'open')[0]!.kernelEntries).toBe(0);
  });
});

describe('stat, readdir, create, remove through the process server', () => {
  it('stat names the type, size, serving process and global path', () => {
    const out: unknown[] = [];
    withRamfs(function* (sys) {
      out.push(
        yield* sys.stat('/srv/ramfs/hello'),
        yield* sys.stat('/srv/ramfs'),
        yield* sys.stat('/proc/c/mem'),
      );
    });
    expect(out).toEqual([
      { name: 'hello', type: 'file', size: 5, server: 'ramfs', global: '/srv/ramfs/hello' },
      { name: 'ramfs', type: 'port', size: 2, server: 'ramfs', global: '/srv/ramfs' },
      { name: 'mem', type: 'mem', size: 1024, server: 'vfs', global: '/proc/c/mem' },
    ]);
  });

  it('readdir of the process server tree costs no hop to a file server', () => {
    const out: unknown[] = [];
    const r = withRamfs(function* (sys) {
      out.push(yield* sys.readdir('/'), yield* sys.readdir('/srv'), yield* sys.readdir('/proc'));
    });
    expect(out).toEqual([
      ['bin', 'dev', 'env', 'mnt', 'n', 'proc', 'srv', 'tmp'],
      ['ramfs'],
      ['ramfs', 'c'],
    ]);
    expect(r.ops('c', 'readdir').map((o) => o.serverEntries)).toEqual([1, 1, 1]);
  });

  it('readdir of a file is ENOTDIR', () => {
    const out: unknown[] = [];
    withRamfs(function* (sys) {
      out.push(yield* sys.readdir('/srv/ramfs/hello'));
    });
    expect(out).toEqual([{ error: "ENOTDIR: not a directory: '/hello' on 'ramfs'" }]);
  });

  it('a long listing comes back in several replies, each fetched with a continuation', () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 200; i++) many[`/file-with-a-long-name-${i}`] = '';
    const out: number[] = [];
    const r = runFs((k) => {
      k.process('ramfs', ramfs(many), { priority: 200, serves: 'ramfs' });
      k.process(
        'c',
        prog(function* (sys) {
          out.push(((yield* sys.readdir('/srv/ramfs')) as string[]).length);
        }),
        { priority: 100 },
      );
    });
    expect(out).toEqual([200]);
    expect(r.ops('c', 'readdir')[0]!.clientEntries).toBeGreaterThan(1);
  });

  it('create and remove go to the serving process; the process server tree refuses them', () => {
    const out: unknown[] = [];
    runFs((k) => {
      k.process('ramfs', ramfs({ '/d/': '' }), { priority: 200, serves: 'ramfs' });
      k.process(
        'c',
        prog(function* (sys) {
          out.push(yield* sys.create('/srv/ramfs/d/new'));
          out.push(yield* sys.readdir('/srv/ramfs/d'));
          out.push(yield* sys.create('/srv/ramfs/d/new'), sys.errstr());
          out.push(yield* sys.remove('/srv/ramfs/d/new'));
          out.push(yield* sys.readdir('/srv/ramfs/d'));
          out.push(yield* sys.create('/tmp/x'), sys.errstr());
          out.push(yield* sys.remove('/proc/c/mem'), sys.errstr());
        }),
        { priority: 100 },
      );
    });
    expect(out).toEqual([
      0,
      ['new'],
      -17,
      "EEXIST: file exists: '/d/new' on 'ramfs'",
      0,
      [],
      -13,
      "EACCES: permission denied: '/tmp' is the process server's: bind a server's directory there to create files",
      -13,
      "EACCES: permission denied: '/proc/c/mem' belongs to the process server",
    ]);
  });
});

describe('the file layer as a whole', () => {
  it('without it, file calls fail with ENOSYS and say how to turn it on', () => {
    const out: string[] = [];
    runFs((k) => {
      k.process(
        'c',
        prog(function* (sys) {
          out.push(String(yield* sys.open('/x')), sys.errstr());
        }),
      );
    });
    expect(out[0]).toBe('-38');
    expect(out[1]).toMatch(/call k\.uxrt\(\) in setup/);
  });

  it('k.uxrt() places the process server; every process gets a badged cap to it and it takes their faults', () => {
    const r = runFs(
      (k) => {
        k.uxrt({ core: 1, priority: 240 });
        k.process(
          'c',
          prog(function* (sys) {
            sys.log(JSON.stringify(yield* sys.readdir('/proc')));
          }),
        );
      },
      { platform: 'skylake-i7', cores: 2 },
    );
    const vfs = tcbOf(r.sim, 'vfs');
    expect([vfs.affinity, vfs.priority]).toEqual([1, 240]);
    const c = tcbOf(r.sim, 'c');
    expect(c.cspace.get('uxrt:vfs')!.cap!.badge).toBe(1);
    expect(c.faultHandlerSlot).toBe('uxrt:fault');
    expect(consoleOf(r.sim, 'c')).toEqual(['["c"]']);
  });

  it('reports each port and each namespace at boot (portRegistered, namespaceChanged)', () => {
    const r = withRamfs(function* () {});
    expect(eventsOf(r.log, 'portRegistered')).toMatchObject([{ port: 'ramfs', server: 'ramfs' }]);
    expect(eventsOf(r.log, 'namespaceChanged').map((e) => e.process)).toEqual(['ramfs', 'c']);
  });

  it.each([
    [
      (k: Setup) => {
        k.process(
          'a',
          prog(function* () {}),
          { serves: 'p' },
        );
        k.process(
          'b',
          prog(function* () {}),
          { serves: 'p' },
        );
      },
      "port 'p' is already served by 'a'",
    ],
    [
      (k: Setup) => {
        k.process(
          'a',
          prog(function* () {}),
          { parent: 'zz' },
        );
      },
      "parent 'zz' is not another process",
    ],
    [
      (k: Setup) => {
        k.process(
          'a',
          prog(function* () {}),
          { shareNamespace: true },
        );
      },
      'shareNamespace needs a parent',
    ],
    [
      (k: Setup) => {
        k.uxrt();
        k.process(
          'a',
          prog(function* () {}),
          { caps: { 'uxrt:x': k.endpoint('e').cap() } },
        );
      },
      "slots 'uxrt:...' are reserved",
    ],
    [
      (k: Setup) => {
        k.process(
          'a',
          prog(function* () {}),
          { serves: 'bad name' },
        );
      },
      'must use letters, digits',
    ],
  ])('setup refuses a wrong declaration (%#)', (setup, message) => {
    expect(() => runFs(setup)).toThrow(message);
  });
});
