// The event at the cursor: what happened, in a sentence and in fields; for a message, its
// registers; and the kernel entry it belongs to, with the path it took and why.
import type { EntryContext } from '../../../projection/entryContext';
import { eventSentence } from '../../../projection/eventText';
import type { SimEvent } from '../../../sim/simEvents';
import { fmtCycles, fmtInt } from '../../format';

function Fields({ e }: { e: SimEvent }) {
  const skip = new Set(['type', 'seq', 't', 'core', 'words']);
  const rows = Object.entries(e).filter(([k]) => !skip.has(k));
  return (
    <table className="kv">
      <tbody>
        {rows.map(([k, v]) => (
          <tr key={k}>
            <th>{k}</th>
            <td className="mono">{typeof v === 'string' ? v : JSON.stringify(v)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What seL4 did to a message longer than seL4_MsgMaxLength (sel4-reference.md §1.4). */
export function truncationText(e: Extract<SimEvent, { type: 'messageTransferred' }>): string {
  return (
    `${e.from} asked to send ${e.requested} message words; seL4 carries at most ${e.length} ` +
    `(seL4_MsgMaxLength), so the last ${e.requested - e.length} were cut and ${e.to} ` +
    `received ${e.length}.`
  );
}

function Registers({ e }: { e: Extract<SimEvent, { type: 'messageTransferred' }> }) {
  return (
    <div className="registers" data-testid="message-registers">
      <div className="reg-row">
        <span>
          label <b className="mono">{e.label}</b>
        </span>
        <span>
          length <b className="mono">{e.length}</b>
        </span>
        <span>
          badge <b className="mono">{e.badge}</b>
        </span>
        <span>
          caps <b className="mono">{e.caps}</b>
        </span>
      </div>
      <div className="mrs">
        {e.words.map((w, i) => (
          <span key={i} className="mr">
            <i>MR{i}</i>
            <b className="mono">{w}</b>
          </span>
        ))}
        {e.length > e.words.length && (
          <span className="muted">… {e.length - e.words.length} more</span>
        )}
        {e.length === 0 && <span className="muted">no message words</span>}
      </div>
      {e.requested > e.length && (
        <div className="slow-reason" data-testid="truncation-notice">
          <b>Truncated:</b> {truncationText(e)}
        </div>
      )}
    </div>
  );
}

export function EntryBox({
  ctx,
  clock,
  onSeek,
}: {
  ctx: EntryContext;
  clock: number;
  onSeek: (i: number) => void;
}) {
  const slow = ctx.path === 'slow';
  return (
    <div
      className={`entry-box ${ctx.path ?? 'open'}`}
      data-testid="entry-box"
      data-path={ctx.path ?? ''}
    >
      <div className="entry-head">
        <span>
          kernel entry: <b>{ctx.syscall}</b>
          {ctx.thread && (
            <>
              {' '}
              by <b>{ctx.thread}</b>
            </>
          )}{' '}
          on core {ctx.core}
        </span>
        {ctx.path && <span className={`pill path-${ctx.path}`}>{ctx.path}path</span>}
      </div>
      {slow && ctx.reason && (
        <div className="slow-reason" data-testid="slowpath-reason">
          <b>Why the slowpath:</b> {ctx.reason}
        </div>
      )}
      {ctx.path === 'fast' && (
        <div className="fast-note">Every fastpath condition held (§1.7).</div>
      )}
      {ctx.exit === null && <div className="muted">still in the kernel at the end of the log</div>}
      <div className="entry-meta muted">
        events {fmtInt(ctx.enter)}–{ctx.exit === null ? '…' : fmtInt(ctx.exit)}
        {ctx.cycles !== null && <> · {fmtCycles(ctx.cycles, clock)}</>} · {ctx.messages.length}{' '}
        message
        {ctx.messages.length === 1 ? '' : 's'} · {ctx.migrations.length} line migration
        {ctx.migrations.length === 1 ? '' : 's'}
      </div>
      {ctx.migrations.length > 0 && (
        <ul className="entry-lines">
          {ctx.migrations.map((m) => (
            <li key={m.index}>
              <button className="link mono" onClick={() => onSeek(m.index + 1)}>
                {m.line}
              </button>{' '}
              core {m.from} → {m.to} <span className="muted">{m.cycles} cycles</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function EventSection({ e, clock }: { e: SimEvent; clock: number }) {
  return (
    <section
      className="insp-section"
      data-testid="inspector-event"
      data-type={e.type}
      data-index={e.seq}
    >
      <div className="insp-title">
        <span className="mono">#{fmtInt(e.seq)}</span> <b>{e.type}</b>
        <span className="muted">
          {' '}
          core {e.core} · t = {fmtCycles(e.t, clock)}
        </span>
      </div>
      <p className="sentence">{eventSentence(e)}</p>
      {e.type === 'syscallExited' && e.path === 'slow' && e.reason && (
        <div className="slow-reason" data-testid="slowpath-reason">
          <b>Why the slowpath:</b> {e.reason}
        </div>
      )}
      {e.type === 'messageTransferred' && <Registers e={e} />}
      <Fields e={e} />
    </section>
  );
}
