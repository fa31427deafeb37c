import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/testScenarios';
import {
  ConfigOverrideError,
  loadScenario,
  ScenarioFailure,
  simulate,
  simulationEvents,
  sweep,
  sweepPoints,
  type SimEvent,
} from './index';

const ECHO = 'src/scenarios/echo.ts';

describe('the library API', () => {
  it('simulate returns the object `ipcscope run --json` prints', async () => {
    const summary = simulate(loadScenario(ECHO), { config: { cores: 2, seed: 3 } });
    const cli = await runCli(['run', ECHO, '--cores', '2', '--seed', '3', '--json']);
    expect(JSON.parse(JSON.stringify(summary))).toEqual(JSON.parse(cli.stdout));
  });

  it('streams every event: onEvent and simulationEvents see the same log and summary', () => {
    const loaded = loadScenario(ECHO);
    const seen: SimEvent[] = [];
    const summary = simulate(loaded, { onEvent: (e) => seen.push(e) });
    const stream = simulationEvents(loaded);
    const streamed: SimEvent[] = [];
    let next = stream.next();
    while (next.done !== true) {
      streamed.push(next.value);
      next = stream.next();
    }
    expect(streamed).toEqual(seen);
    expect(streamed).toHaveLength(summary.events);
    expect(next.value.traceHash).toBe(summary.traceHash);
  });

  it('a consumer that stops reading stops the engine', () => {
    let count = 0;
    for (const e of simulationEvents(loadScenario('src/scenarios/exp-smp-pingpong.ts'))) {
      expect(e.seq).toBe(count);
      if (++count === 100) break;
    }
    expect(count).toBe(100);
  });

  it('sweep returns the rows `ipcscope sweep --json` prints, in point order, on any number of threads', async () => {
    const loaded = loadScenario(ECHO);
    const grid = { cores: [1, 2], platform: ['a9-sabre', 'haswell-i7'], params: { calls: [2, 5] } };
    const cli = await runCli([
      'sweep',
      ECHO,
      '--cores',
      '1,2',
      '--platform',
      'a9-sabre,haswell-i7',
      '--param',
      'calls=2,5',
      '--json',
    ]);
    const one = await sweep(loaded, grid, { jobs: 1 });
    expect(JSON.parse(JSON.stringify(one))).toEqual(JSON.parse(cli.stdout));
    expect(await sweep(loaded, grid, { jobs: 2 })).toEqual(one);
    const shard = await sweep(loaded, grid, { jobs: 1, shard: { index: 2, count: 3 } });
    expect(shard).toEqual([one[1], one[4], one[7]]);
    expect(sweepPoints(grid)).toHaveLength(8);
  });

  it('names the problem: a missing file, a bad override', async () => {
    expect(() => loadScenario('nope.ts')).toThrow(
      new ScenarioFailure('nope.ts: cannot read the scenario file (no such file)'),
    );
    const loaded = loadScenario(ECHO);
    expect(() => simulate(loaded, { config: { platform: 'pdp-11' } })).toThrow(ConfigOverrideError);
    await expect(sweep(loaded, { params: { nope: [1] } })).rejects.toThrow(ConfigOverrideError);
  });
});
