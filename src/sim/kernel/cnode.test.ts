// CNode_Mint, CNode_Copy, CNode_Delete on the caller's own CSpace (sel4-reference.md §1.3).
import { describe, expect, it } from 'vitest';
import type { ReceivedMessage, Request, Sys } from '../script/ipcscope';
import { exits, runScenario, tcbOf } from '../testing/runScenario';

type Body = (sys: Sys, out: (ReceivedMessage | string)[]) => Generator<Request, void, unknown>;

function run(body: Body) {
  const out: (ReceivedMessage | string)[] = [];
  const { sim, log } = runScenario({
    name: 'cnode',
    machine: { cores: 1 },
    setup(k) {
      const ep = k.endpoint('ep');
      const n = k.notification('n');
      k.process(
        'server',
        function* (sys: Sys) {
          let m = yield* sys.recv('ep');
          for (;;) {
            out.push(`badge ${m.badge}`);
            m = yield* sys.replyRecv('ep', {});
          }
        },
        { priority: 200, caps: { ep: ep.cap() } },
      );
      k.process('p', (sys: Sys) => body(sys, out), {
        priority: 100,
        caps: { ep: ep.cap(), badged: ep.cap({ badge: 5 }), n: n.cap() },
      });
    },
  });
  return { sim, log, out };
}

describe('CNode invocations (§1.3)', () => {
  it('CNode_Mint copies a cap with fewer rights and a badge; the badge reaches the receiver', () => {
    const { sim, out } = run(function* (sys, o) {
      o.push(
        yield* sys.cnodeMint('ep', 'minted', {
          badge: 42,
          rights: { write: true, grantReply: true, read: true },
        }),
      );
      yield* sys.call('minted', {});
    });
    expect((out[0] as ReceivedMessage).error).toBeUndefined();
    expect(out[1]).toBe('badge 42');
    const cap = tcbOf(sim, 'p').cspace.get('minted')!.cap!;
    expect(cap.rights).toEqual({ read: true, write: true, grant: false, grantReply: true });
  });

  it('CNode_Mint cannot add a right the source lacks', () => {
    const { sim } = run(function* (sys) {
      yield* sys.cnodeMint('ep', 'a', { rights: { write: true } });
      yield* sys.cnodeMint('a', 'b', { rights: { write: true, read: true, grant: true } });
    });
    expect(tcbOf(sim, 'p').cspace.get('b')!.cap!.rights).toEqual({
      read: false,
      write: true,
      grant: false,
      grantReply: false,
    });
  });

  it('a badged cap cannot be re-badged (IllegalOperation)', () => {
    const { out } = run(function* (sys, o) {
      o.push(yield* sys.cnodeMint('badged', 'x', { badge: 9 }));
    });
    expect((out[0] as ReceivedMessage).error).toMatch(/^IllegalOperation: .* already badged/);
  });

  it('the destination must be empty (DeleteFirst) and the source full (FailedLookup)', () => {
    const { out } = run(function* (sys, o) {
      o.push(yield* sys.cnodeCopy('ep', 'n'));
      o.push(yield* sys.cnodeCopy('nothing', 'y'));
    });
    expect((out[0] as ReceivedMessage).error).toMatch(/^DeleteFirst/);
    expect((out[1] as ReceivedMessage).error).toMatch(/^FailedLookup/);
  });

  it('CNode_Delete empties the slot; a Call on it then faults', () => {
    const { sim } = run(function* (sys) {
      yield* sys.cnodeDelete('ep');
      yield* sys.call('ep', {});
    });
    expect(tcbOf(sim, 'p').cspace.get('ep')!.cap).toBeNull();
    expect(sim.faults.map((f) => f.type)).toEqual(['capFault']);
  });

  it('each CNode invocation is one kernel entry on the slowpath', () => {
    const { log } = run(function* (sys) {
      yield* sys.cnodeMint('ep', 'm', { badge: 1 });
      yield* sys.cnodeDelete('m');
    });
    const e = exits(log, 'p').filter((x) => x.syscall.startsWith('CNode_'));
    expect(e.map((x) => `${x.syscall}:${x.path}`)).toEqual([
      'CNode_Mint:slow',
      'CNode_Delete:slow',
    ]);
  });
});
