// The Plan 9 side of UX/RT: each process's namespace (mounts and unions), the ports servers
// registered, and each file operation as the kernel entries and IPC hops it took.
import { useMemo } from 'react';
import { useRunThrottled } from '../../components/useRunThrottled';
import { useActions, useAppStore } from '../../store/AppStoreProvider';
import { FileOps } from './FileOps';
import { MountTable } from './MountTable';
import './namespace.css';
import { scrollFocus } from '../../components/scrollFocus';

export function NamespaceView() {
  const desc = useAppStore((s) => s.description);
  const namespaces = useRunThrottled((s) => s.projection?.namespaces);
  const ports = useRunThrottled((s) => s.projection?.ports);
  const fileOps = useRunThrottled((s) => s.projection?.fileOps);
  const chosen = useAppStore((s) => s.selectedProcess);
  const { selectProcess, seek } = useActions();
  const processes = useMemo(() => {
    const names = new Set(desc?.threads.map((t) => t.name) ?? []);
    for (const n of Object.keys(namespaces ?? {})) names.add(n);
    return [...names];
  }, [desc, namespaces]);
  const busy = new Set((fileOps ?? []).map((o) => o.thread));
  const process =
    chosen ??
    processes.find((p) => busy.has(p)) ??
    processes.find((p) => namespaces?.[p]) ??
    processes[0] ??
    null;
  const ops = (fileOps ?? []).filter((o) => o.thread === process);
  const servers = Object.entries(ports ?? {});
  const ns = process !== null ? namespaces?.[process] : undefined;
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
            {busy.has(p) && <span className="dot" title="made file operations" />}
          </button>
        ))}
      </aside>
      <div className="ns-main" ref={scrollFocus}>
        {process === null && <div className="empty">No processes.</div>}
        {process !== null && (
          <>
            <div className="block-title">namespace of {process}</div>
            {ns ? (
              <MountTable bindings={ns} />
            ) : (
              <div className="muted">
                {process} has no UX/RT namespace (it is a plain seL4 thread)
              </div>
            )}
            <div className="block-title">file operations of {process}</div>
            {ops.length === 0 ? (
              <div className="muted" data-testid="no-file-ops">
                no file operations yet
              </div>
            ) : (
              <FileOps ops={ops} onSeek={seek} />
            )}
          </>
        )}
        <div className="block-title">ports</div>
        {servers.length === 0 ? (
          <div className="muted">no server has registered a port</div>
        ) : (
          <div className="ports">
            {servers.map(([port, server]) => (
              <span key={port} className="pill">
                <span className="mono">{port}</span> served by <b>{server}</b>
              </span>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
