// Copy-on-write access to a projection. A published projection is never mutated: the first
// change to an object after publishing copies it (and its container), so a snapshot costs
// nothing and consecutive snapshots share everything that did not change. React sees new
// references exactly where something changed.
//
// What has been copied since the last snapshot is kept per section, by key: the fold touches a
// few entities thousands of times between snapshots, and finding the copy is then one lookup in
// a small map instead of a lookup in the section (often hundreds of keys, in dictionary mode)
// and a test of whether that object was copied.
import type { Projection } from './types';

type RecordSection = 'threads' | 'endpoints' | 'notifications' | 'lines' | 'schedContexts';
type ArraySection = 'cores' | 'locks' | 'fileOps' | 'faults';
type Section = RecordSection | ArraySection;
type Element<K extends Section> =
  Projection[K] extends Record<string, infer V> ? V : Projection[K] extends (infer V)[] ? V : never;
type StatsRecord = 'byName' | 'slowpathReasons' | 'ipcSlowpathReasons';
type Plain = 'namespaces' | 'ports';
type Copied = Section | StatsRecord | Plain | 'stats';

/** One bit per container that can be copied: `copied` holds those copied since the snapshot. */
const BIT: Readonly<Record<Copied, number>> = {
  threads: 1,
  endpoints: 2,
  notifications: 4,
  lines: 8,
  schedContexts: 16,
  cores: 32,
  locks: 64,
  fileOps: 128,
  faults: 256,
  byName: 512,
  slowpathReasons: 1024,
  ipcSlowpathReasons: 2048,
  namespaces: 4096,
  ports: 8192,
  stats: 16384,
};

type Owned = { readonly [K in Section]: Map<string | number, object> };

function ownedMaps(): Owned {
  return {
    threads: new Map(),
    endpoints: new Map(),
    notifications: new Map(),
    lines: new Map(),
    schedContexts: new Map(),
    cores: new Map(),
    locks: new Map(),
    fileOps: new Map(),
    faults: new Map(),
  };
}

export class CopyOnWrite {
  protected p: Projection;
  /** The elements copied since the last snapshot, per section: these are written in place. */
  private owned = ownedMaps();
  /** Containers copied since the last snapshot (sections, stats and its records, plain ones). */
  private copied = 0;

  constructor(base: Projection) {
    this.p = { ...base };
  }

  /** The state so far, frozen: later changes copy what they touch. Cost: O(1). */
  snapshot(): Projection {
    const out = this.p;
    this.owned = ownedMaps();
    this.copied = 0;
    this.p = { ...out };
    return out;
  }

  /** Read-only view of the working state (do not keep it across apply calls). */
  get current(): Readonly<Projection> {
    return this.p;
  }

  protected section<K extends Section>(k: K): Projection[K] {
    const s = this.p[k];
    if ((this.copied & BIT[k]) !== 0) return s;
    this.copied |= BIT[k];
    return (this.p[k] = copy(s));
  }

  /** A writable element of a section, or undefined when there is none under `key`. */
  protected entity<K extends Section>(k: K, key: string | number): Element<K> | undefined {
    const mine = this.owned[k];
    const hit = mine.get(key);
    if (hit !== undefined) return hit as Element<K>;
    const cur = (this.p[k] as unknown as Record<string | number, object | undefined>)[key];
    if (cur === undefined) return undefined;
    const sec = this.section(k) as unknown as Record<string | number, object>;
    const c = copy(cur);
    sec[key] = c;
    mine.set(key, c);
    return c as Element<K>;
  }

  /** Put a new element into a record section. */
  protected put<K extends RecordSection>(k: K, key: string, v: Element<K>): Element<K> {
    const sec = this.section(k) as unknown as Record<string, object>;
    sec[key] = v as object;
    this.owned[k].set(key, v as object);
    return v;
  }

  /** Append to a list section, keeping only the newest `keep` elements. */
  protected append<K extends 'fileOps' | 'faults'>(k: K, v: Element<K>, keep: number): void {
    const list = this.section(k) as Element<K>[];
    list.push(v);
    if (list.length > keep) list.splice(0, list.length - keep);
  }

  protected stats(): Projection['stats'] {
    if ((this.copied & BIT.stats) !== 0) return this.p.stats;
    this.copied |= BIT.stats;
    return (this.p.stats = copy(this.p.stats));
  }

  /** A writable nested record of the stats (byName, slowpathReasons, ipcSlowpathReasons). */
  protected statsRecord(k: StatsRecord): Record<string, number> {
    const s = this.stats();
    if ((this.copied & BIT[k]) !== 0) return s[k];
    this.copied |= BIT[k];
    return (s[k] = copy(s[k]));
  }

  /** A writable plain record section (namespaces, ports). */
  protected plain<K extends Plain>(k: K): Projection[K] {
    if ((this.copied & BIT[k]) !== 0) return this.p[k];
    this.copied |= BIT[k];
    return (this.p[k] = copy(this.p[k]));
  }
}

function copy<T extends object>(o: T): T {
  return (Array.isArray(o) ? o.slice() : { ...o }) as T;
}
