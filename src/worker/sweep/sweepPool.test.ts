import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sweep } from '../../lib/node/sweep';
import { scenarioFromSource } from '../../lib/simulate';
import { sweepPoints, type SweepGrid } from '../../lib/sweepGrid';
import { createPointRunner } from './pointRunner';
import type { FromSweepWorker, ToSweepWorker } from './sweepMessages';
import { MAX_POOL_SIZE, poolSize, runSweepPool, type SpawnSweepWorker } from './sweepPool';

const ECHO = 'src/scenarios/echo.ts';
const LIMITS = { maxCycles: 2_000_000 };

/**
 * Workers in this process: each runs the code the app's sweepWorker.ts runs, behind a
 * structured clone each way and a macrotask, so replies interleave as real workers' do.
 */
function fakeWorkers(log: {
  spawned: number;
  terminated: number;
  points: number;
}): SpawnSweepWorker {
  return (onReply) => {
    log.spawned++;
    const run = createPointRunner();
    let alive = true;
    return {
      post(msg: ToSweepWorker) {
        if (msg.type === 'point') log.points++;
        const copy = structuredClone(msg);
        setTimeout(() => {
          if (!alive) return;
          const reply = run(copy);
          if (reply !== null) onReply(structuredClone<FromSweepWorker>(reply));
        }, 0);
      },
      terminate() {
        if (alive) log.terminated++;
        alive = false;
      },
    };
  };
}

describe("the app's sweep pool", () => {
  it('gives the rows the library sweep (and so `ipcscope sweep`) gives, in point order', async () => {
    const source = readFileSync(ECHO, 'utf8');
    const grid: SweepGrid = {
      platform: ['a9-sabre', 'haswell-i7'],
      kernel: ['smp', 'multikernel'],
      params: { calls: [2, 5] },
      cores: [1, 2],
      seed: [3],
    };
    const expected = await sweep(scenarioFromSource(source, ECHO), grid, {
      jobs: 1,
      limits: LIMITS,
    });
    const log = { spawned: 0, terminated: 0, points: 0 };
    const progress: number[] = [];
    const run = runSweepPool({ source, file: ECHO, limits: LIMITS }, sweepPoints(grid), {
      size: 3,
      spawn: fakeWorkers(log),
      onRow: (_row, _index, done) => progress.push(done),
    });
    const outcome = await run.result;
    expect(outcome.kind).toBe('done');
    expect(outcome.rows).toEqual(expected);
    expect(outcome.rows).toHaveLength(16);
    expect(progress).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(log).toEqual({ spawned: 3, terminated: 3, points: 16 });
  });

  it('cancel stops the workers and keeps the rows so far', async () => {
    const source = readFileSync(ECHO, 'utf8');
    const log = { spawned: 0, terminated: 0, points: 0 };
    const points = sweepPoints({ cores: [1, 2, 3, 4, 5, 6] });
    const run = runSweepPool({ source, file: ECHO, limits: LIMITS }, points, {
      size: 2,
      spawn: fakeWorkers(log),
      onRow: (_row, _index, done) => {
        if (done === 2) run.cancel();
      },
    });
    const outcome = await run.result;
    expect(outcome.kind).toBe('cancelled');
    expect(outcome.rows.filter((r) => r !== undefined)).toHaveLength(2);
    expect(log.terminated).toBe(2);
    expect(log.points).toBeLessThan(6);
  });

  it('ends with the message of the first point that fails', async () => {
    const source = readFileSync(ECHO, 'utf8');
    const log = { spawned: 0, terminated: 0, points: 0 };
    const run = runSweepPool(
      { source, file: ECHO, limits: LIMITS },
      sweepPoints({ params: { nosuch: [1, 2] } }),
      { size: 2, spawn: fakeWorkers(log) },
    );
    const outcome = await run.result;
    expect(outcome).toMatchObject({ kind: 'failed' });
    expect(outcome.kind === 'failed' && outcome.message).toMatch(/unknown param 'nosuch'/);
  });

  it('a scenario that does not load fails with its file and line', async () => {
    const log = { spawned: 0, terminated: 0, points: 0 };
    const run = runSweepPool(
      { source: 'export default 1 +;', file: 'broken.ts', limits: LIMITS },
      sweepPoints({ cores: [1, 2] }),
      { size: 2, spawn: fakeWorkers(log) },
    );
    const outcome = await run.result;
    expect(outcome.kind === 'failed' && outcome.message).toMatch(/broken\.ts/);
  });

  it('uses one worker per logical core, at most MAX_POOL_SIZE and never more than the points', () => {
    expect(poolSize(4, 100)).toBe(4);
    expect(poolSize(64, 100)).toBe(MAX_POOL_SIZE);
    expect(poolSize(16, 3)).toBe(3);
    expect(poolSize(undefined, 100)).toBe(2);
    expect(poolSize(0, 100)).toBe(2);
    expect(poolSize(8, 0)).toBe(1);
  });
});
