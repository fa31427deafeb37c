// The big kernel lock as a CLH queue lock (seL4 include/smp/lock.h; sel4-reference.md §1.10):
// FIFO and fair. A core swaps itself into the global tail (that line migrates whenever the
// previous locker was another core) and spins on its predecessor's request line, which migrates
// to it when the predecessor releases. One lock per kernel image.
import { Line } from './cacheLines';

export interface LockStats {
  acquisitions: number;
  contended: number;
  spinCycles: number;
}

export class BigLock {
  holder = -1;
  readonly waiting: { core: number; since: number }[] = [];
  readonly stats: LockStats = { acquisitions: 0, contended: 0, spinCycles: 0 };

  readonly tailLine: Line;
  private readonly nodeLines: Line[] = [];

  constructor(readonly image: number) {
    this.tailLine = new Line(`lock.${image}.tail`);
  }

  nodeLine(core: number): Line {
    return (this.nodeLines[core] ??= new Line(`lock.${this.image}.node.${core}`));
  }

  /** Returns true if the core got the lock at once; otherwise it queues and spins. */
  request(core: number, now: number): boolean {
    if (this.holder < 0 && this.waiting.length === 0) {
      this.holder = core;
      this.stats.acquisitions++;
      return true;
    }
    this.waiting.push({ core, since: now });
    return false;
  }

  /** Release; returns the next core in FIFO order (already made the holder) and its wait start. */
  release(): { core: number; since: number } | null {
    const next = this.waiting.shift();
    if (next === undefined) {
      this.holder = -1;
      return null;
    }
    this.holder = next.core;
    this.stats.acquisitions++;
    this.stats.contended++;
    return next;
  }
}
