// The big kernel lock (sel4-reference.md §1.10): a FIFO CLH lock taken on every kernel entry of
// an image with more than one core, fastpath included; a one-core image has no lock at all.
import { describe, expect, it } from 'vitest';
import type { Sys } from './script/ipcscope';
import type { SimEvent } from './simEvents';
import { eventsOf, runScenario } from './testing/runScenario';

function* server(sys: Sys) {
  let m = yield* sys.recv('ep');
  for (;;) m = yield* sys.replyRecv('ep', { words: m.words });
}

function* client(sys: Sys) {
  for (let i = 0; i < 5; i++) yield* sys.call('ep', { words: [i] });
}

/** An echo pair on every core, the pairs talking at once. */
function pairs(cores: number, kernel = 'smp') {
  return runScenario({
    name: 'echo pairs',
    machine: { platform: 'skylake-i7', cores, kernel },
    setup(k) {
      for (let c = 0; c < k.machine.cores; c++) {
        const ep = k.endpoint(`ep${c}`, { core: c });
        k.process(`server${c}`, server, { core: c, priority: 200, caps: { ep: ep.cap() } });
        k.process(`client${c}`, client, { core: c, priority: 100, caps: { ep: ep.cap() } });
      }
    },
  });
}

const LOCK_TYPES = new Set(['lockAcquired', 'lockContended', 'lockReleased']);

describe('the big kernel lock (§1.10)', () => {
  it('every kernel entry of a multi-core image takes the lock and releases it on exit, fastpath included (§1.10)', () => {
    const { log } = pairs(2);
    const watched = new Set(['syscallEntered', 'interruptTaken', 'lockAcquired', 'lockReleased']);
    for (const core of [0, 1]) {
      // Per core: entered (or interrupt taken), lock acquired, lock released, and again.
      const seq = log
        .filter((e) => e.core === core && watched.has(e.type))
        .map((e) => (e.type === 'interruptTaken' ? 'syscallEntered' : e.type));
      expect(seq.length).toBeGreaterThan(30);
      for (let i = 0; i < seq.length; i += 3) {
        expect(seq.slice(i, i + 3)).toEqual(['syscallEntered', 'lockAcquired', 'lockReleased']);
      }
    }
    const fast = eventsOf(log, 'syscallExited', { path: 'fast' });
    expect(fast.length).toBeGreaterThan(0);
  });

  it('the lock is handed over in FIFO order of the requests (§1.10 CLH lock)', () => {
    const entering = (delay: number) =>
      function* (sys: Sys) {
        yield* sys.compute(delay);
        yield* sys.yield();
      };
    // Core 2 enters first, then core 1, then core 0, while the first still holds the lock.
    const { log } = runScenario({
      name: 'fifo',
      machine: { platform: 'skylake-i7', cores: 3 },
      setup(k) {
        k.process('t0', entering(20), { core: 0 });
        k.process('t1', entering(10), { core: 1 });
        k.process('t2', entering(1), { core: 2 });
      },
    });
    const yields = eventsOf(log, 'syscallEntered', { syscall: 'Yield' });
    expect(yields.map((e) => e.core)).toEqual([2, 1, 0]);
    const acquired = eventsOf(log, 'lockAcquired').filter((e) => e.t >= yields[0]!.t);
    expect(acquired.slice(0, 3).map((e) => e.core)).toEqual([2, 1, 0]);
    const contended = eventsOf(log, 'lockContended');
    expect(contended.slice(0, 2).map((e) => e.core)).toEqual([1, 0]);
    expect(contended[0]!.waitCycles).toBeGreaterThan(0);
  });

  it('a one-core machine has no big lock and no lock events (§1.10)', () => {
    const { log } = pairs(1);
    expect(log.filter((e: SimEvent) => LOCK_TYPES.has(e.type))).toHaveLength(0);
  });

  it('a multikernel of one-core images has no lock events; clustered images lock per image (§1.10)', () => {
    const multi = pairs(2, 'multikernel');
    expect(multi.log.filter((e) => LOCK_TYPES.has(e.type))).toHaveLength(0);
    const clustered = pairs(4, 'clustered:2');
    const images = new Set(
      eventsOf(clustered.log, 'lockAcquired').map((e) => `${e.core}:${e.image}`),
    );
    expect([...images].sort()).toEqual(['0:0', '1:0', '2:1', '3:1']);
  });
});
