// Checkpoint + replay reproduces the identical log from any event index (DESIGN.md "Time and
// determinism"; issue 2 item 2), and a replay that walks another path is caught by the hashes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioSource } from '../../loader/loadScenario';
import type { ConfigOverrides } from '../config';
import type { Simulation } from '../simulation';
import { buildLoaded } from '../testing/runScenario';
import { CheckpointIndex, CheckpointMismatch, restoreAt } from './checkpoint';
import { createRng } from './rng';
import { EventLog } from '../events/eventLog';

const DIR = path.join(__dirname, '../../scenarios');
const LIMITS = { maxCycles: 100_000_000, maxEvents: 4_000 };

/** A fresh load of the file each time: a module may keep state in closures. */
function builder(file: string, overrides: ConfigOverrides = {}): () => Simulation {
  const source = fs.readFileSync(path.join(DIR, file), 'utf8');
  return () => {
    const loaded = loadScenarioSource(source, file);
    return buildLoaded(loaded, overrides);
  };
}

function fullRun(build: () => Simulation, every: number) {
  const sim = build();
  const index = new CheckpointIndex(every);
  index.attach(sim);
  sim.run(LIMITS);
  return { sim, index };
}

describe('checkpoints and replay', () => {
  it.each([
    'bound-notification.ts',
    'mcs-passive-server.ts',
    'slowpath-cross-core.ts',
    'yield-round-robin.ts',
    'exp-smp-pingpong.ts',
  ])('restore + replay of %s reproduces the identical log from any event index', (file) => {
    const build = builder(file);
    const { sim: full, index } = fullRun(build, 20);
    expect(index.checkpoints.length).toBeGreaterThan(2);
    const rng = createRng(7);
    const picks = [
      0,
      1,
      full.eventCount - 1,
      ...Array.from({ length: 5 }, () => rng.int(full.eventCount)),
    ];
    for (const at of picks) {
      const r = restoreAt(build, at, index);
      expect(r.events).toEqual(full.log.slice(0, at));
      expect(r.sim.eventCount).toBeGreaterThanOrEqual(at);
      expect(r.overshoot).toEqual(full.log.slice(at, r.sim.eventCount));
      const nearest = index.nearest(at);
      if (nearest !== null) expect(r.verified.at(-1)).toEqual(nearest);
      // Carry on from the restored point: the rest of the run is the same, event for event.
      r.sim.run(LIMITS);
      expect(r.sim.log.slice(at)).toEqual(full.log.slice(at));
      expect(r.sim.traceHash).toBe(full.traceHash);
    }
  });

  it('records a checkpoint every N events with the trace hash of exactly that prefix', () => {
    const { sim, index } = fullRun(builder('bound-notification.ts'), 10);
    expect(index.checkpoints.map((c) => c.eventCount)).toEqual(
      Array.from({ length: Math.floor(sim.eventCount / 10) }, (_, i) => (i + 1) * 10),
    );
    for (const c of index.checkpoints) {
      const h = new EventLog({ hash: true });
      for (const e of sim.log.slice(0, c.eventCount)) h.add(e);
      expect(h.traceHash).toBe(c.traceHash);
    }
    expect(index.nearest(25)!.eventCount).toBe(20);
    expect(index.nearest(9)).toBeNull();
  });

  it('a replay under another configuration is caught at the first checkpoint', () => {
    const { index } = fullRun(builder('slowpath-cross-core.ts'), 25);
    const other = builder('slowpath-cross-core.ts', { platform: 'a9-sabre' });
    expect(() => restoreAt(other, 100, index)).toThrow(CheckpointMismatch);
  });

  it('a replay that ends before a recorded checkpoint is caught', () => {
    // The two runs agree on their first 28 events; the shorter one has 35.
    const { index } = fullRun(builder('echo.ts'), 25);
    const shorter = builder('echo.ts', { params: { calls: 1 } });
    expect(() => restoreAt(shorter, 50, index)).toThrow(/ended before event/);
  });
});
