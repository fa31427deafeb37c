// The readable report of `ipcscope run` without --json: the same numbers as the JSON summary.
import type { RunSummary } from '../sim/summary';
import { formatNumber, formatTable } from './table';

function byCount(rec: Record<string, number>): [string, number][] {
  return Object.entries(rec).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

function machineLine(s: RunSummary): string {
  const c = s.config;
  return (
    `${c.platform} (${s.platform.name}, ${s.platform.isa}, ${s.platform.clockMHz} MHz), ` +
    `${c.cores} core${c.cores === 1 ? '' : 's'}, ${c.kernel} kernel, ${c.mcs ? 'MCS' : 'classic'}, seed ${c.seed}`
  );
}

function section(title: string, body: string): string {
  return `\n${title}\n${body}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => (l === '' ? l : `  ${l}`))
    .join('\n');
}

/** Call and ReplyRecv only: the syscalls with a fastpath (sel4-reference.md §1.7). */
function ipcLine(ipc: RunSummary['ipcSyscalls']): string {
  const share = ipc.fastpathShare === null ? '-' : `${formatNumber(100 * ipc.fastpathShare, 1)}%`;
  return (
    `${share} of ${formatNumber(ipc.total)} ${ipc.names.join('/')} on the fastpath, ` +
    `${formatNumber(ipc.cyclesPerIpc, 1)} cycles per IPC`
  );
}

export function formatRunReport(s: RunSummary, file: string): string {
  const params = Object.entries(s.config.params)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  const head = [
    `${s.scenario}  (${file})`,
    `  machine   ${machineLine(s)}`,
    ...(params !== '' ? [`  params    ${params}`] : []),
    `  stopped   ${s.stopReason} at cycle ${formatNumber(s.cycles)} (${formatNumber(s.micros, 3)} µs), ` +
      `${formatNumber(s.events)} events, traceHash ${s.traceHash}`,
  ].join('\n');

  const sc = s.syscalls;
  const share = sc.total === 0 ? 0 : (100 * sc.fastpath) / sc.total;
  const kernel = [
    `syscalls       ${formatNumber(sc.total)} (fastpath ${formatNumber(sc.fastpath)}, slowpath ${formatNumber(sc.slowpath)}; ${formatNumber(share, 1)}% fast), interrupts ${formatNumber(s.interrupts)}`,
    ...(sc.total > 0
      ? [
          `  by name      ${byCount(sc.byName)
            .map(([k, v]) => `${k} ${formatNumber(v)}`)
            .join(', ')}`,
        ]
      : []),
    `IPC fastpath   ${ipcLine(s.ipcSyscalls)}; ${formatNumber(s.otherSyscalls.total)} other syscalls (no fastpath)`,
    `IPC            ${formatNumber(s.ipc.messages)} messages in ${formatNumber(s.ipc.entries)} kernel entries, ${formatNumber(s.ipc.cyclesPerIpc, 1)} cycles per IPC entry`,
    `IPIs           ${formatNumber(s.ipis)}`,
    `cache lines    ${formatNumber(s.cacheLines.migrations)} migrations, ${formatNumber(s.cacheLines.cycles)} cycles ` +
      `(kernel lines: ${formatNumber(s.cacheLines.perKernelEntry.migrations, 2)} migrations, ${formatNumber(s.cacheLines.perKernelEntry.cycles, 1)} cycles per kernel entry)`,
    `big lock       ${formatNumber(s.lock.acquisitions)} acquisitions, ${formatNumber(s.lock.contended)} contended, ${formatNumber(s.lock.spinCycles)} spin cycles`,
  ].join('\n');

  const reasons = byCount(s.slowpathReasons);
  const slow =
    reasons.length === 0
      ? 'none\n'
      : formatTable(
          ['count', 'why the kernel took the slowpath'],
          reasons.map(([r, n]) => [formatNumber(n), r]),
        );

  const threads = formatTable(
    ['thread', 'core', 'prio', 'state', 'syscalls', 'fast', 'slow', 'user cycles', 'kernel cycles'],
    Object.entries(s.threads).map(([name, t]) => [
      name,
      String(t.core),
      String(t.priority),
      t.state,
      formatNumber(t.syscalls),
      formatNumber(t.fastpath),
      formatNumber(t.slowpath),
      formatNumber(t.userCycles),
      formatNumber(t.kernelCycles),
    ]),
  );

  const lines =
    s.cacheLines.lines.length === 0
      ? ''
      : section(
          'Costliest cache lines',
          indent(
            formatTable(
              ['line', 'migrations', 'cycles'],
              s.cacheLines.lines.map((l) => [
                l.line,
                formatNumber(l.migrations),
                formatNumber(l.cycles),
              ]),
            ),
          ),
        );

  const faults =
    s.faults.length === 0
      ? '  none\n'
      : s.faults.map((f) => `  ${f.thread}: ${f.type}: ${f.detail}\n`).join('');
  const consoleText =
    s.console.length === 0
      ? '  (empty)\n'
      : s.console.map((c) => `  [${formatNumber(c.t)}] ${c.thread}: ${c.text}\n`).join('');

  const fileOps = Object.entries(s.files.kernelEntriesPerOp);
  const files =
    fileOps.length === 0
      ? ''
      : section(
          'File operations (UX/RT): kernel entries per operation',
          indent(
            formatTable(
              ['op', 'count', 'client', 'server'],
              fileOps.map(([op, e]) => [
                op,
                formatNumber(e.count),
                String(e.client),
                String(e.server),
              ]),
            ),
          ) + '\n',
        );

  return (
    head +
    '\n' +
    section('Kernel', indent(kernel) + '\n') +
    section('Slowpath reasons', indent(slow)) +
    section('Threads', indent(threads)) +
    lines +
    files +
    section('Faults', faults) +
    section('Console', consoleText)
  );
}
