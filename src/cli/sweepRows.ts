// The rows of `ipcscope sweep` (src/lib/sweepRow.ts) as CSV (with a header row) or a readable
// table; `sweep` and `merge` print them the same way.
import type { SweepRow } from '../lib/sweepRow';
import { formatNumber, formatRate, formatTable } from './table';

export { errorRow, rowFromSummary, type SweepRow } from '../lib/sweepRow';

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
