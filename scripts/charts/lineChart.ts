// A small static SVG line chart (d3 scales and shapes, no DOM) for the experiment docs.
import { scaleLinear, scaleLog, scaleOrdinal, line, schemeTableau10, max, min } from 'd3';

export interface Series {
  label: string;
  points: { x: number; y: number }[];
}

export interface ChartSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  logY?: boolean;
  width?: number;
  height?: number;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function fmt(v: number): string {
  if (Math.abs(v) >= 1e6) return `${+(v / 1e6).toFixed(1)}M`;
  if (Math.abs(v) >= 1e3) return `${+(v / 1e3).toFixed(1)}k`;
  return `${+v.toFixed(1)}`;
}

export function renderLineChart(spec: ChartSpec): string {
  const width = spec.width ?? 640;
  const height = spec.height ?? 380;
  const m = { top: 40, right: 190, bottom: 48, left: 70 };
  const all = spec.series.flatMap((s) => s.points);
  const xs = [...new Set(all.map((p) => p.x))].sort((a, b) => a - b);
  const x = scaleLinear()
    .domain([min(xs) ?? 0, max(xs) ?? 1])
    .range([m.left, width - m.right]);
  const yMax = max(all, (p) => p.y) ?? 1;
  const yMin = spec.logY ? Math.max(1, min(all, (p) => p.y) ?? 1) : 0;
  const y = (spec.logY ? scaleLog() : scaleLinear())
    .domain([yMin, yMax * 1.05])
    .range([height - m.bottom, m.top])
    .nice();
  const colour = scaleOrdinal<string, string>(schemeTableau10);
  const path = line<{ x: number; y: number }>()
    .x((p) => x(p.x))
    .y((p) => y(Math.max(p.y, yMin)));
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${m.left}" y="22" font-size="14" font-weight="bold">${esc(spec.title)}</text>`,
  );
  const leading = (t: number): number => Number(t.toExponential(0).charAt(0));
  const ticks = spec.logY ? y.ticks().filter((t) => [1, 2, 5].includes(leading(t))) : y.ticks(6);
  for (const t of ticks) {
    parts.push(
      `<line x1="${m.left}" x2="${width - m.right}" y1="${y(t)}" y2="${y(t)}" stroke="#e5e5e5"/>`,
      `<text x="${m.left - 6}" y="${y(t) + 4}" text-anchor="end" fill="#555">${fmt(t)}</text>`,
    );
  }
  for (const t of xs) {
    parts.push(
      `<text x="${x(t)}" y="${height - m.bottom + 16}" text-anchor="middle" fill="#555">${t}</text>`,
    );
  }
  parts.push(
    `<line x1="${m.left}" x2="${width - m.right}" y1="${height - m.bottom}" y2="${height - m.bottom}" stroke="#333"/>`,
    `<line x1="${m.left}" x2="${m.left}" y1="${m.top}" y2="${height - m.bottom}" stroke="#333"/>`,
    `<text x="${(m.left + width - m.right) / 2}" y="${height - 10}" text-anchor="middle">${esc(spec.xLabel)}</text>`,
    `<text transform="translate(16 ${(m.top + height - m.bottom) / 2}) rotate(-90)" text-anchor="middle">${esc(spec.yLabel)}</text>`,
  );
  spec.series.forEach((s, i) => {
    const c = colour(s.label);
    const pts = [...s.points].sort((a, b) => a.x - b.x);
    parts.push(`<path d="${path(pts) ?? ''}" fill="none" stroke="${c}" stroke-width="2"/>`);
    for (const p of pts) {
      parts.push(`<circle cx="${x(p.x)}" cy="${y(Math.max(p.y, yMin))}" r="3" fill="${c}"/>`);
    }
    const ly = m.top + 8 + i * 18;
    parts.push(
      `<line x1="${width - m.right + 12}" x2="${width - m.right + 32}" y1="${ly}" y2="${ly}" stroke="${c}" stroke-width="2"/>`,
      `<text x="${width - m.right + 38}" y="${ly + 4}">${esc(s.label)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}
