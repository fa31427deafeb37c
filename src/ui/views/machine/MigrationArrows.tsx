// Cache-line migrations as arrows between core cards, coloured by cost, drawn and animated with
// d3 (enter fades in, exit fades out, the current ones pulse). Sits over the cards as an SVG layer.
import { useEffect, useRef } from 'react';
import { select, transition } from 'd3';
import { centre, type Box } from './machineLayout';
import { costColor } from './costColor';
import type { MigrationArrow } from './selectMigrations';

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
  const shrink = (x: number, y: number, tx: number, ty: number, by: number): [number, number] => {
    const l = Math.hypot(tx - x, ty - y) || 1;
    return [x + ((tx - x) / l) * by, y + ((ty - y) / l) * by];
  };
  const [sx, sy] = shrink(x1, y1, mx, my, Math.min(a.w, a.h) / 2.5);
  const [ex, ey] = shrink(x2, y2, mx, my, Math.min(b.w, b.h) / 2.2);
  // Arrowhead as a closed subpath along the curve's end tangent (stroked, so it takes the colour).
  const tl = Math.hypot(ex - mx, ey - my) || 1;
  const ux = (ex - mx) / tl;
  const uy = (ey - my) / tl;
  const hx = ex - ux * 7;
  const hy = ey - uy * 7;
  const head = `M${ex},${ey} L${hx - uy * 4},${hy + ux * 4} L${hx + uy * 4},${hy - ux * 4} Z`;
  return `M${sx},${sy} Q${mx},${my} ${ex},${ey} ${head}`;
}

export interface MigrationArrowsProps {
  arrows: MigrationArrow[];
  cores: Box[];
  width: number;
  height: number;
  /** Animate changes (stepping). A fast run moves them every frame: no animation then. */
  animate: boolean;
}

export function MigrationArrows({ arrows, cores, width, height, animate }: MigrationArrowsProps) {
  const ref = useRef<SVGGElement>(null);
  useEffect(() => {
    const g = ref.current;
    if (g === null) return;
    const drawable = arrows.filter((a) => cores[a.from] && cores[a.to]);
    const opacity = (a: MigrationArrow) => (a.current ? 0.95 : 0.25 + 0.5 * (1 - a.age));
    const widthOf = (a: MigrationArrow) =>
      Math.min(6, 1.2 + Math.log2(a.count + 1)) + (a.current ? 1 : 0);
    const d = (a: MigrationArrow) => arrowPath(cores[a.from]!, cores[a.to]!);
    const paths = select(g).selectAll<SVGPathElement, MigrationArrow>('path.migration');
    if (!animate) {
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
    <svg className="arrows" width={width} height={height} aria-hidden="true">
      <g ref={ref} />
    </svg>
  );
}
