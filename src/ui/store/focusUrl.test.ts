import { describe, expect, it } from 'vitest';
import { NO_FOCUS, parseFocus, sameFocus, withFocus } from './focusUrl';

describe('the debugging focus in the address', () => {
  it('writes what it reads back, keeping the scenario and machine', () => {
    const f = { at: 120, thread: 'client1', bp: 2, branch: 1 };
    const q = withFocus('?scenario=echo&cores=2', f);
    expect(q).toBe('?scenario=echo&cores=2&at=120&thread=client1&bp=2&branch=1');
    expect(parseFocus(q)).toEqual({ focus: f, problems: [] });
    expect(withFocus(q, NO_FOCUS)).toBe('?scenario=echo&cores=2');
    expect(sameFocus(parseFocus(q).focus, f)).toBe(true);
  });

  it('leaves out the main branch and reports values it cannot read', () => {
    expect(withFocus('', { ...NO_FOCUS, at: 0, branch: 0 })).toBe('?at=0');
    const bad = parseFocus('?at=-1&bp=x&thread=');
    expect(bad.focus).toEqual(NO_FOCUS);
    expect(bad.problems).toEqual([
      'at=-1 is not a whole number ≥ 0',
      'bp=x is not a whole number ≥ 0',
    ]);
  });
});
