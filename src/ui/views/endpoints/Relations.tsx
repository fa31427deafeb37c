// Who waits for a reply from whom (classic reply caps, MCS reply objects), and the scheduling
// contexts a passive server runs on while they are lent to it.
import type { MachineDescription, Projection } from '../../../projection/types';
import { replyWaits, scsOnLoan } from './selectEndpoints';

export interface RelationsProps {
  p: Projection;
  desc: MachineDescription;
  onSelectThread: (name: string) => void;
}

/** Longer lists are cut here, with a count of the rest (busy machines have hundreds). */
const SHOWN = 12;

function More({ n }: { n: number }) {
  return n > SHOWN ? <div className="muted">… and {n - SHOWN} more</div> : null;
}

export function Relations({ p, desc, onSelectThread }: RelationsProps) {
  const waits = replyWaits(p, desc);
  const loans = scsOnLoan(p);
  const mcs = desc.config.mcs;
  if (waits.length === 0 && loans.length === 0 && !mcs) return null;
  const who = (name: string | null) =>
    name === null ? (
      <span className="muted">?</span>
    ) : (
      <button className="link" onClick={() => onSelectThread(name)}>
        {name}
      </button>
    );
  return (
    <div className="relations" data-testid="relations">
      <div className="rel-title">Replies</div>
      {waits.length === 0 && <div className="muted">no thread waits for a reply</div>}
      {waits.slice(0, SHOWN).map((w) => (
        <div
          key={w.caller}
          className="rel"
          data-testid="reply-wait"
          data-caller={w.caller}
          data-server={w.server ?? ''}
        >
          {who(w.caller)} waits for a reply from {who(w.server)}
          <span className="muted">
            {w.replyObject
              ? ` through reply object ${w.replyObject}`
              : ` (reply cap in ${w.server}'s caller slot)`}
          </span>
        </div>
      ))}
      <More n={waits.length} />
      {mcs && (
        <>
          <div className="rel-title">Scheduling contexts on loan</div>
          {loans.length === 0 && (
            <div className="muted">every scheduling context is with its owner</div>
          )}
          {loans.slice(0, SHOWN).map((sc) => (
            <div
              key={sc.name}
              className="rel"
              data-testid="sc-loan"
              data-sc={sc.name}
              data-holder={sc.holder ?? ''}
            >
              <span className="mono">{sc.name}</span> (core {sc.core}) of {who(sc.home)} lent to{' '}
              {who(sc.holder)}
            </div>
          ))}
          <More n={loans.length} />
        </>
      )}
    </div>
  );
}
