import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPointRunner } from '../../../worker/sweep/pointRunner';
import type { SpawnSweepWorker } from '../../../worker/sweep/sweepPool';
import { defaultForm, requestFromForm, type SweepRequest } from './sweepForm';
import { createSweepStore, type SweepState } from './sweepStore';

const ECHO = 'src/scenarios/echo.ts';
const SOURCE = readFileSync(ECHO, 'utf8');

/** In-process workers that answer on the next macrotask, as sweepPool.test.ts's do. */
const spawn: SpawnSweepWorker = (onReply) => {
  const run = createPointRunner();
  let alive = true;
  return {
    post(msg) {
      setTimeout(() => {
        const reply = alive ? run(msg) : null;
        if (reply !== null) onReply(reply);
      }, 0);
    },
    terminate() {
      alive = false;
    },
  };
};

function request(cores: string): SweepRequest {
  const config = {
    platform: 'skylake-i7',
    cores: 1,
    kernel: 'smp',
    mcs: false,
    seed: 1,
    params: { calls: 3 },
  };
  const r = requestFromForm({ ...defaultForm(config), cores, maxCycles: '2000000' }, {});
  if (typeof r === 'string') throw new Error(r);
  return r;
}

function settled(store: ReturnType<typeof createSweepStore>): Promise<SweepState> {
  return new Promise((resolve) => {
    const off = store.subscribe((s) => {
      if (s.status !== 'running') {
        off();
        resolve(s);
      }
    });
  });
}

describe('the sweep store', () => {
  it('runs the points, counts them and keeps every row', async () => {
    let t = 0;
    const store = createSweepStore({ spawn, concurrency: 4, now: () => (t += 10) });
    store.getState().start(request('1,2,3'), SOURCE, ECHO);
    expect(store.getState()).toMatchObject({ status: 'running', total: 3, workers: 3, done: 0 });
    const s = await settled(store);
    expect(s.status).toBe('done');
    expect(s.done).toBe(3);
    expect(s.rows.map((r) => r?.cores)).toEqual([1, 2, 3]);
    expect(s.elapsedMs).toBeGreaterThan(0);
  });

  it('cancel ends the sweep as cancelled; a new sweep replaces a running one', async () => {
    const store = createSweepStore({ spawn, concurrency: 1, now: () => 0 });
    store.getState().start(request('1,2,3,4'), SOURCE, ECHO);
    store.getState().start(request('1,2'), SOURCE, ECHO);
    expect(store.getState().total).toBe(2);
    const done = await settled(store);
    expect(done.status).toBe('done');
    expect(done.rows).toHaveLength(2);
    store.getState().start(request('1,2,3,4'), SOURCE, ECHO);
    store.getState().cancel();
    const s = await settled(store);
    expect(s.status).toBe('cancelled');
    expect(s.done).toBeLessThan(4);
  });
});
