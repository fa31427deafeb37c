// The three columns under the toolbar: a side panel with a draggable edge, the centre, the right.
import { useRef, useState, type ReactNode } from 'react';

export function Workbench({
  side,
  center,
  right,
}: {
  side: ReactNode;
  center: ReactNode;
  right: ReactNode;
}) {
  const [width, setWidth] = useState(() => Math.round(Math.min(340, window.innerWidth * 0.22)));
  const [dragging, setDragging] = useState(false);
  const start = useRef<{ x: number; w: number } | null>(null);
  return (
    <div
      className={`main${width < 40 ? ' side-closed' : ''}`}
      style={{ ['--side' as string]: `${width}px` }}
    >
      {side}
      <div
        className={`splitter${dragging ? ' dragging' : ''}`}
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize the source panel (double-click to hide or show)"
        onDoubleClick={() => setWidth((w) => (w < 40 ? 340 : 0))}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          start.current = { x: e.clientX, w: width };
          setDragging(true);
        }}
        onPointerMove={(e) => {
          if (start.current === null) return;
          setWidth(Math.max(0, Math.min(900, start.current.w + e.clientX - start.current.x)));
        }}
        onPointerUp={() => {
          start.current = null;
          setDragging(false);
        }}
      />
      {center}
      {right}
    </div>
  );
}
