import { afterEach, describe, expect, it } from 'vitest';
import { createProjection } from '../../projection/initialProjection';
import { ProjectionWriter } from '../../projection/projectionWriter';
import { InProcessSimClient } from '../../worker/inProcessSimClient';
import { MIXED, PASSIVE } from '../../worker/testing/fixtures';
import { createAppStore, isIdle, type AppStore } from './createAppStore';

const clients: InProcessSimClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.dispose();
});

function setup(): { store: AppStore; flushes: () => number; idle: () => Promise<void> } {
  const client = new InProcessSimClient();
  clients.push(client);
  const queued: (() => void)[] = [];
  let flushes = 0;
  const store = createAppStore(client, {
    schedule: (f) => queued.push(f),
    scenarios: [
      {
        id: 'mixed',
        file: 'mixed.ts',
        title: 'mixed',
        description: '',
        kind: 'example',
        source: MIXED,
      },
      {
        id: 'passive',
        file: 'passive.ts',
        title: 'passive',
        description: '',
        kind: 'example',
        source: PASSIVE,
      },
    ],
  });
  // Stand-in for requestAnimationFrame: run pending flushes whenever the test waits.
  const idle = async () => {
    for (let i = 0; i < 10_000; i++) {
      await new Promise((r) => setTimeout(r, 0));
      while (queued.length > 0) {
        queued.shift()!();
        flushes++;
      }
      if (isIdle(store) && queued.length === 0) return;
    }
    throw new Error('the store never became idle');
  };
  return { store, flushes: () => flushes, idle };
}

function fold(store: AppStore, to: number) {
  const s = store.getState();
  const w = new ProjectionWriter(createProjection(s.description!));
  w.applyAll(s.log.range(0, to));
  return w.snapshot();
}

describe('createAppStore', () => {
  it('shows the fold of the log up to the cursor, live and after steps back', async () => {
    const { store, idle } = setup();
    store.getState().setSpeed(null);
    store.getState().openScenario('mixed', {}, { run: true });
    await idle();
    const s = store.getState();
    expect(s.stop?.reason).toBe('idle');
    expect(s.cursor).toBe(s.total);
    expect(s.projection).toEqual(fold(store, s.cursor));
    for (let i = 0; i < 5; i++) store.getState().step('entry', -1);
    await idle();
    const back = store.getState();
    expect(back.log.get(back.cursor - 1).type).toBe('syscallExited');
    expect(back.projection).toEqual(fold(store, back.cursor));
    expect(back.timeline!.count).toBe(back.total);
  });

  it('applies whatever arrived since the last frame with one state change', async () => {
    const { store, idle } = setup();
    store.getState().openScenario('passive', {}, {});
    await idle();
    let changes = 0;
    const unsubscribe = store.subscribe(() => changes++);
    for (let i = 0; i < 20; i++) store.getState().step('event', 1);
    await idle();
    unsubscribe();
    expect(store.getState().cursor).toBe(20);
    expect(changes).toBeLessThanOrEqual(20 * 2);
    expect(store.getState().projection).toEqual(fold(store, 20));
  });

  it('appends an event batch to the mirror as it arrives and publishes it at the next frame, once', async () => {
    const { store, idle } = setup();
    store.getState().setSpeed(null);
    store.getState().openScenario('mixed', {}, {});
    await idle();
    store.getState().run();
    // Messages arrive; the frame that would publish them has not come yet.
    for (let i = 0; i < 200 && store.getState().log.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 0));
    }
    const early = store.getState();
    expect(early.log.length).toBeGreaterThan(0);
    expect(early.total).toBe(0);
    expect(early.timeline!.count).toBe(early.log.length);
    await idle();
    const s = store.getState();
    expect(s.log.length).toBe(s.total);
    expect(s.timeline!.count).toBe(s.total);
    expect(s.projection).toEqual(fold(store, s.cursor));
  });

  it('drops the messages of a run that a new load replaced', async () => {
    const { store, idle } = setup();
    store.getState().setSpeed(null);
    store.getState().openScenario('mixed', {}, { run: true });
    store.getState().openScenario('passive', {}, {});
    await idle();
    const s = store.getState();
    expect(s.scenarioId).toBe('passive');
    expect(s.scenario?.name).toBe('passive server');
    expect(s.errors).toEqual([]);
    expect(s.projection).toEqual(fold(store, s.cursor));
  });

  it('changing the machine re-runs the scenario on it', async () => {
    const { store, idle } = setup();
    store.getState().setSpeed(null);
    store.getState().openScenario('mixed', {}, { run: true });
    await idle();
    const before = store.getState().projection!.stats.ipcKernelCycles;
    store.getState().setMachine({ platform: 'a9-sabre' });
    await idle();
    const s = store.getState();
    expect(s.config?.platform).toBe('a9-sabre');
    expect(s.stop?.reason).toBe('idle');
    expect(s.projection!.stats.ipcKernelCycles).not.toBe(before);
  });

  it('reports a scenario that does not exist instead of loading something else', () => {
    const { store } = setup();
    store.getState().openScenario('nope');
    expect(store.getState().errors[0]?.message).toMatch(/no built-in scenario 'nope'/);
  });
});
