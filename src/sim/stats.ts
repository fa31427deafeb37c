// Run statistics behind the CLI's --json and the app's Stats view (DESIGN.md "The command line").
// Kernel entries are counted by events/entryCounts.ts, the one counter the projection uses too.
import { emptyEntryCounts, type EntryCounts, type EntryRecords } from './events/entryCounts';
import type { LockStats } from './machine/bigLock';

export interface SyscallStats {
  total: number;
  fastpath: number;
  slowpath: number;
  byName: Record<string, number>;
}

export class RunStats {
  readonly entries: EntryCounts = emptyEntryCounts();
  readonly records: EntryRecords = { byName: {}, slowpathReasons: {}, ipcSlowpathReasons: {} };
  readonly recordOf = <K extends keyof EntryRecords>(k: K): EntryRecords[K] => this.records[k];
  messages = 0;
  ipis = 0;
  readonly lock: LockStats = { acquisitions: 0, contended: 0, spinCycles: 0 };

  get syscalls(): SyscallStats {
    const n = this.entries;
    return {
      total: n.syscalls,
      fastpath: n.fastpath,
      slowpath: n.slowpath,
      byName: this.records.byName,
    };
  }

  get slowpathReasons(): Record<string, number> {
    return this.records.slowpathReasons;
  }

  get interrupts(): number {
    return this.entries.interrupts;
  }

  /** Cycles spent in kernel entries that moved a message, and how many there were. */
  get ipcKernelCycles(): number {
    return this.entries.ipcKernelCycles;
  }

  get ipcEntries(): number {
    return this.entries.ipcEntries;
  }
}

export function createRunStats(): RunStats {
  return new RunStats();
}
