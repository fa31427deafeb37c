import { describe, expect, it } from 'vitest';
import { parseUrl, toUrl } from './urlState';

describe('urlState', () => {
  it('reads a scenario and its machine from the query string', () => {
    expect(
      parseUrl('?scenario=echo&platform=xeon-2s&cores=8&kernel=clustered:2&mcs=1&seed=7&speed=max'),
    ).toEqual({
      scenario: 'echo',
      overrides: { platform: 'xeon-2s', cores: 8, kernel: 'clustered:2', mcs: true, seed: 7 },
      speed: null,
      paused: false,
      problems: [],
    });
  });

  it('reports values it cannot read instead of guessing', () => {
    const s = parseUrl('?cores=many&seed=1.5');
    expect(s.overrides).toEqual({});
    expect(s.problems).toEqual([
      'cores=many is not a whole number',
      'seed=1.5 is not a whole number',
    ]);
  });

  it('writes what it reads back', () => {
    const o = { platform: 'a9-sabre', cores: 4, kernel: 'smp', mcs: false, seed: 3 };
    const url = toUrl('slowpath-cross-core', o);
    expect(parseUrl(url)).toMatchObject({ scenario: 'slowpath-cross-core', overrides: o });
  });
});
