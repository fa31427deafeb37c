// Stats at the cursor: cycles per IPC, fastpath share, line migrations per kernel entry, big-lock
// contention, kernel entries per file operation; why IPCs left the fastpath; per-thread counts.
import { useMemo } from 'react';
import { useRunThrottled } from '../../components/useRunThrottled';
import { Panel } from '../../components/Panel';
import { VirtualTable } from '../../components/VirtualTable';
import { fmtDec, fmtInt, fmtTime } from '../../format';
import { useActions, useAppStore } from '../../store/AppStoreProvider';
import { computeKpis, otherReasons, otherSyscallCounts, sortedCounts } from './selectStats';
import './stats.css';

function Kpi({
  id,
  label,
  value,
  sub,
  title,
}: {
  id: string;
  label: string;
  value: string;
  sub?: string;
  title: string;
}) {
  return (
    <div className="kpi" data-stat={id} data-value={value} title={title}>
      <div className="kpi-value num">{value}</div>
      <div className="kpi-label">{label}</div>
      {sub && <div className="kpi-sub muted">{sub}</div>}
    </div>
  );
}

/** The most frequent slowpath reasons shown (a busy machine has one per pair of threads). */
const TOP_REASONS = 8;

export function StatsView() {
  const stats = useRunThrottled((s) => s.projection?.stats);
  const threads = useRunThrottled((s) => s.projection?.threads, 1000);
  const clock = useAppStore((s) => s.description?.platform.clockMHz ?? 0);
  const { selectThread } = useActions();
  const k = useMemo(() => (stats ? computeKpis(stats) : null), [stats]);
  const threadRows = useMemo(
    () =>
      // In the scenario's order: rows that reorder on every update would cost the browser far
      // more than the numbers in them.
      threads ? Object.values(threads) : [],
    [threads],
  );
  if (!stats || !k)
    return (
      <Panel title="Stats" testId="view-stats">
        <div className="empty">No run loaded.</div>
      </Panel>
    );
  const pct = (r: number | null) => (r === null ? '–' : `${fmtDec(100 * r)}%`);
  const reasons = sortedCounts(stats.ipcSlowpathReasons);
  const others = otherSyscallCounts(stats);
  const otherWhy = otherReasons(stats);
  return (
    <Panel title="Stats" testId="view-stats">
      <div className="kpis">
        <Kpi
          id="cyclesPerIpc"
          label="cycles per IPC"
          value={k.cyclesPerIpc === null ? '–' : fmtInt(k.cyclesPerIpc)}
          sub={k.cyclesPerIpc === null || clock === 0 ? undefined : fmtTime(k.cyclesPerIpc / clock)}
          title="mean cycles of a Call or ReplyRecv kernel entry"
        />
        <Kpi
          id="fastpathShare"
          label="IPC fastpath share"
          value={pct(k.fastpathShare)}
          sub={`${fmtInt(stats.ipcFastpath)} of ${fmtInt(stats.ipcSyscalls)} Call/ReplyRecv`}
          title="Call and ReplyRecv entries that took the fastpath (the only syscalls that have one)"
        />
        <Kpi
          id="migrationsPerEntry"
          label="line migrations / entry"
          value={k.migrationsPerEntry === null ? '–' : fmtDec(k.migrationsPerEntry, 2)}
          sub={
            k.migrationCyclesPerEntry === null
              ? undefined
              : `${fmtInt(k.migrationCyclesPerEntry)} cycles / entry`
          }
          title="kernel cache lines that moved between cores, per kernel entry"
        />
        <Kpi
          id="lockContention"
          label="lock contended"
          value={pct(k.lockContention)}
          sub={`${fmtInt(stats.lockSpinCycles)} spin cycles`}
          title="big-lock acquisitions that had to wait"
        />
        <Kpi
          id="entriesPerFileOp"
          label="kernel entries / file op"
          value={k.entriesPerFileOp === null ? '–' : fmtDec(k.entriesPerFileOp)}
          sub={`${fmtInt(stats.fileOps)} file operations`}
          title="kernel entries (client and server) per UX/RT file operation"
        />
        <Kpi
          id="messages"
          label="messages"
          value={fmtInt(stats.messages)}
          sub={`${fmtInt(stats.ipis)} IPIs · ${fmtInt(k.kernelEntries)} entries`}
          title="messages transferred by the kernel"
        />
      </div>
      <div className="stats-block reasons">
        <div className="block-title">Why IPCs left the fastpath</div>
        {reasons.length === 0 && <div className="muted">no slowpath so far</div>}
        {reasons.slice(0, TOP_REASONS).map(([reason, n]) => (
          <div key={reason} className="reason-row" title={reason}>
            <span className="bar" style={{ width: `${(100 * n) / (reasons[0]?.[1] ?? 1)}%` }} />
            <span className="num count">{fmtInt(n)}</span>
            <span className="reason">{reason}</span>
          </div>
        ))}
        {reasons.length > TOP_REASONS && (
          <div className="muted">… and {reasons.length - TOP_REASONS} more reasons</div>
        )}
      </div>
      <div className="stats-block other-entries" data-testid="other-entries">
        <div className="block-title">
          Other kernel entries <span className="muted">(no fastpath: always the slowpath)</span>
        </div>
        <div className="muted">
          {fmtInt(k.otherSyscalls)} other syscalls · {fmtInt(stats.interrupts)} interrupts
        </div>
        <div className="chips">
          {others.map(([name, n]) => (
            <span key={name} className="pill">
              {name} <b className="mono">{fmtInt(n)}</b>
            </span>
          ))}
        </div>
        {otherWhy.slice(0, TOP_REASONS).map(([reason, n]) => (
          <div key={reason} className="other-reason-row muted" title={reason}>
            <span className="num count">{fmtInt(n)}</span> <span className="reason">{reason}</span>
          </div>
        ))}
      </div>
      <div className="stats-block">
        <div className="block-title">Syscalls</div>
        <div className="chips">
          {sortedCounts(stats.byName).map(([name, n]) => (
            <span key={name} className="pill">
              {name} <b className="mono">{fmtInt(n)}</b>
            </span>
          ))}
        </div>
      </div>
      <VirtualTable
        className="thread-table"
        cols={['30%', '12%', '15%', '13%', '13%', '17%']}
        count={threadRows.length}
        rowHeight={21}
        head={
          <tr>
            <th>thread</th>
            <th>core</th>
            <th className="num">syscalls</th>
            <th className="num">fast</th>
            <th className="num">slow</th>
            <th className="num">kernel cycles</th>
          </tr>
        }
        row={(i) => {
          const t = threadRows[i]!;
          return (
            <tr
              key={t.name}
              className="clickable"
              onClick={() => selectThread(t.name)}
              // Operable by keyboard as well (Tab to the row, Enter), like every control.
              tabIndex={0}
              onKeyDown={(e) => e.key === 'Enter' && selectThread(t.name)}
            >
              <td className="mono">{t.name}</td>
              <td className="num">{t.core}</td>
              <td className="num">{fmtInt(t.syscalls)}</td>
              <td className="num path-fast">{fmtInt(t.fastpath)}</td>
              <td className="num path-slow">{fmtInt(t.slowpath)}</td>
              <td className="num">{fmtInt(t.kernelCycles)}</td>
            </tr>
          );
        }}
      />
    </Panel>
  );
}
