// The numbers the Stats view leads with, derived from the projection's counters with the same
// definitions as the command line's --json summary (src/sim/summary.ts).
import type { StatsView } from '../../../projection/types';
import { ratio } from '../../format';

export interface Kpis {
  cyclesPerIpc: number | null;
  fastpathShare: number | null;
  kernelEntries: number;
  migrationsPerEntry: number | null;
  migrationCyclesPerEntry: number | null;
  lockContention: number | null;
  entriesPerFileOp: number | null;
}

export function computeKpis(s: StatsView): Kpis {
  const kernelEntries = s.syscalls + s.interrupts;
  return {
    cyclesPerIpc: ratio(s.ipcKernelCycles, s.ipcEntries),
    fastpathShare: ratio(s.fastpath, s.syscalls),
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
