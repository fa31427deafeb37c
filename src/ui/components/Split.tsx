// Panes side by side (row) or stacked (column), each resizable by the splitter between it and
// the next (drag, or focus it and use the arrow keys) and collapsible (its corner button, or
// Enter on the splitter). Sizes and collapsed panes are remembered per split (paneLayout.ts).
// A view is added by adding a PaneSpec to the list its split is given (App.tsx).
import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { loadSplit, saveSplit, type SplitState } from './paneLayout';

export interface PaneSpec {
  id: string;
  /** Named on the collapse button and the splitter. */
  label: string;
  view: ReactNode;
  /** Share of the split's room at first (weights, any scale). */
  weight: number;
  /** Smallest size in px while open. */
  min?: number;
  /** Whether the user may collapse it (default true). */
  collapsible?: boolean;
}

const KEY_STEP = 0.05;
/** A collapsed pane keeps its header (column) or a strip with its name (row). */
const COLLAPSED_PX = { column: 28, row: 22 } as const;

function initial(panes: readonly PaneSpec[]): SplitState {
  return { weights: Object.fromEntries(panes.map((p) => [p.id, p.weight])), collapsed: [] };
}

export function Split({
  id,
  direction,
  panes,
  className,
}: {
  id: string;
  direction: 'row' | 'column';
  panes: readonly PaneSpec[];
  className?: string;
}) {
  const [state, setState] = useState<SplitState>(() => loadSplit(id, initial(panes)));
  const rootRef = useRef<HTMLDivElement>(null);
  const drag = useRef<{
    at: number;
    a: string;
    b: string;
    wa: number;
    wb: number;
    px: number;
  } | null>(null);
  const horizontal = direction === 'row';
  const weight = (p: PaneSpec) => state.weights[p.id] ?? p.weight;
  const isCollapsed = (p: PaneSpec) => state.collapsed.includes(p.id);

  const update = (next: SplitState) => {
    setState(next);
    saveSplit(id, next);
  };
  const toggle = (p: PaneSpec) =>
    update({
      ...state,
      collapsed: isCollapsed(p)
        ? state.collapsed.filter((c) => c !== p.id)
        : [...state.collapsed, p.id],
    });
  /** Moves weight from b to a (dw > 0) or back, keeping both above their minimum. */
  const shift = (a: PaneSpec, b: PaneSpec, wa: number, wb: number, dw: number, pxPerW: number) => {
    const minA = (a.min ?? 60) / pxPerW;
    const minB = (b.min ?? 60) / pxPerW;
    const d = Math.max(minA - wa, Math.min(wb - minB, dw));
    return { ...state.weights, [a.id]: wa + d, [b.id]: wb - d };
  };
  /** px per unit of weight among the open panes. */
  const pxPerWeight = (): number => {
    const root = rootRef.current;
    const open = panes.filter((p) => !isCollapsed(p));
    const total = open.reduce((s, p) => s + weight(p), 0);
    const size = root === null ? 1000 : horizontal ? root.clientWidth : root.clientHeight;
    const room =
      size - (panes.length - open.length) * COLLAPSED_PX[direction] - 6 * (panes.length - 1);
    return Math.max(1, room) / Math.max(1e-6, total);
  };

  const onKey = (e: KeyboardEvent, a: PaneSpec, b: PaneSpec) => {
    const back = horizontal ? 'ArrowLeft' : 'ArrowUp';
    const fwd = horizontal ? 'ArrowRight' : 'ArrowDown';
    if (e.key === back || e.key === fwd) {
      e.preventDefault();
      const total = weight(a) + weight(b);
      const dw = (e.key === fwd ? 1 : -1) * KEY_STEP * total;
      update({ ...state, weights: shift(a, b, weight(a), weight(b), dw, pxPerWeight()) });
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const target = a.collapsible !== false ? a : b;
      if (target.collapsible !== false) toggle(target);
    }
  };

  const onDown = (e: PointerEvent, a: PaneSpec, b: PaneSpec) => {
    if (isCollapsed(a) || isCollapsed(b)) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = {
      at: horizontal ? e.clientX : e.clientY,
      a: a.id,
      b: b.id,
      wa: weight(a),
      wb: weight(b),
      px: pxPerWeight(),
    };
  };
  const onMove = (e: PointerEvent, a: PaneSpec, b: PaneSpec) => {
    const d = drag.current;
    if (d === null || d.a !== a.id) return;
    const delta = (horizontal ? e.clientX : e.clientY) - d.at;
    setState((s) => ({ ...s, weights: shift(a, b, d.wa, d.wb, delta / d.px, d.px) }));
  };
  const onUp = () => {
    if (drag.current === null) return;
    drag.current = null;
    saveSplit(id, state);
  };

  const children: ReactNode[] = [];
  panes.forEach((p, i) => {
    const collapsed = isCollapsed(p);
    children.push(
      <div
        key={p.id}
        className={`split-pane${collapsed ? ' collapsed' : ''}`}
        data-pane={p.id}
        data-collapsed={collapsed}
        style={{
          flex: collapsed ? `0 0 ${COLLAPSED_PX[direction]}px` : `${weight(p)} 1 0px`,
          [horizontal ? 'minWidth' : 'minHeight']: collapsed ? undefined : (p.min ?? 60),
        }}
      >
        {collapsed && horizontal ? (
          <button
            type="button"
            className="split-strip"
            onClick={() => toggle(p)}
            title={`Show ${p.label}`}
            aria-label={`Show ${p.label}`}
          >
            {p.label}
          </button>
        ) : (
          <>
            <div className="split-view">{p.view}</div>
            {p.collapsible !== false && (
              <button
                type="button"
                className="split-toggle"
                onClick={() => toggle(p)}
                title={collapsed ? `Show ${p.label}` : `Collapse ${p.label}`}
                aria-label={collapsed ? `Show ${p.label}` : `Collapse ${p.label}`}
                aria-expanded={!collapsed}
                data-testid={`collapse-${p.id}`}
              >
                {collapsed ? '+' : '–'}
              </button>
            )}
          </>
        )}
      </div>,
    );
    const next = panes[i + 1];
    if (next === undefined) return;
    const share = Math.round((100 * weight(p)) / (weight(p) + weight(next)));
    children.push(
      <div
        key={`${p.id}|${next.id}`}
        className="splitter"
        role="separator"
        tabIndex={0}
        data-own-arrows
        data-testid={`splitter-${p.id}`}
        aria-orientation={horizontal ? 'vertical' : 'horizontal'}
        aria-valuenow={share}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-label={`Resize ${p.label} and ${next.label} (arrow keys; Enter collapses or shows ${p.collapsible !== false ? p.label : next.label})`}
        onKeyDown={(e) => onKey(e, p, next)}
        onDoubleClick={() => toggle(p.collapsible !== false ? p : next)}
        onPointerDown={(e) => onDown(e, p, next)}
        onPointerMove={(e) => onMove(e, p, next)}
        onPointerUp={onUp}
        onPointerCancel={onUp}
      />,
    );
  });

  return (
    <div ref={rootRef} className={`split split-${direction} ${className ?? ''}`} data-split={id}>
      {children}
    </div>
  );
}
