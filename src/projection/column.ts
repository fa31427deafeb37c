// A growable column of numbers for the timeline: one Float64Array, grown by doubling, and a
// length. The page appends each delta's part with one copy (`set`, a memcpy whatever tier the
// JIT has reached), where pushing into a JS array runs a loop per number: tens of milliseconds a
// delta on a page's first run (perf-limits.md §2). Readers get `values`, a view of exactly the
// numbers held, made again only after the column changed length or storage.

const FIRST_CAPACITY = 16;

export class Column {
  private store = new Float64Array(FIRST_CAPACITY);
  private n = 0;
  private view = this.store.subarray(0, 0);

  get length(): number {
    return this.n;
  }

  /** The numbers held, as a view (a later append may make a new one: read it again then). */
  get values(): Float64Array {
    const v = this.view;
    if (v.length !== this.n || v.buffer !== this.store.buffer) {
      this.view = this.store.subarray(0, this.n);
    }
    return this.view;
  }

  at(i: number): number {
    return this.store[i]!;
  }

  push(x: number): void {
    if (this.n === this.store.length) this.reserve(this.n + 1);
    this.store[this.n++] = x;
  }

  /** Overwrite number i (< length). */
  put(i: number, x: number): void {
    this.store[i] = x;
  }

  /** Drop everything from `from` on and append `values` there: one copy. */
  replaceFrom(from: number, values: ArrayLike<number>): void {
    const at = Math.min(from, this.n);
    this.reserve(at + values.length);
    this.store.set(values, at);
    this.n = at + values.length;
  }

  /** Copy numbers [from, length) into `out` (whose length says how many). */
  copyTail(from: number, out: Float64Array): void {
    out.set(this.store.subarray(from, from + out.length));
  }

  /** Drop the first k numbers. */
  dropFront(k: number): void {
    if (k <= 0) return;
    this.store.copyWithin(0, k, this.n);
    this.n = Math.max(0, this.n - k);
  }

  clear(): void {
    this.n = 0;
  }

  private reserve(size: number): void {
    if (size <= this.store.length) return;
    let cap = this.store.length;
    while (cap < size) cap *= 2;
    const grown = new Float64Array(cap);
    grown.set(this.store.subarray(0, this.n));
    this.store = grown;
  }
}

/** Named columns whose values read as plain properties (`p.t[i]`), for the views' code. */
export type ColumnValues<K extends string> = { readonly [k in K]: Float64Array };

/** A set of named columns of one length, with their values as enumerable properties. */
export type ColumnSet<K extends string> = ColumnValues<K> & {
  /** The columns themselves (not enumerable: two sets compare by their values). */
  readonly columns: { readonly [k in K]: Column };
};

export function columnSet<K extends string>(names: readonly K[]): ColumnSet<K> {
  const columns = {} as { [k in K]: Column };
  const set = {} as ColumnSet<K>;
  Object.defineProperty(set, 'columns', { value: columns, enumerable: false });
  for (const name of names) {
    const c = new Column();
    columns[name] = c;
    Object.defineProperty(set, name, { get: () => c.values, enumerable: true });
  }
  return set;
}

/**
 * The set's values as a plain object, read once: for a loop that reads its columns many times
 * (each property of the set itself is a getter that checks its view).
 */
export function valuesOf<K extends string>(set: {
  readonly columns: { readonly [k in K]: Column };
}): ColumnValues<K> {
  const out = {} as { [k in K]: Float64Array };
  for (const k of Object.keys(set.columns) as K[]) out[k] = set.columns[k].values;
  return out;
}
