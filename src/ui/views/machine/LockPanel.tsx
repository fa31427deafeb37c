// The big kernel lock of each image: who holds it and who spins for it, in CLH (FIFO) order.
import type { CoreView, LockView } from '../../../projection/types';
import { fmtInt, fmtPercent } from '../../format';
import { scrollFocus } from '../../components/scrollFocus';

/** Spinning cores listed by name; the rest are counted (a 64-core queue would fill the panel). */
const QUEUE_SHOWN = 6;

export function LockPanel({ locks, cores }: { locks: LockView[]; cores: CoreView[] }) {
  const withLock = locks.filter((l) => l.hasLock);
  if (withLock.length === 0) {
    return (
      <div className="lock-panel muted" data-testid="locks" ref={scrollFocus}>
        {cores.length === 1
          ? 'One core: a uniprocessor kernel takes no big lock.'
          : 'No big lock: every kernel image has a core to itself (a multikernel).'}
      </div>
    );
  }
  return (
    <div className="lock-panel" data-testid="locks" ref={scrollFocus}>
      {withLock.map((l) => {
        const holder = l.holder === null ? null : cores[l.holder];
        const waiting = l.queue.filter((c) => c !== l.holder);
        return (
          <div
            key={l.image}
            className="lock-row"
            data-testid="lock"
            data-image={l.image}
            data-holder={l.holder ?? ''}
            data-queue={waiting.join(',')}
          >
            <span className="lock-name">lock{locks.length > 1 ? ` img ${l.image}` : ''}</span>
            <span>
              {holder ? (
                <>
                  held by <b>core {holder.id}</b>
                  <span className="muted">
                    {' '}
                    ({holder.thread}
                    {holder.entry ? `, ${holder.entry}` : ''})
                  </span>
                </>
              ) : (
                <span className="muted">free</span>
              )}
            </span>
            <span className="lock-queue">
              {waiting.slice(0, QUEUE_SHOWN).map((c) => (
                <span
                  key={c}
                  className="pill queue-chip mode-spinning"
                  title="spinning for the lock"
                >
                  core {c}
                </span>
              ))}
              {waiting.length > QUEUE_SHOWN && (
                <span className="lock-more" title={waiting.map((c) => `core ${c}`).join(', ')}>
                  +{waiting.length - QUEUE_SHOWN} more spinning
                </span>
              )}
            </span>
            <span className="spacer" />
            <span
              className="muted num"
              title="contended acquisitions / all, and cycles spent spinning"
            >
              {fmtInt(l.acquisitions)} taken · {fmtPercent(l.contended, l.acquisitions)} contended ·{' '}
              {fmtInt(l.spinCycles)} spin cycles
            </span>
          </div>
        );
      })}
    </div>
  );
}
