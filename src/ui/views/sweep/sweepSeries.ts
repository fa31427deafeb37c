// From a sweep's rows to a line chart: one y metric (with its unit), the x axis (cores or the
// swept parameter), and one series per combination of the other axes that vary, labelled by
// them ("haswell-i7 · multikernel"), as docs/experiments.md draws its sweeps.
import type { SweepGrid } from '../../../lib/sweepGrid';
import type { SweepRow } from '../../../lib/sweepRow';

export interface Metric {
  id: MetricId;
  label: string;
  unit: string;
}

export type MetricId =
  | 'ipcPerSecond'
  | 'cyclesPerIpc'
  | 'migrationCyclesPerEntry'
  | 'messages'
  | 'cycles'
  | 'slowpath'
  | 'lockContended'
  | 'spinCycles'
  | 'ipis';

export const METRICS: readonly Metric[] = [
  { id: 'ipcPerSecond', label: 'messages per second', unit: 'msg/s' },
  { id: 'cyclesPerIpc', label: 'cycles per IPC', unit: 'cycles' },
  {
    id: 'migrationCyclesPerEntry',
    label: 'line migration cycles per kernel entry',
    unit: 'cycles',
  },
  { id: 'messages', label: 'messages', unit: 'count' },
  { id: 'cycles', label: 'simulated time', unit: 'cycles' },
  { id: 'slowpath', label: 'slowpath kernel entries', unit: 'count' },
  { id: 'lockContended', label: 'contended lock acquisitions', unit: 'count' },
  { id: 'spinCycles', label: 'big-lock spin time', unit: 'cycles' },
  { id: 'ipis', label: 'IPIs', unit: 'count' },
];

/** 'cores', or 'param:NAME' for a scenario parameter. */
export type XAxis = string;

export interface ChartPoint {
  x: number;
  y: number;
  /** The point's index in the sweep (its row). */
  index: number;
}

export interface ChartSeries {
  label: string;
  points: ChartPoint[];
}

function xOf(row: SweepRow, axis: XAxis): number {
  return axis === 'cores' ? row.cores : (row.params[axis.slice('param:'.length)] ?? NaN);
}

/** Which axes of the grid have more than one value (labels stay put while rows arrive). */
function varying(grid: SweepGrid) {
  const many = (l: readonly unknown[] | undefined) => (l?.length ?? 0) > 1;
  return {
    platform: many(grid.platform),
    kernel: many(grid.kernel),
    cores: many(grid.cores),
    seed: many(grid.seed),
    params: Object.entries(grid.params ?? {})
      .filter(([, v]) => v.length > 1)
      .map(([k]) => k),
  };
}

/** The x axes that make sense for this grid: cores, then each parameter that varies. */
export function xAxes(grid: SweepGrid): XAxis[] {
  return ['cores', ...varying(grid).params.map((n) => `param:${n}`)];
}

/** Cores when it varies, else the first parameter that does. */
export function defaultXAxis(grid: SweepGrid): XAxis {
  const v = varying(grid);
  return v.cores || v.params.length === 0 ? 'cores' : `param:${v.params[0]}`;
}

export function axisLabel(axis: XAxis): string {
  return axis === 'cores' ? 'cores' : axis.slice('param:'.length);
}

/** A row's series: the parts of its configuration that vary in the grid, other than x. */
function seriesKey(grid: SweepGrid, axis: XAxis): (r: SweepRow) => string {
  const v = varying(grid);
  const parts: ((r: SweepRow) => string)[] = [];
  if (v.platform) parts.push((r) => r.platform);
  if (v.kernel) parts.push((r) => r.kernel);
  for (const n of v.params) {
    if (axis !== `param:${n}`) parts.push((r) => `${n} ${r.params[n]}`);
  }
  if (axis !== 'cores' && v.cores) parts.push((r) => `${r.cores} core${r.cores === 1 ? '' : 's'}`);
  if (v.seed) parts.push((r) => `seed ${r.seed}`);
  if (parts.length === 0) return (r) => `${r.platform} · ${r.kernel}`;
  return (r) => parts.map((p) => p(r)).join(' · ');
}

/**
 * The series of `rows` (by point index; holes are points not run yet) for one metric, in the
 * order their first point appears; a point without a value (an error row) is left out.
 */
export function chartSeries(
  grid: SweepGrid,
  rows: readonly (SweepRow | undefined)[],
  axis: XAxis,
  metric: MetricId,
): ChartSeries[] {
  const key = seriesKey(grid, axis);
  const byLabel = new Map<string, ChartSeries>();
  rows.forEach((r, index) => {
    if (r === undefined) return;
    const y = r[metric];
    const x = xOf(r, axis);
    if (y === null || !Number.isFinite(x)) return;
    const label = key(r);
    const s = byLabel.get(label) ?? { label, points: [] };
    s.points.push({ x, y, index });
    byLabel.set(label, s);
  });
  for (const s of byLabel.values()) s.points.sort((a, b) => a.x - b.x);
  return [...byLabel.values()];
}

/** "1.2M", "35.5k", "12.5": short tick labels, as the experiment charts print them. */
export function shortNumber(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e9) return `${+(v / 1e9).toFixed(1)}G`;
  if (a >= 1e6) return `${+(v / 1e6).toFixed(1)}M`;
  if (a >= 1e3) return `${+(v / 1e3).toFixed(1)}k`;
  return `${+v.toFixed(a < 10 ? 2 : 1)}`;
}

/** Wall-clock time of the sweep: "750 ms", "6.0 s", "2 min 5 s". */
export function wallTime(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}
