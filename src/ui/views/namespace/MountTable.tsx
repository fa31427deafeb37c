// One process's Plan 9 namespace as a mount table: each path with its union of targets in search
// order (a 'c' marks the member that takes creates), indented by depth so it reads as a tree.
import type { NsBinding } from '../../../projection/types';

export function MountTable({ bindings }: { bindings: NsBinding[] }) {
  const sorted = [...bindings].sort((a, b) => a.path.localeCompare(b.path));
  return (
    <table className="grid mounts" data-testid="mount-table">
      <colgroup>
        <col style={{ width: '32%' }} />
        <col />
        <col style={{ width: '14%' }} />
      </colgroup>
      <thead>
        <tr>
          <th>path</th>
          <th>bound here, searched in this order</th>
          <th>last bind</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((b) => {
          const depth = b.path === '/' ? 0 : b.path.split('/').length - 1;
          return (
            <tr key={b.path} data-path={b.path}>
              <td className="mono" style={{ paddingLeft: 8 + depth * 14 }}>
                {b.path}
              </td>
              <td>
                {b.targets.map((t, i) => (
                  <span
                    key={i}
                    className="ns-target mono"
                    title={b.create[i] ? 'creates go here' : undefined}
                  >
                    {i > 0 && <span className="muted"> ∪ </span>}
                    {t}
                    {b.create[i] && <sup className="path-fast">c</sup>}
                  </span>
                ))}
              </td>
              <td className="muted">{b.flag}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
