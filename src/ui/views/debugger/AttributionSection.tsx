// The inspector's call-chain section: for the chain that starts at the thread shown (client →
// server → the servers it calls), what the chain imposed on each hop (QNX's "imposed time"): the
// cycles the server worked for it, its kernel cycles and the cycles lost to cache-line
// migrations, over the run up to the cursor. The worker folds the log (src/debugger/attribution.ts).
import { fmtInt } from '../../format';
import { useAppStore } from '../../store/AppStoreProvider';
import { useDebugActions } from './useDebugActions';

export function AttributionSection({ thread }: { thread: string }) {
  const a = useAppStore((s) => s.attribution);
  const cursor = useAppStore((s) => s.cursor);
  const ready = useAppStore((s) => s.loadState === 'ready');
  const { requestAttribution } = useDebugActions();
  const mine = a !== null && a.root === thread ? a : null;
  const stale = mine !== null && mine.events !== cursor;
  return (
    <section className="insp-section" data-testid="inspector-attribution" data-root={thread}>
      <div className="insp-title">
        call chain from <b>{thread}</b>{' '}
        <button
          className="link"
          data-testid="attribution-run"
          disabled={!ready}
          onClick={() => void requestAttribution(thread)}
          title="Fold the run up to the cursor for what this chain cost every hop"
        >
          {mine === null ? 'attribute' : stale ? 'refresh (cursor moved)' : 'refresh'}
        </button>
      </div>
      {mine !== null && mine.hops.length <= 1 && (
        <div className="muted">{thread} has made no Call yet: no chain to attribute.</div>
      )}
      {mine !== null && mine.hops.length > 1 && (
        <>
          <div className="muted">up to event {fmtInt(mine.events)}</div>
          <table className="kv attribution" data-testid="attribution-table">
            <thead>
              <tr>
                <th>hop</th>
                <th title="Calls from the chain it served">calls</th>
                <th title="Cycles it worked for the chain: kernel entries and user time">
                  imposed
                </th>
                <th>kernel</th>
                <th title="Cache-line migrations on its cores while it worked for the chain">
                  migr. cycles
                </th>
              </tr>
            </thead>
            <tbody>
              {mine.hops.map((h) => (
                <tr key={h.thread} data-hop={h.thread} data-depth={h.depth}>
                  <td className="mono" style={{ paddingLeft: `${h.depth * 10}px` }}>
                    {h.depth > 0 ? '→ ' : ''}
                    {h.thread}
                  </td>
                  <td className="num">{h.depth === 0 ? '' : fmtInt(h.requests)}</td>
                  <td className="num" data-testid="hop-imposed">
                    {fmtInt(h.imposedCycles)}
                  </td>
                  <td className="num">{fmtInt(h.kernelCycles)}</td>
                  <td className="num" title={`${h.migrations} migrations`}>
                    {fmtInt(h.migrationCycles)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
