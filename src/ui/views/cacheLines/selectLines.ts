// The cache-line table: every line that has moved, sorted and filtered, and the set of lines the
// event at the cursor touched (the migrations of its kernel entry).
import { entryContext } from '../../../projection/entryContext';
import type { EventLog } from '../../../projection/eventLog';
import type { LineView } from '../../../projection/types';

export type LineSortKey = 'name' | 'at' | 'migrations' | 'cycles' | 'mean' | 'lastIndex';

export function sortLines(
  lines: LineView[],
  key: LineSortKey,
  desc: boolean,
  filter: string,
): LineView[] {
  const f = filter.trim().toLowerCase();
  const rows = f === '' ? lines.slice() : lines.filter((l) => l.name.toLowerCase().includes(f));
  const val = (l: LineView): number | string =>
    key === 'mean' ? l.cycles / Math.max(1, l.migrations) : key === 'name' ? l.name : l[key];
  rows.sort((a, b) => {
    const x = val(a);
    const y = val(b);
    const c = typeof x === 'string' ? x.localeCompare(y as string) : x - (y as number);
    return (desc ? -c : c) || a.name.localeCompare(b.name);
  });
  return rows;
}

/** What kind of kernel state a line holds, from its name (kernel/lines.ts naming). */
export function lineKind(name: string): string {
  const head = name.slice(0, name.indexOf('.') < 0 ? name.length : name.indexOf('.'));
  return head === 'tcb' ? `tcb ${name.slice(name.lastIndexOf('.') + 1)}` : head;
}

/** Lines moved by the kernel entry of the event at `index` (or by that event itself). */
export function touchedLines(log: EventLog, index: number): Set<string> {
  const out = new Set<string>();
  if (index < 0 || index >= log.length) return out;
  const e = log.get(index);
  if (e.type === 'cacheLineMigrated') out.add(e.line);
  const ctx = entryContext(log, index);
  if (ctx !== null) for (const m of ctx.migrations) out.add(m.line);
  return out;
}
