// A sweep's result as a line chart, drawn like docs/experiments.md's (scripts/charts/lineChart.ts):
// d3 scales and line shapes, x = cores or a parameter, y = one metric with its unit, one line
// per series with a legend. Each point is a button: it opens that run in the main views.
import { line, max, min, scaleLinear, scaleOrdinal, schemeTableau10 } from 'd3';
import { shortNumber, type ChartSeries } from './sweepSeries';

export interface SweepChartProps {
  series: ChartSeries[];
  xLabel: string;
  yLabel: string;
  width: number;
  height: number;
  /** Point index opened in the main views (drawn ringed). */
  opened: number | null;
  describe: (index: number) => string;
  onPick: (index: number) => void;
}

/** Room for a legend line: the swatch and about 6.5 px per character at 11 px. */
function legendWidth(series: readonly ChartSeries[]): number {
  return 36 + 6.5 * Math.max(0, ...series.map((s) => s.label.length));
}

export function SweepChart(p: SweepChartProps) {
  // Beside the plot when there is room for both; else over the plot's top right corner, so a
  // short panel still gives the lines all of its height.
  const lw = Math.min(220, legendWidth(p.series));
  const legendOnSide = p.width - lw >= 300;
  const m = { top: 22, right: legendOnSide ? lw + 8 : 12, bottom: 30, left: 50 };
  const plotBottom = p.height - m.bottom;
  const all = p.series.flatMap((s) => s.points);
  const xs = [...new Set(all.map((q) => q.x))].sort((a, b) => a - b);
  const x0 = min(xs) ?? 0;
  const x1 = max(xs) ?? 1;
  const x = scaleLinear()
    .domain(x0 === x1 ? [x0 - 1, x1 + 1] : [x0, x1])
    .range([m.left + 8, p.width - m.right - 8]);
  const yMax = max(all, (q) => q.y) ?? 1;
  const y = scaleLinear()
    .domain([0, yMax > 0 ? yMax * 1.05 : 1])
    .range([plotBottom, m.top])
    .nice();
  const colour = scaleOrdinal<string, string>(schemeTableau10);
  const path = line<{ x: number; y: number }>()
    .x((q) => x(q.x))
    .y((q) => y(q.y));
  // Few x values: label each one (as the experiment charts do); many: let d3 pick.
  const xTicks = xs.length <= 12 ? xs : x.ticks(8);
  return (
    <svg
      className="sweep-chart"
      data-testid="sweep-chart"
      width={p.width}
      height={p.height}
      // A group, not an img: its points are buttons.
      role="group"
      aria-label={`${p.yLabel} by ${p.xLabel}`}
    >
      {y.ticks(5).map((t) => (
        <g key={`y${t}`} className="tick">
          <line x1={m.left} x2={p.width - m.right} y1={y(t)} y2={y(t)} className="grid" />
          <text x={m.left - 6} y={y(t) + 4} textAnchor="end">
            {shortNumber(t)}
          </text>
        </g>
      ))}
      {xTicks.map((t) => (
        <text key={`x${t}`} className="tick" x={x(t)} y={plotBottom + 15} textAnchor="middle">
          {shortNumber(t)}
        </text>
      ))}
      <line className="axis" x1={m.left} x2={p.width - m.right} y1={plotBottom} y2={plotBottom} />
      <line className="axis" x1={m.left} x2={m.left} y1={m.top} y2={plotBottom} />
      <text
        className="axis-label"
        x={(m.left + p.width - m.right) / 2}
        y={plotBottom + 27}
        textAnchor="middle"
      >
        {p.xLabel}
      </text>
      {/* Across the top rather than up the side: a short chart has no room for a long label. */}
      <text className="axis-label" x={4} y={12}>
        {p.yLabel}
      </text>
      {p.series.map((s) => {
        const c = colour(s.label);
        return (
          <g key={s.label} data-testid="sweep-series" data-label={s.label}>
            <path d={path(s.points) ?? ''} fill="none" stroke={c} strokeWidth={2} />
            {s.points.map((q) => (
              <circle
                key={q.index}
                className={`sweep-point${p.opened === q.index ? ' opened' : ''}`}
                data-testid="sweep-point"
                data-index={q.index}
                cx={x(q.x)}
                cy={y(q.y)}
                r={5}
                fill={c}
                role="button"
                tabIndex={0}
                aria-label={p.describe(q.index)}
                onClick={() => p.onPick(q.index)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    p.onPick(q.index);
                  }
                }}
              >
                <title>{p.describe(q.index)}</title>
              </circle>
            ))}
          </g>
        );
      })}
      <g className={`legend${legendOnSide ? '' : ' overlay'}`}>
        {!legendOnSide && (
          <rect
            x={p.width - m.right - lw - 4}
            y={m.top}
            width={lw}
            height={6 + p.series.length * 16}
            rx={4}
          />
        )}
        {p.series.map((s, i) => {
          const lx = legendOnSide ? p.width - m.right + 12 : p.width - m.right - lw + 4;
          const ly = m.top + 10 + i * 16;
          return (
            <g key={s.label} data-testid="sweep-legend">
              <line x1={lx} x2={lx + 18} y1={ly} y2={ly} stroke={colour(s.label)} strokeWidth={2} />
              <text x={lx + 24} y={ly + 4}>
                {s.label}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}
