// The timeline: a track per core and per thread, user vs kernel vs spinning time, messages as
// arrows (a sequence chart). Wheel zooms around the pointer, drag pans, shift+wheel scrolls the
// tracks; hovering shows what a span or an arrow is, a click selects it (the cursor moves to its
// event, its thread is selected) and the view follows the selection. Focusable: keys in
// timelineKeys.ts. Follows the run until zoomed.
import { useEffect, useRef, useState } from 'react';
import { Panel } from '../../components/Panel';
import { useDocumentTheme } from '../../components/useDocumentTheme';
import { useElementSize } from '../../components/useElementSize';
import { fmtInt } from '../../format';
import { useActions, useAppStore } from '../../store/AppStoreProvider';
import { drawTimeline, MAX_ARROWS, readPalette, type Palette } from './drawTimeline';
import { firstAtOrAfter, spanAt } from '../../../projection/timeline';
import { recordDrawn } from './drawnRecord';
import { timelineKey } from './timelineKeys';
import {
  AXIS,
  fittedEnd,
  GUTTER,
  layoutRows,
  pickAt,
  pickThread,
  threadRow,
  tOf,
  zoom,
  type Pick,
  type Row,
  type View,
} from './timelineLayout';
import { describePick } from './timelineTooltip';
import './timeline.css';

/** While running, the canvas redraws at most this often (10 times a second). */
const DRAW_MS = 100;

