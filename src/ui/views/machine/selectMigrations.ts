// The cache-line migrations to draw as arrows: the most recent ones before the cursor, merged
// by (from core, to core). Pure: reads the timeline's migration points.
import { valuesOf } from '../../../projection/column';
import { firstAtOrAfter, type TimelineModel } from '../../../projection/timeline';

export interface MigrationArrow {
  key: string;
  from: number;
  to: number;
  count: number;
  /** Cycles of the latest migration on this pair (the cost of one transfer). */
  cycles: number;
  lastIndex: number;
  /** 0 for the newest arrow, up to 1 for the oldest shown. */
  age: number;
  /** Moved within the last few events: part of what the cursor is looking at. */
  current: boolean;
}

/** Migrations among the last `window` before the cursor; `recent` events count as current. */
export function recentMigrations(
  tl: TimelineModel,
  cursor: number,
  window = 24,
  recent = 12,
): MigrationArrow[] {
  const m = valuesOf(tl.migrations);
  const end = firstAtOrAfter(m.index, cursor);
  const start = Math.max(0, end - window);
  const byPair = new Map<string, MigrationArrow>();
  for (let i = start; i < end; i++) {
    const from = m.from[i]!;
    const to = m.to[i]!;
    const key = `${from}>${to}`;
    const a = byPair.get(key) ?? {
      key,
      from,
      to,
      count: 0,
      cycles: 0,
      lastIndex: -1,
      age: 1,
      current: false,
    };
    a.count++;
    a.cycles = m.cycles[i]!;
    a.lastIndex = m.index[i]!;
    a.age = end - start <= 1 ? 0 : (end - 1 - i) / (end - start - 1);
    a.current = cursor - a.lastIndex <= recent;
    byPair.set(key, a);
  }
  return [...byPair.values()].sort((a, b) => a.lastIndex - b.lastIndex);
}

/** Above this many cores the arrows join up between clusters (or sockets): one per pair. */
export const AGGREGATE_ABOVE = 16;
/** Group arrows shown at most: the busiest, plus every cross-socket one. */
export const GROUP_ARROWS = 8;

export interface GroupArrow extends MigrationArrow {
  /** Moves between two sockets: always shown. */
  crossSocket: boolean;
}

/**
 * Core-to-core arrows merged by (from group, to group), where group[core] is the core's cluster
 * or socket. Moves inside one group become a count per group instead of an arrow. Keeps the
 * GROUP_ARROWS busiest pairs and every pair that crosses sockets.
 */
export function groupMigrations(
  arrows: MigrationArrow[],
  group: number[],
  socketOf: (core: number) => number,
): { arrows: GroupArrow[]; inside: Map<number, number> } {
  const byPair = new Map<string, GroupArrow>();
  const inside = new Map<number, number>();
  for (const a of arrows) {
    const gf = group[a.from];
    const gt = group[a.to];
    if (gf === undefined || gt === undefined) continue;
    if (gf === gt) {
      inside.set(gf, (inside.get(gf) ?? 0) + a.count);
      continue;
    }
    const key = `g${gf}>${gt}`;
    const g = byPair.get(key);
    const crossSocket = socketOf(a.from) !== socketOf(a.to);
    if (g === undefined) {
      byPair.set(key, { ...a, key, from: gf, to: gt, crossSocket });
    } else {
      g.count += a.count;
      g.cycles = Math.max(g.cycles, a.cycles);
      g.current ||= a.current;
      g.age = Math.min(g.age, a.age);
      g.lastIndex = Math.max(g.lastIndex, a.lastIndex);
    }
  }
  const all = [...byPair.values()].sort((a, b) => b.count - a.count || b.lastIndex - a.lastIndex);
  const kept = all.filter((a, i) => i < GROUP_ARROWS || a.crossSocket);
  return { arrows: kept.sort((a, b) => a.lastIndex - b.lastIndex), inside };
}
