import { describe, expect, it } from 'vitest';
import { MIXED, PASSIVE, runFixture } from '../worker/testing/fixtures';
import { EventLog } from '../sim/events/eventLog';
import type { SimEvent, SimEventType } from '../sim/events/schema';
import { createWriters, type Writers } from '../sim/events/writers';

/** Write `e` through its type's writer (the body is the event without type, seq, t and core). */
function write(out: Writers, e: SimEvent): number {
  const { type, seq: _seq, t: _t, core, ...body } = e;
  const w = out[type] as (core: number, body: unknown) => number;
  return w.call(out, core, body);
}

describe('typed event writers', () => {
  it('write the record append writes for the same event: same log, same traceHash', () => {
    for (const src of [MIXED, PASSIVE]) {
      const { log } = runFixture(src);
      const viaAppend = new EventLog();
      for (const e of log) viaAppend.add(e);
      const viaWriters = new EventLog();
      const clock = { now: 0 };
      const out = createWriters(viaWriters, clock, [], () => {});
      for (const e of log) {
        clock.now = e.t;
        expect(write(out, e)).toBe(e.seq);
      }
      expect(viaWriters.traceHash).toBe(viaAppend.traceHash);
      for (let i = 0; i < log.length; i++) expect(viaWriters.get(i)).toEqual(log[i]);
    }
  });

  it('name a thread or endpoint by an id cached on the object, equal to writing its name', () => {
    const a = new EventLog();
    const b = new EventLog();
    const clock = { now: 5 };
    const tcb = { name: 'client', logId: -1 };
    const ep = { name: 'ep', logId: -1 };
    const outA = createWriters(a, clock, [], () => {});
    const outB = createWriters(b, clock, [], () => {});
    for (let i = 0; i < 3; i++) {
      outA.threadBlocked(0, { thread: tcb, state: 'blockedOnReceive', object: ep.name });
      outB.threadBlocked(0, { thread: 'client', state: 'blockedOnReceive', object: 'ep' });
      outA.objectChanged(0, { object: ep, kind: 'endpoint', state: 'recv', queue: [tcb], word: 0 });
      outB.objectChanged(0, {
        object: 'ep',
        kind: 'endpoint',
        state: 'recv',
        queue: ['client'],
        word: 0,
      });
    }
    expect(tcb.logId).toBe(a.intern('client'));
    expect(a.traceHash).toBe(b.traceHash);
  });

  it('hand listeners the event written, decoded, only when there are listeners', () => {
    const log = new EventLog();
    const listeners: ((e: SimEvent) => void)[] = [];
    const seen: SimEvent[] = [];
    let notified = 0;
    const out = createWriters(log, { now: 42 }, listeners, () => {
      notified++;
      seen.push(log.last());
    });
    out.coreModeChanged(1, { mode: 'kernel' });
    expect(notified).toBe(0);
    listeners.push(() => {});
    out.syscallExited(1, {
      thread: 'p',
      syscall: 'Call',
      path: 'fast',
      cycles: 9,
      interrupt: null,
    });
    expect(seen).toEqual([
      {
        type: 'syscallExited',
        thread: 'p',
        syscall: 'Call',
        path: 'fast',
        cycles: 9,
        interrupt: null,
        seq: 1,
        t: 42,
        core: 1,
      },
    ]);
    const types: SimEventType[] = ['coreModeChanged', 'syscallExited'];
    expect([log.get(0).type, log.get(1).type]).toEqual(types);
  });
});
