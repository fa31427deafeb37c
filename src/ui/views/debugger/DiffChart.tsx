// Both runs of a diff on one time axis: kernel entries per time bucket, A above B, with the first
// divergence marked where each run reached it.
import type { RunDiff } from '../../../debugger/runDiff';
import { fmtInt } from '../../format';

const W = 600;
const ROW = 34;

function Bars({ values, y, max, cls }: { values: number[]; y: number; max: number; cls: string }) {
  const w = W / Math.max(1, values.length);
  return (
    <g className={cls}>
      {values.map((v, i) =>
        v === 0 ? null : (
          <rect
            key={i}
            x={i * w}
            y={y + ROW - (v / max) * ROW}
            width={Math.max(1, w - 0.5)}
            height={(v / max) * ROW}
          />
        ),
      )}
    </g>
  );
}

export function DiffChart({ diff }: { diff: RunDiff }) {
  const { span, a, b } = diff.activity;
  const max = Math.max(1, ...a, ...b);
  const x = (t: number | null) => (t === null || span === 0 ? null : (t / span) * W);
  const d = diff.structural ?? diff.timing;
  const ax = x(d?.aT ?? null);
  const bx = x(d?.bT ?? null);
  return (
    <svg
      className="diff-chart"
      data-testid="diff-chart"
      viewBox={`0 0 ${W} ${2 * ROW + 26}`}
      preserveAspectRatio="none"
      role="img"
      aria-label="Kernel entries over time, A above B, on one time axis"
    >
      <text x={2} y={10} className="diff-label">
        A
      </text>
      <Bars values={a} y={0} max={max} cls="bars-a" />
      <text x={2} y={ROW + 14} className="diff-label">
        B
      </text>
      <Bars values={b} y={ROW + 4} max={max} cls="bars-b" />
      {ax !== null && <line className="diverge" x1={ax} x2={ax} y1={0} y2={ROW} />}
      {bx !== null && <line className="diverge" x1={bx} x2={bx} y1={ROW + 4} y2={2 * ROW + 4} />}
      <text x={0} y={2 * ROW + 22} className="diff-axis">
        0
      </text>
      <text x={W} y={2 * ROW + 22} textAnchor="end" className="diff-axis">
        {fmtInt(span)} cycles
      </text>
    </svg>
  );
}
