import { describe, expect, it } from 'vitest';
import { createProjection } from '../../../projection/initialProjection';
import { ProjectionWriter } from '../../../projection/projectionWriter';
import { TimelineModel } from '../../../projection/timeline';
import { MIXED, runFixture } from '../../../worker/testing/fixtures';
import { layoutMachine, type Box } from './machineLayout';
import { groupMigrations, recentMigrations, type MigrationArrow } from './selectMigrations';

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
          // Drawn at l.scale: on screen the card ends inside the panel.
          expect((a.x + a.w) * l.scale).toBeLessThanOrEqual(Math.max(width, (a.w + 32) * l.scale));
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

  it('zooms 32 and 64 cores out to fit the panel, both sockets in view', () => {
    for (const [platform, cores] of [
      ['xeon-2s', 32],
      ['epyc-2s', 64],
    ] as const) {
      const { description } = runFixture(MIXED, { platform, cores }, 10);
      const l = layoutMachine(description, 600, 200);
      expect(l.scale).toBeLessThan(1);
      expect(l.width * l.scale).toBeLessThanOrEqual(601);
      expect(l.height * l.scale).toBeLessThanOrEqual(201);
      expect(l.sockets).toHaveLength(2);
      // Without zoom it scrolls instead: taller than the panel.
      expect(layoutMachine(description, 600, 200, false).height).toBeGreaterThan(200);
    }
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

describe('groupMigrations', () => {
  const arrow = (from: number, to: number, count: number, lastIndex: number): MigrationArrow => ({
    key: `${from}>${to}`,
    from,
    to,
    count,
    cycles: 10 * count,
    lastIndex,
    age: 0.5,
    current: false,
  });
  it('joins arrows by group pair, counts moves inside a group, keeps cross-socket ones', () => {
    // Cores 0-3 in group 0, 4-7 in group 1 (socket 0); cores 8.. in groups 2.. on socket 1.
    const group = Array.from({ length: 64 }, (_, c) => Math.floor(c / 4));
    const socketOf = (c: number) => (c < 8 ? 0 : 1);
    const arrows = [arrow(0, 4, 2, 1), arrow(1, 5, 3, 2), arrow(0, 1, 5, 3)];
    // Ten busier pairs inside socket 1, and one quiet move across sockets.
    for (let g = 2; g < 12; g++) arrows.push(arrow(g * 4, g * 4 + 4, 20, 10 + g));
    arrows.push(arrow(3, 60, 1, 30));
    const { arrows: out, inside } = groupMigrations(arrows, group, socketOf);
    expect(inside.get(0)).toBe(5);
    const g01 = out.find((a) => a.from === 0 && a.to === 1);
    expect(g01).toBeUndefined(); // 5 moves, not among the 8 busiest
    expect(out.find((a) => a.from === 0 && a.to === 15)).toMatchObject({ crossSocket: true });
    expect(out.filter((a) => !a.crossSocket)).toHaveLength(8);
    const all = groupMigrations(arrows.slice(0, 3), group, socketOf).arrows;
    expect(all).toEqual([expect.objectContaining({ from: 0, to: 1, count: 5, lastIndex: 2 })]);
  });
});
