// Cache-line directory (DESIGN.md "Machine"; sel4-reference.md §3.3): every modelled line has an
// owner (last writer) and sharers. A read by a core that does not hold the line fetches it from
// the owner; a write invalidates every other holder. The cost is the one-way transfer latency of
// the farthest holder, taken from the platform's topology. Cold misses are not modelled.
import type { Rng } from '../engine/rng';
import { lineJitter } from './noise';
import { transferCost, type PlatformProfile } from './platform';

export interface LineState {
  name: string;
  /** Its name's id in the run's event log, once written (events/writers.ts Named). */
  logId: number;
  owner: number;
  sharers: number[];
  migrations: number;
  cycles: number;
  accesses: number;
}

/**
 * A modelled line's name, made once by the object the line belongs to. The directory that last
 * resolved it keeps the line's state here, so an access finds it without a lookup by name.
 */
export class Line {
  /** @internal the directory that resolved `state` (another directory resolves it again). */
  dir: CacheLineDirectory | null = null;
  /** @internal */
  state: LineState | null = null;

  constructor(readonly name: string) {}
}

export interface Migration {
  line: string;
  from: number;
  to: number;
  cycles: number;
}

export class CacheLineDirectory {
  readonly lines = new Map<string, LineState>();
  migrations = 0;
  cycles = 0;
  /** The line of the last access (its event names it by its cached log id). */
  last: LineState | null = null;

  constructor(
    private readonly profile: PlatformProfile,
    private readonly rng: Rng | null = null,
  ) {}

  private get(name: string): LineState {
    let l = this.lines.get(name);
    if (l === undefined) {
      l = { name, logId: -1, owner: -1, sharers: [], migrations: 0, cycles: 0, accesses: 0 };
      this.lines.set(name, l);
    }
    return l;
  }

  private resolve(line: Line): LineState {
    if (line.dir === this) return line.state!;
    const l = this.get(line.name);
    line.dir = this;
    line.state = l;
    return l;
  }

  /** Access a line from `core`; returns the migration it caused, or null if the line was here. */
  access(line: Line | string, core: number, write: boolean): Migration | null {
    const l = typeof line === 'string' ? this.get(line) : this.resolve(line);
    this.last = l;
    l.accesses++;
    let from = -1;
    let cost = 0;
    if (write) {
      if (l.owner >= 0 && l.owner !== core) {
        from = l.owner;
        cost = transferCost(this.profile, l.owner, core);
      }
      for (const s of l.sharers) {
        if (s === core) continue;
        const c = transferCost(this.profile, s, core);
        if (c > cost) {
          cost = c;
          from = s;
        }
      }
      l.owner = core;
      if (l.sharers.length > 0) l.sharers = [];
    } else {
      if (l.owner === core || l.owner < 0 || l.sharers.includes(core)) {
        if (l.owner < 0 && !l.sharers.includes(core)) l.sharers.push(core);
        return null;
      }
      from = l.owner;
      cost = transferCost(this.profile, l.owner, core);
      l.sharers.push(core);
    }
    if (from < 0 || cost === 0) return null;
    if (this.rng !== null) cost += lineJitter(this.profile, this.rng);
    l.migrations++;
    l.cycles += cost;
    this.migrations++;
    this.cycles += cost;
    return { line: l.name, from, to: core, cycles: cost };
  }
}
