import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../../sim/simEvents';
import { matchesFilter, NO_FILTER } from './traceFilter';

const call = {
  type: 'messageTransferred',
  seq: 3,
  t: 10,
  core: 1,
  from: 'client',
  to: 'server',
  endpoint: 'ep',
} as unknown as SimEvent;

describe('trace filter', () => {
  const m = (f: Partial<typeof NO_FILTER>) =>
    matchesFilter(call, { ...NO_FILTER, ...f }, () => 'client sends to server');
  it('matches everything when empty', () => expect(m({})).toBe(true));
  it('filters by type, core, thread, object and text', () => {
    expect(m({ type: 'messageTransferred' })).toBe(true);
    expect(m({ type: 'syscallEntered' })).toBe(false);
    expect(m({ core: '1' })).toBe(true);
    expect(m({ core: '0' })).toBe(false);
    expect(m({ thread: 'server' })).toBe(true);
    expect(m({ thread: 'idle.0' })).toBe(false);
    expect(m({ object: 'ep' })).toBe(true);
    expect(m({ object: 'other' })).toBe(false);
    expect(m({ text: 'SENDS' })).toBe(true);
    expect(m({ text: 'nothing like it' })).toBe(false);
  });
});
