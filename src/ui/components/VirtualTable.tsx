// A table that renders only the rows in view (plus a few), in its own scroll box. A table that
// changes while a run is going costs the browser layout and paint for every row it holds, seen
// or not; this holds about a screenful.
import { useRef, useState, type ReactNode } from 'react';
import { useElementSize } from './useElementSize';

export interface VirtualTableProps {
  count: number;
  /** Height of every row in px (rows are clipped to it). */
  rowHeight: number;
  head: ReactNode;
  row: (i: number) => ReactNode;
  className?: string;
  testId?: string;
  /** Column widths (CSS), for the fixed table layout; equal widths when left out. */
  cols?: string[];
}

const SPARE = 6;

export function VirtualTable({
  count,
  rowHeight,
  head,
  row,
  className,
  testId,
  cols,
}: VirtualTableProps) {
  const box = useRef<HTMLDivElement>(null);
  const { height } = useElementSize(box);
  const [top, setTop] = useState(0);
  const first = Math.max(0, Math.floor(top / rowHeight) - SPARE);
  const last = Math.min(count, Math.ceil((top + Math.max(height, 200)) / rowHeight) + SPARE);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) rows.push(row(i));
  return (
    <div
      className={`vtable ${className ?? ''}`}
      ref={box}
      onScroll={(e) => setTop(e.currentTarget.scrollTop)}
      // A scroll box: reachable by Tab so the arrow keys scroll it (WCAG 2.1.1).
      tabIndex={0}
      data-testid={testId}
    >
      <table className="grid" style={{ ['--row' as string]: `${rowHeight}px` }}>
        {cols && (
          <colgroup>
            {cols.map((w, i) => (
              <col key={i} style={{ width: w }} />
            ))}
          </colgroup>
        )}
        <thead>{head}</thead>
        <tbody>
          {first > 0 && <tr style={{ height: first * rowHeight }} aria-hidden="true" />}
          {rows}
          {last < count && <tr style={{ height: (count - last) * rowHeight }} aria-hidden="true" />}
        </tbody>
      </table>
    </div>
  );
}
