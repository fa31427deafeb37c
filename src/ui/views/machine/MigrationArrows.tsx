// Cache-line migrations as arrows between core cards, coloured by cost, drawn and animated with
// d3 (enter fades in, exit fades out, the current ones pulse). Sits over the cards as an SVG layer.
import { useEffect, useRef } from 'react';
import { select, transition } from 'd3';
import { centre, edgeToward, type Box } from './machineLayout';
import { costColor } from './costColor';
import type { MigrationArrow } from './selectMigrations';

/** A curve from box a to box b, leaving and entering at their edges (never over a label). */
function arrowPath(a: Box, b: Box): string {
  const [x1, y1] = centre(a);
  const [x2, y2] = centre(b);
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = Math.hypot(dx, dy) || 1;
  // Bend to the left of the direction of travel, so A→B and B→A are two separate arcs.
  const bend = Math.min(40, len / 4);
  const mx = (x1 + x2) / 2 - (dy / len) * bend;
  const my = (y1 + y2) / 2 + (dx / len) * bend;
  const [sx, sy] = edgeToward(a, mx, my, 2);
  const [ex, ey] = edgeToward(b, mx, my, 3);
  // Arrowhead as a closed subpath along the curve's end tangent (stroked, so it takes the colour).
  const tl = Math.hypot(ex - mx, ey - my) || 1;
  const ux = (ex - mx) / tl;
  const uy = (ey - my) / tl;
  const hx = ex - ux * 7;
  const hy = ey - uy * 7;
  const head = `M${ex},${ey} L${hx - uy * 4},${hy + ux * 4} L${hx + uy * 4},${hy - ux * 4} Z`;
  return `M${sx},${sy} Q${mx},${my} ${ex},${ey} ${head}`;
}

/** The middle of arrowPath's curve (where a grouped arrow's count goes). */
function arcMiddle(a: Box, b: Box): [number, number] {
  const [x1, y1] = centre(a);
  const [x2, y2] = centre(b);
  const len = Math.hypot(x2 - x1, y2 - y1) || 1;
  const bend = Math.min(40, len / 4) / 2;
  return [(x1 + x2) / 2 - ((y2 - y1) / len) * bend, (y1 + y2) / 2 + ((x2 - x1) / len) * bend];
}

/** Changes closer together than this (the longest transition below) are drawn at once. */
const CALM_MS = 400;

export interface MigrationArrowsProps {
  arrows: MigrationArrow[];
  /** The boxes arrows join, by the arrows' from / to: core cards, or cluster / socket boxes. */
  cores: Box[];
  /** Arrows between groups: labelled with their count. */
  grouped?: boolean;
  width: number;
  height: number;
  /**
   * Animate changes (stepping). A fast run moves them every frame: no animation then; nor when
   * changes come faster than an animation lasts (scrubbing, repeated seeks, a held step key).
   */
  animate: boolean;
}

export function MigrationArrows({
  arrows,
  cores,
  grouped = false,
  width,
  height,
  animate,
}: MigrationArrowsProps) {
  const ref = useRef<SVGGElement>(null);
  const lastChange = useRef(-Infinity);
  useEffect(() => {
    const g = ref.current;
    if (g === null) return;
    const now = performance.now();
    const calm = now - lastChange.current >= CALM_MS;
    lastChange.current = now;
    const drawable = arrows.filter((a) => cores[a.from] && cores[a.to]);
    const opacity = (a: MigrationArrow) => (a.current ? 0.95 : 0.25 + 0.5 * (1 - a.age));
    const widthOf = (a: MigrationArrow) =>
      Math.min(6, 1.2 + Math.log2(a.count + 1)) + (a.current ? 1 : 0);
    const d = (a: MigrationArrow) => arrowPath(cores[a.from]!, cores[a.to]!);
    const paths = select(g).selectAll<SVGPathElement, MigrationArrow>('path.migration');
    if (!animate || !calm) {
      paths.interrupt();
      paths
        .data(drawable, (a) => a.key)
        .join((enter) => enter.append('path').attr('class', 'migration').attr('fill', 'none'))
        .attr('d', d)
        .attr('stroke', (a) => costColor(a.cycles))
        .attr('stroke-linejoin', 'round')
        .attr('stroke-width', widthOf)
        .attr('opacity', opacity)
        .classed('current', (a) => a.current);
      return;
    }
    // Named transitions from d3's transition(): also what keeps d3-transition in the bundle.
    const fadeIn = transition().duration(220);
    const move = transition().duration(180);
    const fadeOut = transition().duration(400);
    paths
      .data(drawable, (a) => a.key)
      .join(
        (enter) =>
          enter
            .append('path')
            .attr('class', 'migration')
            .attr('fill', 'none')
            .attr('d', d)
            .attr('stroke', (a) => costColor(a.cycles))
            .attr('stroke-linejoin', 'round')
            .attr('stroke-width', widthOf)
            .attr('opacity', 0)
            .call((e) => e.transition(fadeIn).attr('opacity', opacity)),
        (update) =>
          update.call((u) =>
            u
              .transition(move)
              .attr('d', d)
              .attr('stroke', (a) => costColor(a.cycles))
              .attr('stroke-width', widthOf)
              .attr('opacity', opacity),
          ),
        (exit) => exit.call((x) => x.transition(fadeOut).attr('opacity', 0).remove()),
      )
      .classed('current', (a) => a.current);
  }, [arrows, cores, animate]);
  return (
    <svg
      className="arrows"
      width={width}
      height={height}
      aria-hidden="true"
      data-testid="migration-arrows"
      data-grouped={grouped}
    >
      <g ref={ref} />
      {grouped &&
        arrows
          .filter((a) => cores[a.from] && cores[a.to])
          .map((a) => {
            const [x, y] = arcMiddle(cores[a.from]!, cores[a.to]!);
            return (
              <text key={a.key} className="arrow-count" x={x} y={y} textAnchor="middle">
                {a.count}×
              </text>
            );
          })}
    </svg>
  );
}
