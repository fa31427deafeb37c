// The sweep's rows as a table, in point order (the order `ipcscope sweep` prints them); a row
// not run yet shows dots, an error row its message. Clicking a row opens that run.
import type { SweepGrid } from '../../../lib/sweepGrid';
import type { PartialRows } from '../../../worker/sweep/sweepPool';
import { fmtInt } from '../../format';
import { shortNumber } from './sweepSeries';

export function SweepTable({
  grid,
  rows,
  opened,
  onPick,
}: {
  grid: SweepGrid;
  rows: PartialRows;
  opened: number | null;
  onPick: (index: number) => void;
}) {
  const params = Object.keys(grid.params ?? {});
  const num = (v: number | null | undefined, short = false) =>
    v === null || v === undefined ? '–' : short ? shortNumber(v) : fmtInt(v);
  return (
    <div className="sweep-table-wrap">
      <table className="sweep-table" data-testid="sweep-table">
        <thead>
          <tr>
            <th className="num">#</th>
            <th>platform</th>
            <th>kernel</th>
            <th className="num">cores</th>
            {params.map((n) => (
              <th key={n} className="num">
                {n}
              </th>
            ))}
            <th className="num">seed</th>
            <th>stop</th>
            <th className="num" title="messages per simulated second">
              msg/s
            </th>
            <th className="num" title="mean cycles of a kernel entry that moved a message">
              cycles/IPC
            </th>
            <th className="num" title="kernel cache-line migration cycles per kernel entry">
              migr. cycles/entry
            </th>
            <th className="num">cycles</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows.length }, (_, i) => {
            const r = rows[i];
            if (r === undefined) {
              return (
                <tr key={i} className="pending">
                  <td className="num">{i + 1}</td>
                  <td colSpan={9 + params.length} className="muted">
                    …
                  </td>
                </tr>
              );
            }
            return (
              <tr
                key={i}
                className={`clickable${opened === i ? ' selected' : ''}`}
                data-testid="sweep-row"
                onClick={() => onPick(i)}
                title={r.error ?? 'Open this run in the main views'}
              >
                <td className="num">{i + 1}</td>
                <td className="mono">{r.platform}</td>
                <td className="mono">
                  {r.kernel}
                  {r.mcs ? ' MCS' : ''}
                </td>
                <td className="num">{r.cores}</td>
                {params.map((n) => (
                  <td key={n} className="num">
                    {r.params[n]}
                  </td>
                ))}
                <td className="num">{r.seed}</td>
                <td className={r.error !== null ? 'sweep-error' : ''}>{r.stopReason}</td>
                <td className="num">{num(r.ipcPerSecond, true)}</td>
                <td className="num">{num(r.cyclesPerIpc)}</td>
                <td className="num">{num(r.migrationCyclesPerEntry)}</td>
                <td className="num">{num(r.cycles)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
