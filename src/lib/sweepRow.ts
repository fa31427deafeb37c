// One row of a sweep per configuration point: the configuration, the run's headline figures and
// derived rates. The same objects `ipcscope sweep --json` prints and `sweep()` returns.
import type { RunConfig } from '../sim/config';
import type { RunSummary } from '../sim/summary';

export interface SweepRow {
  platform: string;
  cores: number;
  kernel: string;
  mcs: boolean;
  seed: number;
  params: Record<string, number>;
  cycles: number | null;
  /** 'idle' | 'maxCycles' | 'maxEvents' | 'watchdog', or 'error' when setup failed. */
  stopReason: string;
  syscalls: number | null;
  fastpath: number | null;
  slowpath: number | null;
  messages: number | null;
  /** Messages per simulated second: messages / (cycles / clock). */
  ipcPerSecond: number | null;
  /** Mean cycles of a kernel entry that moved a message. */
  cyclesPerIpc: number | null;
  migrations: number | null;
  migrationCycles: number | null;
  /** Kernel cache-line migration cycles per kernel entry. */
  migrationCyclesPerEntry: number | null;
  lockContended: number | null;
  spinCycles: number | null;
  ipis: number | null;
  traceHash: string | null;
  /** Setup error or script errors of this point. */
  error: string | null;
}

export function rowFromSummary(s: RunSummary, error: string | null): SweepRow {
  const seconds = s.cycles / (s.platform.clockMHz * 1e6);
  return {
    ...configColumns(s.config),
    cycles: s.cycles,
    stopReason: s.stopReason,
    syscalls: s.syscalls.total,
    fastpath: s.syscalls.fastpath,
    slowpath: s.syscalls.slowpath,
    messages: s.ipc.messages,
    ipcPerSecond: seconds > 0 ? s.ipc.messages / seconds : 0,
    cyclesPerIpc: s.ipc.cyclesPerIpc,
    migrations: s.cacheLines.migrations,
    migrationCycles: s.cacheLines.cycles,
    migrationCyclesPerEntry: s.cacheLines.perKernelEntry.cycles,
    lockContended: s.lock.contended,
    spinCycles: s.lock.spinCycles,
    ipis: s.ipis,
    traceHash: s.traceHash,
    error,
  };
}

export function errorRow(config: RunConfig, error: string): SweepRow {
  return {
    ...configColumns(config),
    cycles: null,
    stopReason: 'error',
    syscalls: null,
    fastpath: null,
    slowpath: null,
    messages: null,
    ipcPerSecond: null,
    cyclesPerIpc: null,
    migrations: null,
    migrationCycles: null,
    migrationCyclesPerEntry: null,
    lockContended: null,
    spinCycles: null,
    ipis: null,
    traceHash: null,
    error,
  };
}

function configColumns(
  c: RunConfig,
): Pick<SweepRow, 'platform' | 'cores' | 'kernel' | 'mcs' | 'seed' | 'params'> {
  return {
    platform: c.platform,
    cores: c.cores,
    kernel: c.kernel,
    mcs: c.mcs,
    seed: c.seed,
    params: { ...c.params },
  };
}
