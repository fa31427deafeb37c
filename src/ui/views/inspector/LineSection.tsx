// A cache line: where it is, how often it moved and what that cost; a breakpoint on its moves.
import type { LineView } from '../../../projection/types';
import { fmtInt } from '../../format';
import { useActions, useAppStore } from '../../store/AppStoreProvider';

export function LineSection({ line }: { line: LineView }) {
  const { toggleBreakpoint, selectLine } = useActions();
  const armed = useAppStore((s) =>
    s.breakpoints.some((b) => b.kind === 'line' && b.line === line.name),
  );
  return (
    <section className="insp-section" data-testid="inspector-line">
      <div className="insp-title">
        line <b className="mono">{line.name}</b>
        <button className="link close" onClick={() => selectLine(null)} aria-label="close line">
          ×
        </button>
      </div>
      <table className="kv">
        <tbody>
          <tr>
            <th>last moved to</th>
            <td>core {line.at}</td>
          </tr>
          <tr>
            <th>migrations</th>
            <td className="mono">{fmtInt(line.migrations)}</td>
          </tr>
          <tr>
            <th>cycles</th>
            <td className="mono">{fmtInt(line.cycles)}</td>
          </tr>
          <tr>
            <th>last move</th>
            <td className="mono">event {fmtInt(line.lastIndex)}</td>
          </tr>
        </tbody>
      </table>
      <button
        className={armed ? 'active' : ''}
        onClick={() => toggleBreakpoint({ kind: 'line', line: line.name })}
      >
        {armed ? 'remove breakpoint' : 'break when this line moves'}
      </button>
    </section>
  );
}
