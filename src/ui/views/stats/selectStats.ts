// The numbers the Stats view leads with: the kernel-entry figures come from the same module as
// the command line's (src/sim/events/entryCounts.ts); IPC figures count Call and ReplyRecv only.
import { entryFigures, FASTPATH_SYSCALLS } from '../../../sim/events/entryCounts';
import type { StatsView } from '../../../projection/types';
import { ratio } from '../../format';

export interface Kpis {
  /** Mean cycles of a Call or ReplyRecv entry. */
  cyclesPerIpc: number | null;
  /** Share of Call and ReplyRecv entries that took the fastpath. */
  fastpathShare: number | null;
  /** System calls other than Call and ReplyRecv (no fastpath). */
  otherSyscalls: number;
  kernelEntries: number;
  migrationsPerEntry: number | null;
  migrationCyclesPerEntry: number | null;
  lockContention: number | null;
  entriesPerFileOp: number | null;
}

export function computeKpis(s: StatsView): Kpis {
  const f = entryFigures(s);
  const kernelEntries = f.kernelEntries;
  return {
    cyclesPerIpc: f.cyclesPerIpc,
    fastpathShare: f.ipcFastpathShare,
    otherSyscalls: f.otherSyscalls,
    kernelEntries,
    migrationsPerEntry: ratio(s.kernelMigrations, kernelEntries),
    migrationCyclesPerEntry: ratio(s.kernelMigrationCycles, kernelEntries),
    lockContention: ratio(s.lockContended, s.lockAcquisitions),
    entriesPerFileOp: ratio(s.fileOpKernelEntries, s.fileOps),
  };
}

/** Largest first. */
export function sortedCounts(r: Record<string, number>): [string, number][] {
  return Object.entries(r).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Slowpath reasons of the system calls that have no fastpath (all but Call and ReplyRecv). */
export function otherReasons(s: StatsView): [string, number][] {
  return sortedCounts(s.slowpathReasons)
    .map(([r, n]): [string, number] => [r, n - (s.ipcSlowpathReasons[r] ?? 0)])
    .filter(([, n]) => n > 0);
}

/** Counts of the system calls other than Call and ReplyRecv, largest first. */
export function otherSyscallCounts(s: StatsView): [string, number][] {
  return sortedCounts(s.byName).filter(([name]) => !FASTPATH_SYSCALLS.has(name));
}
