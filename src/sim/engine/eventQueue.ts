// Discrete-event queue: a binary min-heap ordered by (time, seq). Ties in time are broken by the
// order of insertion, so two runs that schedule the same events pop them in the same order.

export interface QueueItem {
  time: number;
  seq: number;
  kind: number;
  core: number;
  /** Generation tag: an item whose tag no longer matches its core's is stale and skipped. */
  gen: number;
}

export class EventQueue {
  private heap: QueueItem[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(time: number, kind: number, core: number, gen = 0): void {
    const item: QueueItem = { time, seq: this.nextSeq++, kind, core, gen };
    const heap = this.heap;
    let i = heap.length;
    heap.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (p.time < time || (p.time === time && p.seq < item.seq)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = item;
  }

  peekTime(): number {
    const top = this.heap[0];
    return top === undefined ? Infinity : top.time;
  }

  pop(): QueueItem | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (top === undefined) return undefined;
    const last = heap.pop()!;
    const n = heap.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        let c = l;
        const lc = heap[l]!;
        if (r < n) {
          const rc = heap[r]!;
          if (rc.time < lc.time || (rc.time === lc.time && rc.seq < lc.seq)) c = r;
        }
        const ch = heap[c]!;
        if (last.time < ch.time || (last.time === ch.time && last.seq < ch.seq)) break;
        heap[i] = ch;
        i = c;
      }
      heap[i] = last;
    }
    return top;
  }
}
