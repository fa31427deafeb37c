// Copy-on-write access to a projection. A published projection is never mutated: the first
// change to an object after publishing copies it (and its container), so a snapshot costs
// nothing and consecutive snapshots share everything that did not change. React sees new
// references exactly where something changed.
import type { Projection } from './types';

type RecordSection = 'threads' | 'endpoints' | 'notifications' | 'lines' | 'schedContexts';
type ArraySection = 'cores' | 'locks' | 'fileOps' | 'faults';
type Element<K extends RecordSection | ArraySection> =
  Projection[K] extends Record<string, infer V> ? V : Projection[K] extends (infer V)[] ? V : never;

export class CopyOnWrite {
  protected p: Projection;
  private readonly fresh = new Set<object>();

  constructor(base: Projection) {
    this.p = { ...base };
    this.fresh.add(this.p);
  }

  /** The state so far, frozen: later changes copy what they touch. Cost: O(1). */
  snapshot(): Projection {
    const out = this.p;
    this.fresh.clear();
    this.p = { ...out };
    this.fresh.add(this.p);
    return out;
  }

  /** Read-only view of the working state (do not keep it across apply calls). */
  get current(): Readonly<Projection> {
    return this.p;
  }

  private own<T extends object>(o: T): T {
    if (this.fresh.has(o)) return o;
    const c = (Array.isArray(o) ? o.slice() : { ...o }) as T;
    this.fresh.add(c);
    return c;
  }

  protected section<K extends RecordSection | ArraySection>(k: K): Projection[K] {
    const s = this.p[k];
    if (this.fresh.has(s)) return s;
    const c = this.own(s);
    this.p[k] = c;
    return c;
  }

  /** A writable element of a section, or undefined when there is none under `key`. */
  protected entity<K extends RecordSection | ArraySection>(
    k: K,
    key: string | number,
  ): Element<K> | undefined {
    const cur = (this.p[k] as unknown as Record<string | number, object | undefined>)[key];
    if (cur === undefined) return undefined;
    if (this.fresh.has(cur)) return cur as Element<K>;
    const sec = this.section(k) as unknown as Record<string | number, object>;
    const c = this.own(cur);
    sec[key] = c;
    return c as Element<K>;
  }

  /** Put a new element into a record section. */
  protected put<K extends RecordSection>(k: K, key: string, v: Element<K>): Element<K> {
    const sec = this.section(k) as unknown as Record<string, object>;
    this.fresh.add(v as object);
    sec[key] = v as object;
    return v;
  }

  /** Append to a list section, keeping only the newest `keep` elements. */
  protected append<K extends 'fileOps' | 'faults'>(k: K, v: Element<K>, keep: number): void {
    const list = this.section(k) as Element<K>[];
    list.push(v);
    if (list.length > keep) list.splice(0, list.length - keep);
  }

  protected stats(): Projection['stats'] {
    const s = this.p.stats;
    if (this.fresh.has(s)) return s;
    return (this.p.stats = this.own(s));
  }

  /** A writable nested record of the stats (byName, slowpathReasons, ipcSlowpathReasons). */
  protected statsRecord(
    k: 'byName' | 'slowpathReasons' | 'ipcSlowpathReasons',
  ): Record<string, number> {
    const s = this.stats();
    if (this.fresh.has(s[k])) return s[k];
    return (s[k] = this.own(s[k]));
  }

  /** A writable plain record section (namespaces, ports). */
  protected plain<K extends 'namespaces' | 'ports'>(k: K): Projection[K] {
    const s = this.p[k];
    if (this.fresh.has(s)) return s;
    return (this.p[k] = this.own(s));
  }
}
