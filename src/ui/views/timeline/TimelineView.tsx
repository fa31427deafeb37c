// The timeline: a track per core and per thread, user vs kernel vs spinning time, messages as
// arrows (a sequence chart). Wheel zooms around the pointer, drag pans, shift+wheel scrolls the
// tracks, a click moves the cursor to the event under the pointer. Follows the run until zoomed.
import { useEffect, useRef, useState } from 'react';
import { Panel } from '../../components/Panel';
import { useDocumentTheme } from '../../components/useDocumentTheme';
import { useElementSize } from '../../components/useElementSize';
import { fmtInt } from '../../format';
import { useActions, useAppStore } from '../../store/AppStoreProvider';
import { drawTimeline, MAX_ARROWS, readPalette, type Palette } from './drawTimeline';
import { firstAtOrAfter } from '../../../projection/timeline';
import { AXIS, hitTest, layoutRows, recordDrawn, tOf, zoom, type View } from './timelineLayout';
import './timeline.css';

/** While running, the canvas redraws at most this often (10 times a second). */
const DRAW_MS = 100;

export function TimelineView() {
  const timeline = useAppStore((s) => s.timeline);
  const version = useAppStore((s) => s.logVersion);
  const cursorT = useAppStore((s) =>
    s.cursor > 0 && s.cursor <= s.log.length ? s.log.timeAt(s.cursor - 1) : null,
  );
  const { seek } = useActions();
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const size = useElementSize(boxRef);
  // A zoomed view belongs to one run: a new timeline starts fitted again.
  const [zoomed, setZoomed] = useState<{ of: unknown; view: View } | null>(null);
  const view = zoomed !== null && zoomed.of === timeline ? zoomed.view : null;
  const setView = (v: View | null) => setZoomed(v === null ? null : { of: timeline, view: v });
  // The canvas cannot follow CSS variables: read them again when the theme changes.
  const theme = useDocumentTheme();
  const palette = useRef<{ theme: string; colours: Palette } | null>(null);
  const drag = useRef<{ x: number; y: number; view: View; moved: boolean } | null>(null);
  // Rows grow with the log (a thread seen for the first time): cheap, so laid out every render.
  const rows = timeline && version >= 0 ? layoutRows(timeline) : null;
  const end = Math.max(1, timeline?.end ?? 1);
  const fit: View = { t0: 0, t1: end * 1.02, scrollY: view?.scrollY ?? 0 };
  const shown = view ?? fit;
  const maxScroll = Math.max(0, (rows?.height ?? 0) + AXIS - size.height);
  const msgs = timeline?.messages.t;
  const hiddenArrows =
    msgs !== undefined &&
    firstAtOrAfter(msgs, shown.t1 + 1) - firstAtOrAfter(msgs, shown.t0) > MAX_ARROWS;

  const running = useAppStore((s) => s.running);
  const lastDraw = useRef(0);
  // Bumped by the deferred redraw: a state change re-renders, and the effect below draws.
  const [, setRedraw] = useState(0);
  useEffect(() => {
    const c = canvasRef.current;
    if (c === null || timeline === null || rows === null || size.width === 0) return;
    // While running, redraw at most DRAW_MS apart (the latest state wins); stepping and
    // zooming redraw at once.
    const wait = running ? lastDraw.current + DRAW_MS - performance.now() : 0;
    if (wait > 0) {
      const t = setTimeout(() => setRedraw((n) => n + 1), wait);
      return () => clearTimeout(t);
    }
    lastDraw.current = performance.now();
    const dpr = window.devicePixelRatio || 1;
    if (c.width !== size.width * dpr || c.height !== size.height * dpr) {
      c.width = size.width * dpr;
      c.height = size.height * dpr;
    }
    const ctx = c.getContext('2d');
    if (ctx === null) return;
    if (palette.current?.theme !== theme) palette.current = { theme, colours: readPalette(c) };
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const drawnView = { ...shown, scrollY: Math.min(shown.scrollY, maxScroll) };
    drawTimeline(ctx, timeline, rows, drawnView, size, cursorT, palette.current.colours);
    recordDrawn(timeline, rows, drawnView, size.width);
    return undefined;
  });

  const onWheel = (e: React.WheelEvent) => {
    const rect = e.currentTarget.getBoundingClientRect();
    if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
      const dy = e.shiftKey ? e.deltaY : e.deltaX;
      setView({ ...shown, scrollY: Math.max(0, Math.min(maxScroll, shown.scrollY + dy)) });
      return;
    }
    const at = tOf(shown, size.width, e.clientX - rect.left);
    setView(zoom(shown, at, Math.exp(e.deltaY * 0.0015)));
  };
  const onPointerDown = (e: React.PointerEvent) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, y: e.clientY, view: shown, moved: false };
  };
  const onPointerMove = (e: React.PointerEvent) => {
    const d = drag.current;
    if (d === null) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < 4) return;
    d.moved = true;
    const dt = (dx / Math.max(1, size.width - 112)) * (d.view.t1 - d.view.t0);
    setView({
      t0: d.view.t0 - dt,
      t1: d.view.t1 - dt,
      scrollY: Math.max(0, Math.min(maxScroll, d.view.scrollY - dy)),
    });
  };
  const onPointerUp = (e: React.PointerEvent) => {
    const d = drag.current;
    drag.current = null;
    if (d === null || d.moved || timeline === null || rows === null) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const hit = hitTest(
      timeline,
      rows,
      shown,
      size.width,
      e.clientX - rect.left,
      e.clientY - rect.top,
    );
    if (hit !== null) seek(hit + 1);
  };

  return (
    <Panel
      title="Timeline"
      testId="view-timeline"
      actions={
        <>
          <span className="tl-legend">
            <i className="mode-user" /> user <i className="mode-kernel" /> kernel{' '}
            <i className="mode-spinning" /> spinning
            <i className="msg call" /> call <i className="msg reply" /> reply{' '}
            <i className="msg send" /> send
            <i className="slowmark" /> slowpath
          </span>
          {hiddenArrows && (
            <span className="muted" title={`more than ${MAX_ARROWS} messages in view`}>
              zoom in to see messages
            </span>
          )}
          <span className="muted num">
            {fmtInt(shown.t0)} – {fmtInt(shown.t1)} cycles
          </span>
          <button
            onClick={() => setView(null)}
            disabled={view === null}
            title="Show the whole run and follow it"
          >
            fit
          </button>
        </>
      }
    >
      <div
        className="timeline-box"
        ref={boxRef}
        onWheel={onWheel}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        title="wheel: zoom · drag: pan · shift+wheel: scroll tracks · click: go to that event"
      >
        <canvas
          ref={canvasRef}
          style={{ width: size.width, height: size.height }}
          data-testid="timeline-canvas"
        />
        {timeline === null && <div className="empty overlay">No run loaded.</div>}
      </div>
    </Panel>
  );
}
