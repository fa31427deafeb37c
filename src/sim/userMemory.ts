// User-level memory traffic (sys.touch): the cache lines of a shared region that a program reads
// or writes. Lines another core holds migrate, at the topology's cost (DESIGN.md "Machine").
import type { CoreContext } from './coreContext';

/** Touch `region@offset:bytes` specs from core c; returns the cycles the migrations cost. */
export function userTouchLines(
  sim: CoreContext,
  c: number,
  specs: string[],
  write: boolean,
): number {
  const lineSize = sim.profile.lineSize;
  let cost = 0;
  for (const spec of specs) {
    const m = /^(.*)@(\d+):(\d+)$/.exec(spec);
    if (m === null) continue;
    const region = m[1]!;
    const offset = Number(m[2]);
    const bytes = Math.max(1, Number(m[3]));
    const first = Math.floor(offset / lineSize);
    const last = Math.floor((offset + bytes - 1) / lineSize);
    for (let i = first; i <= last; i++) cost += sim.touchLine(c, `user.${region}.${i}`, write);
    cost += Math.ceil(bytes * sim.profile.copyPerByte);
  }
  return cost;
}
