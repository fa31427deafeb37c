// One row of `ipcscope sweep` per configuration point: the configuration, the run's headline
// figures and derived rates; as JSON objects, CSV (with a header row) or a readable table.
import type { RunConfig } from '../sim/config';
import type { RunSummary } from '../sim/summary';
import { formatNumber, formatRate, formatTable } from './table';

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

const CONFIG_COLUMNS = ['platform', 'cores', 'kernel', 'mcs', 'seed'] as const;
const RESULT_COLUMNS = [
  'cycles',
  'stopReason',
  'syscalls',
  'fastpath',
  'slowpath',
  'messages',
  'ipcPerSecond',
  'cyclesPerIpc',
  'migrations',
  'migrationCycles',
  'migrationCyclesPerEntry',
  'lockContended',
  'spinCycles',
  'ipis',
  'traceHash',
  'error',
] as const;

/** Parameter columns are named after the parameter; `param.NAME` if that name is taken. */
function paramColumn(name: string): string {
  const taken: readonly string[] = [...CONFIG_COLUMNS, ...RESULT_COLUMNS];
  return taken.includes(name) ? `param.${name}` : name;
}

function csvCell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s =
    typeof v === 'number' && !Number.isInteger(v) ? String(Math.round(v * 1000) / 1000) : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly SweepRow[]): string {
  const params = [...new Set(rows.flatMap((r) => Object.keys(r.params)))];
  const header = [...CONFIG_COLUMNS, ...params.map(paramColumn), ...RESULT_COLUMNS];
  const lines = rows.map((r) =>
    [
      ...CONFIG_COLUMNS.map((c) => r[c]),
      ...params.map((p) => r.params[p]),
      ...RESULT_COLUMNS.map((c) => r[c]),
    ]
      .map(csvCell)
      .join(','),
  );
  return [header.join(','), ...lines].join('\n') + '\n';
}

export function formatSweepTable(rows: readonly SweepRow[]): string {
  const params = [...new Set(rows.flatMap((r) => Object.keys(r.params)))];
  const n = (v: number | null, d = 0): string => formatNumber(v, d);
  return formatTable(
    [
      'platform',
      'cores',
      'kernel',
      'mcs',
      'seed',
      ...params,
      'cycles',
      'stop',
      'syscalls',
      'fast',
      'slow',
      'msgs',
      'IPC/s',
      'cyc/IPC',
      'migr',
      'migr cyc',
      'migr cyc/entry',
      'contended',
      'spin cyc',
      'IPIs',
    ],
    rows.map((r) => [
      r.platform,
      String(r.cores),
      r.kernel,
      r.mcs ? 'yes' : 'no',
      String(r.seed),
      ...params.map((p) => String(r.params[p] ?? '')),
      n(r.cycles),
      r.stopReason,
      n(r.syscalls),
      n(r.fastpath),
      n(r.slowpath),
      n(r.messages),
      r.ipcPerSecond === null ? '-' : formatRate(r.ipcPerSecond),
      n(r.cyclesPerIpc, 1),
      n(r.migrations),
      n(r.migrationCycles),
      n(r.migrationCyclesPerEntry, 1),
      n(r.lockContended),
      n(r.spinCycles),
      n(r.ipis),
    ]),
  );
}
