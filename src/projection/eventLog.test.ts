import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../sim/simEvents';
import { MIXED, PASSIVE, runFixture } from '../worker/testing/fixtures';
import { EventLog } from './eventLog';

function encode(events: SimEvent[]): EventLog {
  const log = new EventLog();
  for (const e of events) log.append(e);
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

  it('carries an event type it has no layout for as JSON, losing nothing', () => {
    const odd = {
      type: 'somethingNew',
      seq: 0,
      t: 5,
      core: 1,
      process: 'p',
      bindings: [{ path: '/dev', to: ['cons'] }],
    } as unknown as SimEvent;
    const enc = encode([odd]);
    expect(enc.codeAt(0)).toBe(0);
    expect(enc.get(0)).toEqual(odd);
  });

  it('switches a known type to JSON when its first event has a field the layout lacks', () => {
    const e = {
      type: 'threadWoken',
      seq: 0,
      t: 1,
      core: 0,
      thread: 'a',
      reason: 'new field',
    } as unknown as SimEvent;
    const enc = encode([e, { ...e, seq: 1 }]);
    expect(enc.get(1)).toEqual({ ...e, seq: 1 });
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
    for (let i = 0; i < log.length; i++) expect(mirror.get(i)).toEqual(log[i]);
  });

  it('refuses a batch that does not continue the mirror', () => {
    const { log } = runFixture(MIXED);
    const enc = encode(log);
    const mirror = new EventLog();
    expect(() => mirror.appendBatch(enc.slice(5, 10, 0))).toThrow(/starts at 5/);
  });
});
