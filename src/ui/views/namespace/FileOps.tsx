// A process's file operations, newest first: what it asked for, how many kernel entries that
// took on each side, and the IPC hops in order, each marked fast or slow.
import type { FileOpView } from '../../../projection/types';
import { fmtInt } from '../../format';

function Hop({ text }: { text: string }) {
  const slow = text.endsWith('(slow)');
  return <span className={`hop mono ${slow ? 'path-slow' : 'path-fast'}`}>{text}</span>;
}

export function FileOps({ ops, onSeek }: { ops: FileOpView[]; onSeek: (index: number) => void }) {
  return (
    <div className="file-ops" data-testid="file-ops">
      {[...ops].reverse().map((o) => (
        <div key={o.index} className="file-op" onClick={() => onSeek(o.index + 1)} data-op={o.op}>
          <div className="fo-head">
            <b className="mono">{o.op}</b> <span className="mono">{o.path}</span>
            {o.error && <span className="path-slow"> → {o.error}</span>}
            <span className="spacer" />
            <span className="muted">
              {fmtInt(o.bytes)} B · {o.transport} · {fmtInt(o.cycles)} cycles
            </span>
            <span className="pill" title="client entries + server entries">
              {o.kernelEntries} kernel entr{o.kernelEntries === 1 ? 'y' : 'ies'} ({o.clientEntries}{' '}
              + {o.serverEntries})
            </span>
          </div>
          <div className="hops">
            {o.hops.map((h, i) => (
              <span key={i}>
                {i > 0 && <span className="muted"> → </span>}
                <Hop text={h} />
              </span>
            ))}
          </div>
          {o.reason && (
            <div className="muted fo-reason">not one fast Call + ReplyRecv: {o.reason}</div>
          )}
        </div>
      ))}
    </div>
  );
}
