// User-level memory traffic (sys.touch): the cache lines of a shared region that a program reads
// or writes. Lines another core holds migrate, at the topology's cost (DESIGN.md "Machine").
import type { CoreContext } from './coreContext';
import { Line } from './machine/cacheLines';

/** A parsed `region@offset:bytes` spec: its line handles and the copy's cycles. */
interface Spec {
  lines: Line[];
  copy: number;
}

/** Bound on the specs remembered per run (programs may name ever-new offsets). */
const MAX_SPECS = 4096;

// Programs touch the same few specs over and over: parse each once per run, and keep its lines
// as handles, so a touch costs no regular expression, no string building, no lookup by name.
const specsOf = new WeakMap<CoreContext, Map<string, Spec | null>>();

function parse(sim: CoreContext, spec: string): Spec | null {
  const m = /^(.*)@(\d+):(\d+)$/.exec(spec);
  if (m === null) return null;
  const lineSize = sim.profile.lineSize;
  const region = m[1]!;
  const offset = Number(m[2]);
  const bytes = Math.max(1, Number(m[3]));
  const first = Math.floor(offset / lineSize);
  const last = Math.floor((offset + bytes - 1) / lineSize);
  const lines: Line[] = [];
  for (let i = first; i <= last; i++) lines.push(new Line(`user.${region}.${i}`));
  return { lines, copy: Math.ceil(bytes * sim.profile.copyPerByte) };
}

/** Touch `region@offset:bytes` specs from core c; returns the cycles the migrations cost. */
export function userTouchLines(
  sim: CoreContext,
  c: number,
  specs: string[],
  write: boolean,
): number {
  let known = specsOf.get(sim);
  if (known === undefined) specsOf.set(sim, (known = new Map<string, Spec | null>()));
  let cost = 0;
  for (const text of specs) {
    let spec = known.get(text);
    if (spec === undefined) {
      if (known.size >= MAX_SPECS) known.clear();
      spec = parse(sim, text);
      known.set(text, spec);
    }
    if (spec === null) continue;
    for (const line of spec.lines) cost += sim.touchLine(c, line, write);
    cost += spec.copy;
  }
  return cost;
}
