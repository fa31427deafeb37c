// The UX/RT transport (sel4-reference.md §4.1) on the seL4 model: reads and writes go straight to
// the server; short messages in registers, long ones through the shared buffer; seek is a
// zero-length read; close is a clunk; the APIs interchange.
import { describe, expect, it } from 'vitest';
import type { FileServer, Request, Sys } from '../script/ipcscope';
import { consoleOf, eventsOf } from '../testing/runScenario';
import { ramfs } from './servers';
import { prog, runFs } from './testKit';

/** A server that records what its handlers were given. */
function recorder(seen: string[], extra: Partial<FileServer> = {}) {
  return function* (sys: Sys) {
    yield* sys.serve({
      read: (path, offset, bytes) =>
        `${path}@${offset}:${bytes}`.padEnd(bytes, '.').slice(0, bytes),
      write(path, offset, data) {
        seen.push(`${path}@${offset}=${data}`);
        return data.length;
      },
      clunk: (path, client) => void seen.push(`clunk ${path} by ${client}`),
      ...extra,
    });
  };
}

describe('registers, IPC buffer, shared buffer (§4.1, §1.4)', () => {
  const run = (
    body: (sys: Sys) => Generator<Request, unknown, unknown>,
    seen: string[] = [],
    extra: Partial<FileServer> = {},
    cores = 1,
  ) =>
    runFs(
      (k) => {
        k.process('srv', recorder(seen, extra), { priority: 200, serves: 'srv' });
        k.process('c', prog(body), { priority: 100, core: cores - 1 });
      },
      { platform: 'skylake-i7', cores },
    );

  it('write() sends data longer than the registers through the shared buffer, header only in registers, still on the fastpath', () => {
    const seen: string[] = [];
    const r = run(function* (sys) {
      const fd = yield* sys.open('/srv/srv/f', 'w');
      yield* sys.write(fd, 'y'.repeat(100));
    }, seen);
    const w = r.ops('c', 'write')[0]!;
    expect(w).toMatchObject({
      transport: 'buf',
      clientEntries: 1,
      serverEntries: 1,
      copiedBytes: 200,
    });
    expect(w.reason).toBeUndefined();
    expect(seen).toEqual([`/f@0=${'y'.repeat(100)}`]);
  });

  it('writereg puts long data in the IPC buffer words: the Call leaves the fastpath for want of registers', () => {
    const seen: string[] = [];
    const r = run(function* (sys) {
      const fd = yield* sys.open('/srv/srv/f', 'w');
      yield* sys.writereg(fd, 'z'.repeat(60));
    }, seen);
    const w = r.ops('c', 'writereg')[0]!;
    expect(w.transport).toBe('ipcbuf');
    expect(w.reason).toBe('c Call: 11 message words > 4 message registers on x86-64');
    expect(seen).toEqual([`/f@0=${'z'.repeat(60)}`]);
  });

  it('readreg and writereg refuse more than one message with EMSGSIZE, before any kernel entry', () => {
    const out: string[] = [];
    const r = run(function* (sys) {
      const fd = yield* sys.open('/srv/srv/f', 'rw');
      out.push(String(yield* sys.writereg(fd, 'a'.repeat(715))), sys.errstr());
      out.push((yield* sys.readreg(fd, 721)).error ?? '');
    });
    expect(out[0]).toBe('-90');
    expect(out[1]).toMatch(/^EMSGSIZE: message too long: writereg of 715 bytes/);
    expect(out[2]).toMatch(/^EMSGSIZE: .*readreg of 721 bytes/);
    expect(r.ops('c', 'writereg')[0]!.kernelEntries).toBe(0);
  });

  it('the server sees the same bytes whichever API the client wrote with', () => {
    const seen: string[] = [];
    run(function* (sys) {
      const fd = yield* sys.open('/srv/srv/f', 'w');
      for (const data of ['short', 'a longer message that needs more than registers']) {
        yield* sys.write(fd, data);
        yield* sys.writereg(fd, data);
        yield* sys.writebuf(fd, data);
      }
    }, seen);
    const data = seen.map((s) => s.slice(s.indexOf('=') + 1));
    expect(data).toEqual([
      ...Array<string>(3).fill('short'),
      ...Array<string>(3).fill('a longer message that needs more than registers'),
    ]);
  });

  it('the client gets the same bytes whichever API it read with', () => {
    const out: string[] = [];
    run(function* (sys) {
      const fd = yield* sys.open('/srv/srv/f');
      for (const n of [6, 40]) {
        const readers = [
          (f: number, b: number) => sys.read(f, b),
          (f: number, b: number) => sys.readreg(f, b),
          (f: number, b: number) => sys.readbuf(f, b),
        ];
        for (const read of readers) {
          yield* sys.seek(fd, 0);
          out.push((yield* read(fd, n)).data);
        }
      }
    });
    expect(out.slice(0, 3)).toEqual(Array(3).fill('/f@0:6'));
    expect(new Set(out.slice(3)).size).toBe(1);
    expect(out[3]).toHaveLength(40);
  });

  it('a buffer-API server takes register data by copying it into the buffer (copyPerByte per byte)', () => {
    const plain = run(function* (sys) {
      const fd = yield* sys.open('/srv/srv/f', 'w');
      yield* sys.writereg(fd, 'q'.repeat(16));
    }, []);
    const buf = run(
      function* (sys) {
        const fd = yield* sys.open('/srv/srv/f', 'w');
        yield* sys.writereg(fd, 'q'.repeat(16));
      },
      [],
      { api: 'buf' },
    );
    expect(plain.ops('c', 'writereg')[0]!.copiedBytes).toBe(0);
    expect(buf.ops('c', 'writereg')[0]!.copiedBytes).toBe(16);
  });

  it('copies into the shared buffer cost copyPerByte cycles per byte of user time', () => {
    let perByte = 0;
    const userCycles = (n: number) => {
      const r = run(function* (sys) {
        const fd = yield* sys.open('/srv/srv/f', 'w');
        yield* sys.writebuf(fd, 'b'.repeat(n));
      });
      perByte = r.sim.profile.copyPerByte;
      return r.sim.threads.find((t) => t?.tcb.name === 'c')!.stats.userCycles;
    };
    // The client copies in; the server reads the buffer out on its own time.
    const extra = userCycles(2000) - userCycles(1000);
    expect(perByte).toBeGreaterThan(0);
    expect(extra).toBe(Math.ceil(2000 * perByte) - Math.ceil(1000 * perByte));
  });

  it("a long message between cores migrates the shared buffer's cache lines", () => {
    const r = run(
      function* (sys) {
        const fd = yield* sys.open('/srv/srv/f', 'w');
        yield* sys.writebuf(fd, 'm'.repeat(640));
      },
      [],
      {},
      2,
    );
    const lines = eventsOf(r.log, 'cacheLineMigrated').filter((e) =>
      e.line.startsWith('user.fbuf.srv.'),
    );
    expect(lines).toHaveLength(10);
    expect(lines.every((e) => e.from === 1 && e.to === 0)).toBe(true);
  });

  it('an oversize write is split with a continuation and reaches the handler once, whole', () => {
    const seen: string[] = [];
    const r = run(function* (sys) {
      const fd = yield* sys.open('/srv/srv/f', 'w');
      yield* sys.write(fd, 'w'.repeat(10000));
    }, seen);
    expect(seen).toEqual([`/f@0=${'w'.repeat(10000)}`]);
    expect(r.ops('c', 'write')[0]).toMatchObject({
      clientEntries: 3,
      serverEntries: 3,
      bytes: 10000,
    });
  });

  it('an oversize read comes back in parts, each fetched with a continuation read', () => {
    const out: number[] = [];
    const r = run(function* (sys) {
      const fd = yield* sys.open('/srv/srv/f');
      out.push((yield* sys.read(fd, 9000)).bytes);
    });
    expect(out).toEqual([9000]);
    expect(r.ops('c', 'read')[0]).toMatchObject({ clientEntries: 3, serverEntries: 3 });
  });

  it('seek is a zero-length read at the new offset: the server answers it, its read handler is not called', () => {
    const out: string[] = [];
    const r = run(function* (sys) {
      const fd = yield* sys.open('/srv/srv/f');
      out.push(String(yield* sys.seek(fd, 7)));
      out.push((yield* sys.read(fd, 8)).data);
    });
    expect(out).toEqual(['7', '/f@7:8..']);
    expect(r.ops('c', 'seek')[0]).toMatchObject({
      clientEntries: 1,
      serverEntries: 1,
      transport: 'reg',
    });
  });

  it('close clunks the file at its server and deletes the cap; the descriptor is then bad and reused', () => {
    const seen: string[] = [];
    const out: string[] = [];
    const r = run(function* (sys) {
      const fd = yield* sys.open('/srv/srv/f');
      out.push(String(yield* sys.close(fd)));
      out.push((yield* sys.read(fd, 1)).error ?? '');
      out.push(String(yield* sys.open('/srv/srv/g')));
    }, seen);
    expect(seen).toEqual(['clunk /f by c']);
    expect(out).toEqual(['0', 'EBADF: bad file descriptor: fd 3 is not open', '3']);
    expect(r.ops('c', 'close')[0]!.hops).toEqual([
      'c->srv Call (fast)',
      'srv->c ReplyRecv (fast)',
      'c CNode_Delete (slow)',
    ]);
    expect(r.ops('c', 'read')[0]!.kernelEntries).toBe(0);
  });

  it('reading a message file into a buffer too small gives the first part with ETRUNCATED', () => {
    const out: unknown[] = [];
    runFs((k) => {
      k.process(
        'p',
        function* (sys: Sys) {
          const q: string[] = [];
          yield* sys.serve({
            messages: true,
            read: () => q.shift() ?? '',
            write: (_p, _o, d) => q.push(d),
          });
        },
        { priority: 200, serves: 'p' },
      );
      k.process(
        'c',
        prog(function* (sys) {
          const fd = yield* sys.open('/srv/p/q', 'rw');
          yield* sys.write(fd, 'a whole message');
          out.push(yield* sys.read(fd, 7));
          out.push((yield* sys.read(fd, 7)).bytes);
        }),
        { priority: 100 },
      );
    });
    expect(out[0]).toEqual({
      data: 'a whole',
      bytes: 7,
      error:
        'ETRUNCATED: message truncated: the message did not fit in 7 bytes; the first 7 arrived, the rest is lost',
    });
    expect(out[1]).toBe(0);
  });

  it('a stream file read with a small buffer is not truncated: it is read in order', () => {
    const out: string[] = [];
    runFs((k) => {
      k.process('ramfs', ramfs({ '/f': 'abcdefgh' }), { priority: 200, serves: 'ramfs' });
      k.process(
        'c',
        prog(function* (sys) {
          const fd = yield* sys.open('/srv/ramfs/f');
          out.push(
            (yield* sys.read(fd, 3)).data,
            (yield* sys.read(fd, 3)).data,
            (yield* sys.read(fd, 3)).data,
          );
        }),
        { priority: 100 },
      );
    });
    expect(out).toEqual(['abc', 'def', 'gh']);
  });

  it('each read and write names the bytes it moved and the console shows the data arrived', () => {
    const r = runFs((k) => {
      k.process('ramfs', ramfs({ '/f': '' }), { priority: 200, serves: 'ramfs' });
      k.process(
        'c',
        prog(function* (sys) {
          const fd = yield* sys.open('/srv/ramfs/f', 'rw');
          yield* sys.write(fd, 'data that really travels');
          yield* sys.seek(fd, 0);
          sys.log((yield* sys.read(fd, 100)).data);
        }),
        { priority: 100 },
      );
    });
    expect(consoleOf(r.sim, 'c')).toEqual(['data that really travels']);
    expect(r.ops('c', 'write')[0]!.bytes).toBe(24);
    expect(r.ops('c', 'read')[0]!.bytes).toBe(24);
  });
});
