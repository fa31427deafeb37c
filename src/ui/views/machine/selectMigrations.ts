// The cache-line migrations to draw as arrows: the most recent ones before the cursor, merged
// by (from core, to core). Pure: reads the timeline's migration points.
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
  const m = tl.migrations;
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
