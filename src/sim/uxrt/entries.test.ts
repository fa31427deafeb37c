// The question the project asks (DESIGN.md question 1): how many kernel entries does a Unix
// read()/write() cost on seL4 with the UX/RT transport (sel4-reference.md §4.1, §1.7)? One Call in
// the client and one ReplyRecv in the server when the data fits and the server waits on the same
// core; otherwise the fileOperation event says why not.
import { describe, expect, it } from 'vitest';
import type { Request, Sys } from '../script/ipcscope';
import { eventsOf, exits } from '../testing/runScenario';
import { ramfs } from './servers';
import { prog, runFs } from './testKit';

describe('one Call to send, one ReplyRecv to reply (§4.1, §1.7)', () => {
  const once = (body: (sys: Sys) => Generator<Request, unknown, unknown>, cores = 1, core = 0) =>
    runFs(
      (k) => {
        k.process('ramfs', ramfs({ '/f': 'hello, world' }), { priority: 200, serves: 'ramfs' });
        k.process('c', prog(body), { priority: 100, core });
      },
      { platform: 'skylake-i7', cores },
    );

  it('a read that fits in registers, with the server waiting on the same core, is exactly one fastpath Call in the client and one fastpath ReplyRecv in the server', () => {
    const r = once(function* (sys) {
      const fd = yield* sys.open('/srv/ramfs/f');
      yield* sys.read(fd, 5);
    });
    const [read] = r.ops('c', 'read');
    expect(read).toMatchObject({
      clientEntries: 1,
      serverEntries: 1,
      kernelEntries: 2,
      transport: 'reg',
      bytes: 5,
    });
    expect(read!.hops).toEqual(['c->ramfs Call (fast)', 'ramfs->c ReplyRecv (fast)']);
    expect(read!.reason).toBeUndefined();
    const open = r.ops('c', 'open')[0]!;
    const during = (t: string) =>
      exits(r.log, t).filter((e) => e.seq > open.seq && e.seq < read!.seq);
    expect(during('c').map((e) => `${e.syscall}:${e.path}`)).toEqual(['Call:fast']);
    expect(during('ramfs').map((e) => `${e.syscall}:${e.path}`)).toEqual(['ReplyRecv:fast']);
    expect(during('vfs')).toEqual([]);
  });

  it('so is a write of up to 18 bytes on x86-64 (3 data registers after the offset)', () => {
    const r = once(function* (sys) {
      const fd = yield* sys.open('/srv/ramfs/f', 'w');
      yield* sys.write(fd, 'x'.repeat(18));
    });
    expect(r.ops('c', 'write')[0]).toMatchObject({
      clientEntries: 1,
      serverEntries: 1,
      transport: 'reg',
    });
    expect(r.ops('c', 'write')[0]!.reason).toBeUndefined();
  });

  it('a cross-core read is one Call and one ReplyRecv too, but off the fastpath, and says why (§1.7 condition 11)', () => {
    const r = once(
      function* (sys) {
        const fd = yield* sys.open('/srv/ramfs/f');
        yield* sys.read(fd, 5);
      },
      2,
      1,
    );
    const read = r.ops('c', 'read')[0]!;
    expect(read).toMatchObject({ clientEntries: 1, serverEntries: 1 });
    expect(read.reason).toBe("c Call: receiver 'ramfs' runs on core 0, this thread on core 1");
  });

  it('on MCS a read from a passive server on the same core is one fastpath Call and one fastpath ReplyRecv (§1.7, §1.9)', () => {
    const r = runFs(
      (k) => {
        k.process('ramfs', ramfs({ '/f': 'abc' }), {
          priority: 200,
          serves: 'ramfs',
          passive: true,
        });
        k.process(
          'c',
          prog(function* (sys) {
            const fd = yield* sys.open('/srv/ramfs/f');
            yield* sys.read(fd, 3);
          }),
          { priority: 100 },
        );
      },
      { platform: 'skylake-i7', cores: 1, mcs: true },
    );
    const read = r.ops('c', 'read')[0]!;
    expect(read.hops).toEqual(['c->ramfs Call (fast)', 'ramfs->c ReplyRecv (fast)']);
    expect(
      eventsOf(r.log, 'schedContextDonated', { to: 'ramfs', from: 'c' }).length,
    ).toBeGreaterThan(0);
  });

  it('with one physical message register (IA-32 MCS) no write data fits: every write goes through the buffer', () => {
    const r = runFs(
      (k) => {
        k.process('ramfs', ramfs({ '/f': '' }), { priority: 200, serves: 'ramfs', passive: true });
        k.process(
          'c',
          prog(function* (sys) {
            const fd = yield* sys.open('/srv/ramfs/f', 'rw');
            yield* sys.write(fd, 'a');
            yield* sys.seek(fd, 0);
            yield* sys.read(fd, 4);
          }),
          { priority: 100 },
        );
      },
      {
        platform: 'skylake-i7',
        cores: 1,
        mcs: true,
        profile: { isa: 'ia32', physicalMRs: { classic: 2, mcs: 1 } },
      },
    );
    expect(r.ops('c', 'write')[0]).toMatchObject({
      transport: 'buf',
      clientEntries: 1,
      serverEntries: 1,
    });
    expect(r.ops('c', 'read')[0]).toMatchObject({ transport: 'reg', bytes: 1 });
  });

  it('a client that finds the server busy queues, and the reason says so', () => {
    const r = runFs(
      (k) => {
        k.process('ramfs', ramfs({ '/f': 'abc' }, { work: 20000 }), {
          priority: 200,
          serves: 'ramfs',
        });
        for (const c of [0, 1]) {
          k.process(
            `c${c}`,
            prog(function* (sys) {
              const fd = yield* sys.open('/srv/ramfs/f');
              yield* sys.read(fd, 3);
            }),
            { priority: 100, core: c },
          );
        }
      },
      { platform: 'skylake-i7', cores: 2 },
    );
    const reasons = [...r.ops('c0', 'read'), ...r.ops('c1', 'read')].map((o) => o.reason ?? '');
    expect(reasons.some((x) => /no receiver is waiting on endpoint 'srv.ramfs'/.test(x))).toBe(
      true,
    );
  });
});
