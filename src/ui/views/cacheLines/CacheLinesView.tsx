// Every cache line that has moved between cores: where it is now, how often it moved and what
// that cost. Sortable; the lines the current kernel entry moved are highlighted.
import { memo, useMemo, useState } from 'react';
import { useRunThrottled } from '../../components/useRunThrottled';
import type { LineView } from '../../../projection/types';
import { VirtualTable } from '../../components/VirtualTable';
import { fmtInt } from '../../format';
import { useActions, useAppStore } from '../../store/AppStoreProvider';
import { lineKind, sortLines, touchedLines, type LineSortKey } from './selectLines';

const COLUMNS: { key: LineSortKey; label: string; num: boolean }[] = [
  { key: 'name', label: 'line', num: false },
  { key: 'at', label: 'at core', num: true },
  { key: 'migrations', label: 'migrations', num: true },
  { key: 'cycles', label: 'cycles', num: true },
  { key: 'mean', label: 'cycles / move', num: true },
  { key: 'lastIndex', label: 'last moved (event)', num: true },
];

/** Enter or Space selects a focused row; ↑ / ↓ move the focus to the row above / below. */
function rowKey(e: React.KeyboardEvent<HTMLTableRowElement>, select: () => void) {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  let next: Element | null = null;
  if (e.key === 'Enter' || e.key === ' ') select();
  else if (e.key === 'ArrowDown') next = e.currentTarget.nextElementSibling;
  else if (e.key === 'ArrowUp') next = e.currentTarget.previousElementSibling;
  else return;
  e.preventDefault();
  e.stopPropagation();
  if (next instanceof HTMLTableRowElement && next.tabIndex >= 0) next.focus();
}

const Row = memo(function Row({
  l,
  hl,
  selected,
  onSelect,
}: {
  l: LineView;
  hl: boolean;
  selected: boolean;
  onSelect: (n: string) => void;
}) {
  return (
    <tr
      className={`clickable${hl ? ' hl' : ''}${selected ? ' selected' : ''}`}
      data-line={l.name}
      data-touched={hl}
      tabIndex={0}
      aria-selected={selected}
      onClick={() => onSelect(l.name)}
      onKeyDown={(e) => rowKey(e, () => onSelect(l.name))}
    >
      <td className="mono">
        {l.name} <span className="muted">{lineKind(l.name)}</span>
      </td>
      <td className="num">{l.at}</td>
      <td className="num">{fmtInt(l.migrations)}</td>
      <td className="num">{fmtInt(l.cycles)}</td>
      <td className="num">{fmtInt(l.cycles / Math.max(1, l.migrations))}</td>
      <td className="num">{fmtInt(l.lastIndex)}</td>
    </tr>
  );
});

export function CacheLinesView() {
  // Rows reorder as the numbers change: while running, once a second is plenty.
  const lines = useRunThrottled((s) => s.projection?.lines, 1000);
  const log = useAppStore((s) => s.log);
  const cursor = useRunThrottled((s) => s.cursor);
  const selected = useAppStore((s) => s.selectedLine);
  const { selectLine } = useActions();
  const [sort, setSort] = useState<{ key: LineSortKey; desc: boolean }>({
    key: 'cycles',
    desc: true,
  });
  const [filter, setFilter] = useState('');
  const rows = useMemo(
    () => (lines ? sortLines(Object.values(lines), sort.key, sort.desc, filter) : []),
    [lines, sort, filter],
  );
  const touched = useMemo(() => touchedLines(log, cursor - 1), [log, cursor]);
  const onSort = (key: LineSortKey) =>
    setSort((s) => ({ key, desc: s.key === key ? !s.desc : key !== 'name' }));
  return (
    <div className="tab-view tab-column" data-testid="view-lines">
      <div className="tab-tools">
        <input
          placeholder="filter lines…"
          aria-label="Filter lines"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <span className="muted">
          {fmtInt(rows.length)} line{rows.length === 1 ? '' : 's'} moved
          {touched.size > 0 && ` · ${touched.size} moved by the current kernel entry (highlighted)`}
        </span>
      </div>
      {rows.length === 0 ? (
        <div className="empty">
          No cache line has moved between cores yet{lines ? '' : ' (no run)'}.
        </div>
      ) : (
        <VirtualTable
          count={rows.length}
          rowHeight={21}
          testId="lines-table"
          cols={['34%', '11%', '13%', '14%', '13%', '15%']}
          head={
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  className={c.num ? 'num' : ''}
                  aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}
                >
                  <button className="sort" onClick={() => onSort(c.key)}>
                    {c.label}
                    {sort.key === c.key ? (sort.desc ? ' ▾' : ' ▴') : ''}
                  </button>
                </th>
              ))}
            </tr>
          }
          row={(i) => {
            const l = rows[i]!;
            return (
              <Row
                key={l.name}
                l={l}
                hl={touched.has(l.name)}
                selected={l.name === selected}
                onSelect={selectLine}
              />
            );
          }}
        />
      )}
    </div>
  );
}
