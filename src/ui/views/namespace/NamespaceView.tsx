// The Plan 9 side of UX/RT: each process's namespace (mounts, unions, servers), the ports servers
// registered, and each file operation with the kernel entries and IPC hops it took.
import { useMemo } from 'react';
import { fmtInt } from '../../format';
import { useActions, useAppStore } from '../../store/AppStoreProvider';
import { NsTree } from './NsTree';
import './namespace.css';

export function NamespaceView() {
  const desc = useAppStore((s) => s.description);
  const namespaces = useAppStore((s) => s.projection?.namespaces);
  const ports = useAppStore((s) => s.projection?.ports);
  const fileOps = useAppStore((s) => s.projection?.fileOps);
  const chosen = useAppStore((s) => s.selectedProcess);
  const { selectProcess, seek } = useActions();
  const processes = useMemo(() => {
    const names = new Set(desc?.threads.map((t) => t.name) ?? []);
    for (const n of Object.keys(namespaces ?? {})) names.add(n);
    return [...names];
  }, [desc, namespaces]);
  const process =
    chosen ?? processes.find((p) => namespaces?.[p] !== undefined) ?? processes[0] ?? null;
  const ops = (fileOps ?? []).filter((o) => process === null || o.thread === process);
  const portList = Object.entries(ports ?? {});
  return (
    <div className="tab-view namespace" data-testid="view-namespace">
      <aside className="ns-procs" aria-label="Processes">
        {processes.map((p) => (
          <button
            key={p}
            className={p === process ? 'selected' : ''}
            onClick={() => selectProcess(p)}
          >
            {p}
            {namespaces?.[p] !== undefined && <span className="dot" title="has a namespace" />}
          </button>
        ))}
      </aside>
      <div className="ns-main">
        {process === null && <div className="empty">No processes.</div>}
        {process !== null && (
          <>
            <div className="block-title">namespace of {process}</div>
            {namespaces?.[process] !== undefined ? (
              <NsTree value={namespaces[process]} />
            ) : (
              <div className="muted">
                no namespace reported for {process}: it has made no UX/RT file calls
              </div>
            )}
            <div className="block-title">file operations of {process}</div>
            {ops.length === 0 ? (
              <div className="muted" data-testid="no-file-ops">
                no file operations yet
              </div>
            ) : (
              <table className="grid">
                <thead>
                  <tr>
                    <th>op</th>
                    <th>path</th>
                    <th className="num">bytes</th>
                    <th className="num">kernel entries</th>
                    <th>client / server</th>
                    <th>transport</th>
                    <th>hops</th>
                  </tr>
                </thead>
                <tbody>
                  {ops.map((o) => (
                    <tr key={o.index} className="clickable" onClick={() => seek(o.index + 1)}>
                      <td className="mono">{o.op}</td>
                      <td className="mono">
                        {o.path}
                        {o.error && <span className="path-slow"> {o.error}</span>}
                      </td>
                      <td className="num">{fmtInt(o.bytes)}</td>
                      <td className="num">{o.kernelEntries}</td>
                      <td className="num">
                        {o.clientEntries} / {o.serverEntries}
                      </td>
                      <td>{o.transport}</td>
                      <td>
                        {o.hops.length === 0 ? (
                          <span className="muted">–</span>
                        ) : (
                          <NsTree value={o.hops} />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
        <div className="block-title">ports</div>
        {portList.length === 0 ? (
          <div className="muted">no server has registered a port</div>
        ) : (
          <table className="grid">
            <tbody>
              {portList.map(([port, server]) => (
                <tr key={port}>
                  <td className="mono">{port}</td>
                  <td>
                    served by <b>{server}</b>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
