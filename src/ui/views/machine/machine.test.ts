import { describe, expect, it } from 'vitest';
import { createProjection } from '../../../projection/initialProjection';
import { ProjectionWriter } from '../../../projection/projectionWriter';
import { TimelineModel } from '../../../projection/timeline';
import { MIXED, runFixture } from '../../../worker/testing/fixtures';
import { layoutMachine, type Box } from './machineLayout';
import { recentMigrations } from './selectMigrations';

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('layoutMachine', () => {
  it('places every core once, inside the width, with no two cards overlapping', () => {
    for (const [platform, cores] of [
      ['a9-sabre', 4],
      ['xeon-2s', 32],
      ['epyc-2s', 64],
      ['altra-80', 80],
    ] as const) {
      const { description } = runFixture(MIXED, { platform, cores }, 10);
      for (const width of [320, 700, 1400]) {
        const l = layoutMachine(description, width, 400);
        expect(l.cores.filter(Boolean)).toHaveLength(cores);
        for (const [i, a] of l.cores.entries()) {
          expect(a.x + a.w).toBeLessThanOrEqual(Math.max(width, a.w + 32));
          for (const b of l.cores.slice(i + 1)) expect(overlap(a, b)).toBe(false);
        }
      }
    }
  });

  it('draws a box per cluster of cores that share a cache, per socket', () => {
    const { description } = runFixture(MIXED, { platform: 'epyc-2s', cores: 64 }, 10);
    const l = layoutMachine(description, 1400);
    expect(l.sockets).toHaveLength(2);
    expect(l.clusters).toHaveLength(8);
  });

  it('takes the largest cards that fit the height it is given', () => {
    const { description } = runFixture(MIXED, { platform: 'xeon-2s', cores: 8 }, 10);
    expect(layoutMachine(description, 800, 2000).cores[0]!.w).toBeGreaterThan(
      layoutMachine(description, 800, 150).cores[0]!.w,
    );
  });
});

describe('recentMigrations', () => {
  it('merges the latest migrations by pair of cores and marks the ones just before the cursor', () => {
    const { log, description } = runFixture(MIXED);
    const tl = new TimelineModel(description);
    const w = new ProjectionWriter(createProjection(description));
    for (const e of log) {
      w.apply(e);
      tl.add(e, w.current.cores[e.core]);
    }
    const last = tl.migrations.index[tl.migrations.index.length - 1]!;
    const arrows = recentMigrations(tl, last + 1, 24);
    const total = arrows.reduce((n, a) => n + a.count, 0);
    expect(total).toBe(Math.min(24, tl.migrations.index.length));
    expect(new Set(arrows.map((a) => a.key)).size).toBe(arrows.length);
    expect(arrows[arrows.length - 1]).toMatchObject({ lastIndex: last, current: true, age: 0 });
    expect(recentMigrations(tl, 0)).toEqual([]);
  });
});
