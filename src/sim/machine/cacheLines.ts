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
 * A modelled line's name, made once by the object the line belongs to. The directory that first
 * resolves it keeps the line's state in the handle itself, so an access reads one object: no
 * lookup by name, no second object to fetch (a directory that finds the handle already taken
 * keeps a state of its own and points the handle at it).
 */
export class Line implements LineState {
  /** @internal the directory that resolved `state` (another directory resolves it again). */
  dir: CacheLineDirectory | null = null;
  /** @internal */
  state: LineState | null = null;
  logId = -1;
  owner = -1;
  /** Cores holding a shared copy; `shared` counts them so most accesses never read the array. */
  sharers: number[] = [];
  shared = 0;
  migrations = 0;
  cycles = 0;
  accesses = 0;

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
  /** The core the last access's line came from, or -1 when it did not migrate. */
  lastFrom = -1;
  /** transferCost by core pair (row-major, profile.cores wide), filled on first use; -1 unknown. */
  private readonly costs: Int32Array;

  constructor(
    private readonly profile: PlatformProfile,
    private readonly rng: Rng | null = null,
  ) {
    this.costs = new Int32Array(profile.cores * profile.cores).fill(-1);
  }

  private cost(a: number, b: number): number {
    const n = this.profile.cores;
    if (a >= n || b >= n) return transferCost(this.profile, a, b);
    const k = a * n + b;
    let c = this.costs[k]!;
    if (c < 0) this.costs[k] = c = transferCost(this.profile, a, b);
    return c;
  }

  private get(name: string): Line {
    let l = this.lines.get(name) as Line | undefined;
    if (l === undefined) {
      l = new Line(name);
      l.dir = this;
      l.state = l;
      this.lines.set(name, l);
    }
    return l;
  }

  private resolve(line: Line): Line {
    if (line.dir === this) return line.state as Line;
    let l = this.lines.get(line.name) as Line | undefined;
    if (l === undefined) {
      // First seen here: the handle holds the state, unless another directory already does.
      l = line.dir === null ? line : new Line(line.name);
      l.dir = this;
      l.state = l;
      this.lines.set(line.name, l);
    }
    line.dir = this;
    line.state = l;
    return l;
  }

  /** Access a line from `core`; returns the migration it caused, or null if the line was here. */
  access(line: Line | string, core: number, write: boolean): Migration | null {
    const cycles = this.accessCost(line, core, write);
    if (this.lastFrom < 0) return null;
    return { line: this.last!.name, from: this.lastFrom, to: core, cycles };
  }

  /**
   * Access a line from `core`; returns the cycles its migration took (lastFrom is then the core
   * it came from), or 0 with lastFrom -1 when the line was here. The hot path: no allocation.
   */
  accessCost(line: Line | string, core: number, write: boolean): number {
    const l = typeof line === 'string' ? this.get(line) : this.resolve(line);
    this.last = l;
    this.lastFrom = -1;
    l.accesses++;
    let from = -1;
    let cost = 0;
    if (write) {
      if (l.owner >= 0 && l.owner !== core) {
        from = l.owner;
        cost = this.cost(l.owner, core);
      }
      if (l.shared > 0) {
        for (const s of l.sharers) {
          if (s === core) continue;
          const c = this.cost(s, core);
          if (c > cost) {
            cost = c;
            from = s;
          }
        }
        l.sharers = [];
        l.shared = 0;
      }
      l.owner = core;
    } else {
      const held = l.shared > 0 && l.sharers.includes(core);
      if (l.owner === core || l.owner < 0 || held) {
        if (l.owner < 0 && !held) {
          l.sharers.push(core);
          l.shared++;
        }
        return 0;
      }
      from = l.owner;
      cost = this.cost(l.owner, core);
      l.sharers.push(core);
      l.shared++;
    }
    if (from < 0 || cost === 0) return 0;
    if (this.rng !== null) cost += lineJitter(this.profile, this.rng);
    l.migrations++;
    l.cycles += cost;
    this.migrations++;
    this.cycles += cost;
    this.lastFrom = from;
    return cost;
  }
}