export function TimelineView() {
  const timeline = useAppStore((s) => s.timeline);
  const log = useAppStore((s) => s.log);
  const version = useAppStore((s) => s.logVersion);
  const running = useAppStore((s) => s.running);
  const cursorT = useAppStore((s) =>
    s.cursor > 0 && s.cursor <= s.log.length ? s.log.timeAt(s.cursor - 1) : null,
  );
  const selectedThread = useAppStore((s) => s.selectedThread);
  const { seek, selectThread } = useActions();
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const size = useElementSize(boxRef);
  // A zoomed view belongs to one run: a new timeline starts fitted again.
  const [zoomed, setZoomed] = useState<{ of: unknown; view: View } | null>(null);
  const view = zoomed !== null && zoomed.of === timeline ? zoomed.view : null;
  const setView = (v: View | null) => setZoomed(v === null ? null : { of: timeline, view: v });
  // Scrolling the tracks is not zooming: the fitted view keeps following the run.
  const [scrollY, setScrollY] = useState(0);
  const [hover, setHover] = useState<{ x: number; y: number; pick: Pick } | null>(null);
  // The canvas cannot follow CSS variables: read them again when the theme changes.
  const theme = useDocumentTheme();
  const palette = useRef<{ theme: string; colours: Palette } | null>(null);
  const drag = useRef<{ x: number; y: number; view: View; moved: boolean } | null>(null);
  // Rows grow with the log (a thread seen for the first time): cheap, so laid out every render.
  const rows = timeline && version >= 0 ? layoutRows(timeline) : null;
  const end = Math.max(1, timeline?.end ?? 1);
  const maxScroll = Math.max(0, (rows?.height ?? 0) + AXIS - size.height);
  const clampY = (y: number) => Math.max(0, Math.min(maxScroll, y));
  // Fitted while running, the right edge grows in steps (fittedEnd), so the past keeps its
  // pixels and a frame adds only the new spans (drawTimeline); paused, it fits the run.
  const range = view ?? { t0: 0, t1: fittedEnd(end, running) };
  const shown: View = { t0: range.t0, t1: range.t1, scrollY: clampY(scrollY) };
  const selectedRow: Row | null =
    rows && timeline && selectedThread !== null ? threadRow(rows, timeline, selectedThread) : null;
  const msgs = timeline?.messages.t;
  const hiddenArrows =
    msgs !== undefined &&
    firstAtOrAfter(msgs, shown.t1 + 1) - firstAtOrAfter(msgs, shown.t0) > MAX_ARROWS;

  // The view follows the selection: a cursor that leaves a zoomed view pans it back into view,
  // and a newly selected thread's track is scrolled into view (adjusted while rendering, as
  // React does state that follows other state).
  const [followed, setFollowed] = useState({ cursorT, selectedThread });
  if (followed.cursorT !== cursorT || followed.selectedThread !== selectedThread) {
    setFollowed({ cursorT, selectedThread });
    if (view !== null && cursorT !== null && cursorT !== followed.cursorT) {
      const span = view.t1 - view.t0;
      if (cursorT < view.t0 || cursorT > view.t1) {
        setView({ ...view, t0: cursorT - span / 2, t1: cursorT + span / 2 });
      }
    }
    if (selectedRow !== null && selectedThread !== followed.selectedThread) {
      const room = size.height - AXIS;
      if (selectedRow.y < shown.scrollY) setScrollY(clampY(selectedRow.y - 4));
      else if (selectedRow.y + selectedRow.h > shown.scrollY + room) {
        setScrollY(clampY(selectedRow.y + selectedRow.h - room + 4));
      }
    }
  }

  const lastDraw = useRef(0);
  /** A deferred redraw's time came: the next effect draws. */
  const due = useRef(false);
  // What the last frame drew from: a hover re-renders the tooltip, not the canvas.
  const drawnFrom = useRef<unknown[]>([]);
  // Bumped by the deferred redraw: a state change re-renders, and the effect below draws.
  const [, setRedraw] = useState(0);
  useEffect(() => {
    const c = canvasRef.current;
    if (c === null || timeline === null || rows === null || size.width === 0) return;
    const from: unknown[] = [
      timeline,
      version,
      shown.t0,
      shown.t1,
      shown.scrollY,
      size.width,
      size.height,
    ];
    from.push(cursorT, selectedRow?.index ?? -1, timeline.count, rows.rows.length);
    if (from.every((v, i) => v === drawnFrom.current[i])) return;
    // While running, redraw at most DRAW_MS apart (the latest state wins), in a task of its
    // own rather than in the commit of the store's update, so neither makes a long frame;
    // stepping and zooming redraw at once.
    if (running && !due.current) {
      const wait = Math.max(0, lastDraw.current + DRAW_MS - performance.now());
      const t = setTimeout(() => {
        due.current = true;
        setRedraw((n) => n + 1);
      }, wait);
      return () => clearTimeout(t);
    }
    due.current = false;
    lastDraw.current = performance.now();
    drawnFrom.current = from;
    const dpr = window.devicePixelRatio || 1;
    if (c.width !== size.width * dpr || c.height !== size.height * dpr) {
      c.width = size.width * dpr;
      c.height = size.height * dpr;
    }
    const ctx = c.getContext('2d');
    if (ctx === null) return;
    if (palette.current?.theme !== theme) palette.current = { theme, colours: readPalette(c) };
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawTimeline(ctx, timeline, rows, shown, size, cursorT, palette.current.colours, selectedRow);
    recordDrawn(timeline, rows, shown, size.width, size.height);
    return undefined;
  });

  const pointAt = (e: React.PointerEvent | React.WheelEvent) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };
  const onWheel = (e: React.WheelEvent) => {
    if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
      setScrollY(clampY(shown.scrollY + (e.shiftKey ? e.deltaY : e.deltaX)));
      return;
    }
    const at = tOf(shown, size.width, pointAt(e).x);
    setView(zoom(shown, at, Math.exp(e.deltaY * 0.0015)));
  };
  const onPointerDown = (e: React.PointerEvent) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, y: e.clientY, view: shown, moved: false };
  };
  const onPointerMove = (e: React.PointerEvent) => {
    const d = drag.current;
    if (d === null) {
      if (timeline === null || rows === null) return;
      const { x, y } = pointAt(e);
      const pick = pickAt(timeline, rows, shown, size.width, x, y);
      setHover(pick === null ? null : { x, y, pick });
      return;
    }
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < 4) return;
    d.moved = true;
    setHover(null);
    const dt = (dx / Math.max(1, size.width - GUTTER)) * (d.view.t1 - d.view.t0);
    setView({ t0: d.view.t0 - dt, t1: d.view.t1 - dt, scrollY: 0 });
    setScrollY(clampY(d.view.scrollY - dy));
  };
  const onPointerUp = (e: React.PointerEvent) => {
    const d = drag.current;
    drag.current = null;
    if (d === null || d.moved || timeline === null || rows === null) return;
    const { x, y } = pointAt(e);
    const pick = pickAt(timeline, rows, shown, size.width, x, y);
    if (pick === null) return;
    seek(pick.index + 1);
    const thread = pickThread(timeline, pick);
    if (thread !== null) selectThread(thread);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (timeline === null || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Enter' && selectedRow !== null) {
      // The selected thread's next span start after the cursor (or the view's start).
      const s = timeline.threads[selectedRow.index]!;
      const from = cursorT ?? shown.t0;
      const k = spanAt(s, from) + 1;
      if (k > 0 && k < s.start.length) seek(s.index[k]! + 1);
      else if (k === 0 && s.start.length > 0) seek(s.index[0]! + 1);
      e.preventDefault();
      e.stopPropagation();
      return;
    }
    const a = timelineKey(e.key, timeline, shown, cursorT, selectedThread);
    if (a === null) return;
    e.preventDefault();
    e.stopPropagation();
    if (a.kind === 'view') setView(a.view === null ? null : a.view);
    else if (a.kind === 'thread') selectThread(a.name);
  };

  const tip = hover !== null && timeline !== null ? describePick(timeline, log, hover.pick) : null;
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
            title="Show the whole run and follow it (0 on the focused timeline)"
          >
            fit
          </button>
        </>
      }
    >
      <div
        className="timeline-box"
        ref={boxRef}
        tabIndex={0}
        role="group"
        aria-label="Timeline: arrows pan, + and - zoom, up and down select a thread, Enter goes to its next event"
        data-own-arrows
        data-testid="timeline-box"
        onWheel={onWheel}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerLeave={() => setHover(null)}
        onKeyDown={onKeyDown}
      >
        <canvas
          ref={canvasRef}
          style={{ width: size.width, height: size.height }}
          data-testid="timeline-canvas"
          data-selected-thread={selectedThread ?? ''}
        />
        {tip !== null && hover !== null && (
          <div
            className="tl-tooltip"
            role="tooltip"
            data-testid="timeline-tooltip"
            data-kind={hover.pick.kind}
            style={{
              left: Math.min(hover.x + 14, Math.max(0, size.width - 300)),
              top: hover.y + 16 > size.height - 70 ? Math.max(0, hover.y - 74) : hover.y + 16,
            }}
          >
            <b>{tip.title}</b>
            {tip.lines.map((l) => (
              <div key={l}>{l}</div>
            ))}
          </div>
        )}
        {timeline === null && <div className="empty overlay">No run loaded.</div>}
      </div>
    </Panel>
  );
}
