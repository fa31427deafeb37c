// Colour of a cache-line transfer by its cost in cycles: pale amber for a cluster neighbour
// (10–70 cycles), deep red for a remote socket (hundreds). Log scale, as costs span 50x.
import { interpolateYlOrRd, scaleLog } from 'd3';

const scale = scaleLog().domain([10, 700]).range([0.3, 1]).clamp(true);

export function costColor(cycles: number): string {
  return interpolateYlOrRd(scale(Math.max(1, cycles)));
}
