// A thread: its state, core, priority, scheduling context, what it is blocked on, its counters,
// and the caps in its CSpace (slot name and number, object, rights, badge) as the scenario gave them.
import type { MachineDescription, ThreadView } from '../../../projection/types';
import { fmtInt } from '../../format';

const rights = (r: { read: boolean; write: boolean; grant: boolean; grantReply: boolean }) =>
  `${r.read ? 'R' : '-'}${r.write ? 'W' : '-'}${r.grant ? 'G' : '-'}${r.grantReply ? 'P' : '-'}`;

export function ThreadSection({ t, desc }: { t: ThreadView; desc: MachineDescription }) {
  const d = desc.threads.find((x) => x.name === t.name);
  return (
    <section
      className="insp-section"
      data-testid="inspector-thread"
      data-thread={t.name}
      data-state={t.state}
    >
      <div className="insp-title">
        thread <b>{t.name}</b> <span className="pill">{t.state}</span>
      </div>
      <table className="kv">
        <tbody>
          <tr>
            <th>running</th>
            <td>{t.runningOn === null ? 'no' : `on core ${t.runningOn}`}</td>
          </tr>
          <tr>
            <th>core (affinity)</th>
            <td>{t.core}</td>
          </tr>
          <tr>
            <th>priority</th>
            <td>{t.priority}</td>
          </tr>
          {t.blockedOn && (
            <tr>
              <th>blocked on</th>
              <td className="mono">{t.blockedOn}</td>
            </tr>
          )}
          {(t.sc !== null || desc.config.mcs) && (
            <tr>
              <th>scheduling context</th>
              <td className="mono">{t.sc ?? 'none (passive)'}</td>
            </tr>
          )}
          {d?.boundNotification && (
            <tr>
              <th>bound notification</th>
              <td className="mono">{d.boundNotification}</td>
            </tr>
          )}
          {t.stopped && (
            <tr>
              <th>stopped</th>
              <td>{t.stopped}</td>
            </tr>
          )}
          <tr>
            <th>syscalls</th>
            <td>
              {fmtInt(t.syscalls)} · <span className="path-fast">{fmtInt(t.fastpath)} fast</span> ·{' '}
              <span className="path-slow">{fmtInt(t.slowpath)} slow</span>
            </td>
          </tr>
          <tr>
            <th>messages</th>
            <td>
              {fmtInt(t.sent)} sent · {fmtInt(t.received)} received
            </td>
          </tr>
          <tr>
            <th>kernel cycles</th>
            <td className="mono">{fmtInt(t.kernelCycles)}</td>
          </tr>
        </tbody>
      </table>
      {d && d.caps.length > 0 && (
        <table className="grid caps" data-testid="caps">
          <thead>
            <tr>
              <th>slot</th>
              <th>#</th>
              <th>object</th>
              <th>rights</th>
              <th>badge</th>
            </tr>
          </thead>
          <tbody>
            {d.caps.map((c) => (
              <tr key={c.slot} className={c.slot === t.lastCap ? 'hl' : ''}>
                <td className="mono">{c.slot}</td>
                <td className="num">{c.index}</td>
                <td className="mono">
                  {c.object} <span className="muted">{c.kind}</span>
                </td>
                <td className="mono" title="Read Write Grant grantReply(P)">
                  {rights(c.rights)}
                </td>
                <td className="num">{c.badge}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
