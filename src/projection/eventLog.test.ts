import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../sim/simEvents';
import { MIXED, PASSIVE, runFixture } from '../worker/testing/fixtures';
import { EventLog } from './eventLog';

function encode(events: SimEvent[]): EventLog {
  const log = new EventLog();
  for (const e of events) log.add(e);
  return log;
}

describe('EventLog', () => {
  it('decodes every event of a run to an equal object', () => {
    for (const src of [MIXED, PASSIVE]) {
      const { log } = runFixture(src);
      const enc = encode(log);
      expect(enc.length).toBe(log.length);
      for (let i = 0; i < log.length; i++) expect(enc.get(i)).toEqual(log[i]);
    }
  });

  it('refuses an event type the schema does not declare, naming it', () => {
    const odd = { type: 'somethingNew', seq: 0, t: 5, core: 1 } as unknown as SimEvent;
    expect(() => encode([odd])).toThrow(/'somethingNew' is not an event type/);
  });

  it('keeps numbers that do not fit a word exactly: large, negative, fractional', () => {
    const words = [2 ** 40, -(2 ** 31), -7, 0.5, Number.MAX_SAFE_INTEGER, 2 ** 31];
    const e = {
      type: 'messageTransferred',
      ...{ from: 'a', to: 'b', object: 'ep', label: 2 ** 33, length: 6, badge: -1, caps: 0 },
      words,
      kind: 'send',
      requested: 6,
      seq: 0,
      t: 2 ** 45,
      core: 3,
    } as SimEvent;
    const enc = encode([e, { ...e, seq: 1, t: 2 ** 45 + 1 }]);
    expect(enc.get(0)).toEqual(e);
    expect(enc.get(1)).toEqual({ ...e, seq: 1, t: 2 ** 45 + 1 });
    expect(enc.timeAt(1)).toBe(2 ** 45 + 1);
  });

  it('keeps an event longer than the header can say (a long hop list)', () => {
    const hops = Array.from({ length: 5000 }, (_, i) => `hop ${i}`);
    const e = {
      type: 'fileOperation',
      ...{ thread: 'cat', op: 'read', path: '/x', bytes: 1, kernelEntries: 2, clientEntries: 1 },
      ...{ serverEntries: 1, transport: 'reg', hops, cycles: 9, copiedBytes: 0 },
      seq: 0,
      t: 1,
      core: 0,
    } as SimEvent;
    const after = { type: 'threadWoken', thread: 'cat', seq: 1, t: 2, core: 0 } as SimEvent;
    const enc = encode([e, after]);
    expect(enc.get(0)).toEqual(e);
    expect(enc.get(1)).toEqual(after);
  });

  it('a slice applied to an empty mirror reproduces the events, across chunk borders', () => {
    const { log } = runFixture(MIXED);
    const enc = encode(log);
    const mirror = new EventLog();
    let strings = 0;
    for (let from = 0; from < log.length; from += 97) {
      const to = Math.min(log.length, from + 97);
      const b = enc.slice(from, to, strings);
      strings = enc.strings.length;
      mirror.appendBatch(structuredClone(b));
    }
    expect(mirror.length).toBe(log.length);
    expect(mirror.traceHash).toBe(enc.traceHash);
    for (let i = 0; i < log.length; i++) expect(mirror.get(i)).toEqual(log[i]);
  });

  it('hashes the same whether it keeps every record or only the latest chunk, read at any time', () => {
    const { log } = runFixture(MIXED);
    const full = new EventLog();
    const ring = new EventLog({ retain: false });
    // Enough copies that the ring's chunk is reused many times over.
    for (let copy = 0; copy < 40; copy++) {
      for (const e of log) {
        full.append(e, e.t + copy * 1e6, e.core);
        ring.append(e, e.t + copy * 1e6, e.core);
      }
      if (copy % 7 === 0) expect(ring.traceHash).toBe(full.traceHash);
    }
    expect(ring.length).toBe(full.length);
    expect(ring.traceHash).toBe(full.traceHash);
    expect(full.traceHash).not.toBe(encode(log).traceHash);
  });

  it('refuses a batch that does not continue the mirror', () => {
    const { log } = runFixture(MIXED);
    const enc = encode(log);
    const mirror = new EventLog();
    expect(() => mirror.appendBatch(enc.slice(5, 10, 0))).toThrow(/starts at 5/);
  });
});
