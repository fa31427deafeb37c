import { describe, expect, it } from 'vitest';
import { scenarioFromSource } from '../simulate';
import { loadScenario } from './loadScenario';
import { sweep } from './sweep';
import { releaseThreads, takeThreads } from './warmThreads';

const SETUP_THROWS = `import { scenario } from 'ipcscope';
export default scenario({
  name: 'setup throws on 3 cores',
  machine: { cores: 1 },
  setup(k) {
    if (k.machine.cores === 3) throw new Error('no three');
    k.process('p', function* (sys) { yield* sys.compute(100); }, { core: 0 });
  },
});
`;

describe('warm sweep threads', () => {
  it('a released thread serves the next sweep; a thread of a failed sweep is replaced', () => {
    const first = takeThreads(2);
    releaseThreads(first, true);
    const again = takeThreads(2);
    expect(again).toEqual(first);
    releaseThreads(again, false);
    const fresh = takeThreads(1);
    expect(first).not.toContain(fresh[0]);
    releaseThreads(fresh, true);
  });

  it('threads that served one scenario run the next one with its own source and limits', async () => {
    const echo = loadScenario('src/scenarios/echo.ts');
    const cross = loadScenario('src/scenarios/exp-cross-core.ts');
    const gridA = { cores: [1, 2], platform: ['a9-sabre', 'haswell-i7'] };
    const gridB = { cores: [2, 4], platform: ['a9-sabre'] };
    const a1 = await sweep(echo, gridA, { jobs: 1 });
    const b1 = await sweep(cross, gridB, { jobs: 1, limits: { maxCycles: 2_000_000 } });
    expect(await sweep(echo, gridA, { jobs: 2 })).toEqual(a1);
    expect(await sweep(cross, gridB, { jobs: 2, limits: { maxCycles: 2_000_000 } })).toEqual(b1);
    expect(await sweep(echo, gridA, { jobs: 2 })).toEqual(a1);
  });

  it('after a sweep whose point fails, the next sweep on the pool gives the rows one thread gives', async () => {
    const bad = scenarioFromSource(SETUP_THROWS, 'setupThrows.ts');
    const grid = { cores: [1, 2, 3, 4] };
    const one = await sweep(bad, grid, { jobs: 1 });
    expect(await sweep(bad, grid, { jobs: 2 })).toEqual(one);
    const echo = loadScenario('src/scenarios/echo.ts');
    const a1 = await sweep(echo, { cores: [1, 2] }, { jobs: 1 });
    expect(await sweep(echo, { cores: [1, 2] }, { jobs: 2 })).toEqual(a1);
  });
});
