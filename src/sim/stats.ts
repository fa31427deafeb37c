// Run statistics behind the CLI's --json and the app's Stats view (DESIGN.md "The command line").
import type { LockStats } from './machine/bigLock';

export interface SyscallStats {
  total: number;
  fastpath: number;
  slowpath: number;
  byName: Record<string, number>;
}

export interface RunStats {
  syscalls: SyscallStats;
  slowpathReasons: Record<string, number>;
  messages: number;
  ipis: number;
  interrupts: number;
  /** Cycles spent in kernel entries that moved a message, and how many there were. */
  ipcKernelCycles: number;
  ipcEntries: number;
  lock: LockStats;
}

export function createRunStats(): RunStats {
  return {
    syscalls: { total: 0, fastpath: 0, slowpath: 0, byName: {} },
    slowpathReasons: {},
    messages: 0,
    ipis: 0,
    interrupts: 0,
    ipcKernelCycles: 0,
    ipcEntries: 0,
    lock: { acquisitions: 0, contended: 0, spinCycles: 0 },
  };
}
