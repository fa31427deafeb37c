// Determinism (DESIGN.md "Time and determinism"): the same scenario, configuration and seed give
// the same event log and traceHash. The seed drives sys.random()/k.random() and the optional
// timing noise of the platform profile (machine/noise.ts): another seed changes a noisy run, the
// same seed repeats it; with noise off and no random draws the seed changes nothing, so results
// stay exactly as calibrated. The hash tells apart runs that differ (another platform).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioSource } from '../loader/loadScenario';
import { SCENARIOS } from '../scenarios/catalog';
import type { ConfigOverrides } from './config';
import { buildLoaded } from './testing/runScenario';

const DIR = path.join(__dirname, '../scenarios');
const LIMITS = { maxCycles: 100_000_000, maxEvents: 5_000 };

function runFile(file: string, overrides: ConfigOverrides = {}, profile?: Record<string, unknown>) {
  const loaded = loadScenarioSource(fs.readFileSync(path.join(DIR, file), 'utf8'), file);
  if (profile !== undefined) {
    const m = loaded.scenario.machine ?? {};
    (loaded.scenario as { machine?: unknown }).machine = {
      ...m,
      profile: { ...m.profile, ...profile },
    };
  }
  const sim = buildLoaded(loaded, overrides);
  sim.run(LIMITS);
  return sim;
}

describe('determinism', () => {
  it.each(SCENARIOS.map((s) => [s.id, s.file] as const))(
    '%s: the same scenario, configuration and seed give the same log and traceHash',
    (_id, file) => {
      const a = runFile(file, { seed: 3 });
      const b = runFile(file, { seed: 3 });
      expect(a.eventCount).toBeGreaterThan(0);
      expect(b.traceHash).toBe(a.traceHash);
      expect(b.log).toEqual(a.log);
      expect(b.console).toEqual(a.console);
    },
  );

  const NOISY = { noise: { lineJitter: 40, irqJitter: 200 } };
  const noisy = (seed: number) => runFile('slowpath-cross-core.ts', { seed, cores: 2 }, NOISY);

  it('with timing noise on, another seed changes the run (cross-core transfers and IPIs jitter)', () => {
    const a = noisy(1);
    const b = noisy(2);
    expect(b.traceHash).not.toBe(a.traceHash);
    const cycles = (s: typeof a) =>
      s.log
        .filter((e) => e.type === 'cacheLineMigrated')
        .map((e) => (e as { cycles: number }).cycles);
    expect(cycles(b)).not.toEqual(cycles(a));
  });

  it('with timing noise on, the same seed repeats the run exactly', () => {
    const a = noisy(7);
    const b = noisy(7);
    expect(b.traceHash).toBe(a.traceHash);
    expect(b.log).toEqual(a.log);
  });

  it.each(['echo.ts', 'slowpath-cross-core.ts', 'mcs-passive-server.ts'])(
    '%s: with noise off (the default) and no random draws, the seed changes nothing: costs stay as calibrated',
    (file) => {
      expect(runFile(file, { seed: 99 }).traceHash).toBe(runFile(file, { seed: 1 }).traceHash);
    },
  );

  it('sys.random() and k.random() draw from the seed: the same seed gives the same numbers, another seed others', () => {
    const src = `
import { scenario, type Sys } from 'ipcscope';
export default scenario({
  name: 'random',
  setup(k) {
    const n = Math.floor(k.random() * 1000);
    k.process('p', function* (sys: Sys) {
      yield* sys.compute(1 + Math.floor(sys.random() * 1000));
      sys.log(\`\${n} \${sys.random()}\`);
    });
  },
});`;
    const run = (seed: number) => {
      const sim = buildLoaded(loadScenarioSource(src, 'random.ts'), { seed });
      sim.run(LIMITS);
      return sim;
    };
    expect(run(5).console).toEqual(run(5).console);
    expect(run(5).traceHash).toBe(run(5).traceHash);
    expect(run(6).console[0]!.text).not.toBe(run(5).console[0]!.text);
    expect(run(6).traceHash).not.toBe(run(5).traceHash);
    for (const seed of [1, 2, 3]) {
      const [setupDraw, scriptDraw] = run(seed).console[0]!.text.split(' ').map(Number);
      expect(setupDraw).toBeGreaterThanOrEqual(0);
      expect(setupDraw).toBeLessThan(1000);
      expect(scriptDraw).toBeGreaterThanOrEqual(0);
      expect(scriptDraw).toBeLessThan(1);
    }
  });

  it('a bad noise setting is refused with a message that names it', () => {
    expect(() => runFile('echo.ts', {}, { noise: { lineJitter: -1 } })).toThrow(
      /profile.noise.lineJitter must be a number of cycles >= 0/,
    );
  });

  it('the traceHash tells apart runs that differ', () => {
    const skylake = runFile('slowpath-cross-core.ts');
    const a9 = runFile('slowpath-cross-core.ts', { platform: 'a9-sabre' });
    expect(a9.traceHash).not.toBe(skylake.traceHash);
    const fewer = runFile('echo.ts', { params: { calls: 2 } });
    expect(fewer.traceHash).not.toBe(runFile('echo.ts').traceHash);
  });
});
