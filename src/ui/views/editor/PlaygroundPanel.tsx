// The playground panel: the toolbar over the Monaco editor, wired to the app store. It takes the
// read-only source panel's place; Monaco loads lazily, so the first screen never waits for it.
import { lazy, Suspense, useMemo, useState } from 'react';
import { collectMarkers, type EditorMarker } from '../../playground/markers';
import { useActions, useAppStore } from '../../store/AppStoreProvider';
import { PlaygroundToolbar } from './PlaygroundToolbar';
import { usePlaygroundSession } from './usePlaygroundSession';
import { LogpointBar } from '../debugger/LogpointBar';
import { useDebugActions } from '../debugger/useDebugActions';

const EditorPane = lazy(() => import('./EditorPane'));

const NO_FAULTS: never[] = [];

/** The engine's markers for the loaded script; the same array while their content is the same. */
function useEngineMarkers(): EditorMarker[] {
  const errors = useAppStore((s) => s.errors);
  const faults = useAppStore((s) => s.projection?.faults ?? NO_FAULTS);
  const source = useAppStore((s) => s.source);
  const file = useAppStore((s) => s.file);
  // Snapshots replace the projection often; the markers change far less: keep their identity.
  const key = useMemo(() => {
    const reports = faults.map((f) => ({ thread: f.thread, faultType: f.type, detail: f.detail }));
    return JSON.stringify(collectMarkers(errors, reports, source, file));
  }, [errors, faults, source, file]);
  return useMemo(() => JSON.parse(key) as EditorMarker[], [key]);
}

export function PlaygroundPanel() {
  const session = usePlaygroundSession();
  const engineMarkers = useEngineMarkers();
  const [diagnostics, setDiagnostics] = useState<EditorMarker[]>([]);
  const { editDraft, setDraftErrors } = useActions();
  const [reveal, setReveal] = useState<{ line: number } | null>(null);
  const logpoints = useAppStore((s) => s.logpoints);
  const { moveLogpoints } = useDebugActions();
  /** The line whose logpoint is being typed (a click in the glyph margin opens it). */
  const [logLine, setLogLine] = useState<number | null>(null);
  const { work } = session;
  const edited = work.baseline !== null && work.text !== work.baseline;
  const markers = session.showsLoadedScript ? engineMarkers : NO_FAULTS;

  return (
    <section className="panel side-panel" data-testid="editor" aria-label="Scenario editor">
      <header className="panel-head">
        <span className="panel-title mono">
          {work.file}
          {edited && <span title="Edited since it was opened"> •</span>}
        </span>
        <span className="spacer" />
        <span
          className="muted pg-keys"
          data-testid="editor-tab-hint"
          title="Tab indents inside the editor. Press Esc then Tab (or Shift+Tab) to move the focus out; Ctrl+M makes Tab move the focus until pressed again."
        >
          Esc Tab: leave
        </span>
      </header>
      <PlaygroundToolbar
        examples={session.examples}
        currentExampleId={work.exampleId}
        onOpenExample={session.openExample}
        onRun={session.run}
        runDisabled={!session.ready}
        onReset={session.reset}
        getSharePayload={session.getSharePayload}
        onDownload={session.download}
        onOpenFile={session.openFile}
        diagnostics={diagnostics}
        onRevealLine={(line) => setReveal({ line })}
        notice={session.notice}
      />
      {logLine !== null && <LogpointBar line={logLine} onClose={() => setLogLine(null)} />}
      <div className="panel-body" style={{ overflow: 'hidden', flex: 1, minHeight: 0 }}>
        <Suspense fallback={<div className="empty">Loading the editor…</div>}>
          <EditorPane
            value={work.text}
            version={work.version}
            onChange={editDraft}
            markers={markers}
            onDiagnostics={(d) => {
              setDiagnostics(d);
              setDraftErrors(d.filter((m) => m.severity === 'error').length);
            }}
            onRun={() => {
              if (!diagnostics.some((d) => d.severity === 'error')) session.run();
            }}
            revealLine={reveal ?? undefined}
            logpoints={logpoints}
            onGlyphClick={setLogLine}
            onLogpointsMoved={moveLogpoints}
          />
        </Suspense>
      </div>
    </section>
  );
}
