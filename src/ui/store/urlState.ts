// The URL as a way in: `?scenario=ID&platform=…&cores=…&kernel=…&mcs=1&seed=…&speed=…` opens a
// built-in scenario on a given machine. Bad values are reported, not guessed at.
import type { ConfigOverrides } from '../../sim/config';

export interface UrlState {
  scenario: string | null;
  overrides: ConfigOverrides;
  /** Events per second; null = as fast as possible; undefined = the app's default. */
  speed?: number | null;
  /** `paused=1`: load, but do not start running. */
  paused: boolean;
  /** Parameters that could not be read, as sentences. */
  problems: string[];
}

function int(name: string, v: string, problems: string[]): number | undefined {
  const n = Number(v);
  if (v.trim() === '' || !Number.isInteger(n)) {
    problems.push(`${name}=${v} is not a whole number`);
    return undefined;
  }
  return n;
}

export function parseUrl(search: string): UrlState {
  const q = new URLSearchParams(search);
  const problems: string[] = [];
  const overrides: ConfigOverrides = {};
  const platform = q.get('platform');
  if (platform) overrides.platform = platform;
  const cores = q.get('cores');
  if (cores !== null) {
    const n = int('cores', cores, problems);
    if (n !== undefined) overrides.cores = n;
  }
  const kernel = q.get('kernel');
  if (kernel) overrides.kernel = kernel;
  const mcs = q.get('mcs');
  if (mcs !== null) overrides.mcs = mcs === '1' || mcs === 'true';
  const seed = q.get('seed');
  if (seed !== null) {
    const n = int('seed', seed, problems);
    if (n !== undefined) overrides.seed = n;
  }
  const out: UrlState = {
    scenario: q.get('scenario'),
    overrides,
    paused: q.get('paused') === '1',
    problems,
  };
  const speed = q.get('speed');
  if (speed === 'max') out.speed = null;
  else if (speed !== null) {
    const n = int('speed', speed, problems);
    if (n !== undefined && n > 0) out.speed = n;
  }
  return out;
}

/** The query string that reopens this scenario on this machine. */
export function toUrl(scenario: string | null, o: ConfigOverrides): string {
  const q = new URLSearchParams();
  if (scenario !== null) q.set('scenario', scenario);
  if (o.platform !== undefined) q.set('platform', o.platform);
  if (o.cores !== undefined) q.set('cores', String(o.cores));
  if (o.kernel !== undefined) q.set('kernel', o.kernel);
  if (o.mcs !== undefined) q.set('mcs', o.mcs ? '1' : '0');
  if (o.seed !== undefined) q.set('seed', String(o.seed));
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}
