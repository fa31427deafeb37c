// The scenario editor: Monaco with the scenario API's types (autocomplete, hovers, inline type
// errors from the TS worker) and the engine's markers on the lines that caused them. Controlled
// by props; load it with React.lazy so the first screen never waits for Monaco.
import { useEffect, useRef } from 'react';
import type { editor as MonacoEditor } from 'monaco-editor/editor';
import type { EditorMarker } from '../../playground/markers';
import { exposeMarkers, toEditorMarkers, toMarkerData } from './editorMarkers';
import { exposeEditorText, hideEditorText } from './editorTestHook';
import { useDocumentTheme } from '../../components/useDocumentTheme';
import {
  APP_LIGHT_THEME,
  APP_THEME,
  getMonaco,
  RUNTIME_OWNER,
  typeScriptChecked,
} from './monacoSetup';
import { SCENARIO_MODEL_PATH } from './scenarioLib';

export interface EditorPaneProps {
  /**
   * The text to show. Monaco owns its text while the user types (onChange tells the app); `value`
   * is written into the editor only when `version` changes: an explicit replacement from outside
   * (an example, a file, a link). A re-render with an older copy never touches newer keystrokes.
   */
  value: string;
  version: number;
  onChange: (value: string) => void;
  /** The engine's markers: load, runtime, fault and watchdog errors, by line. */
  markers: readonly EditorMarker[];
  /** Type and syntax errors from the TS worker, each time they change (the app blocks Run on errors). */
  onDiagnostics?: (diagnostics: EditorMarker[]) => void;
  /** Ctrl/Cmd+Enter in the editor. */
  onRun?: () => void;
  readOnly?: boolean;
  /**
   * Scroll to this line and put the cursor on it. A number moves when it changes; an object moves
   * each time a new one is passed (to show the same line again).
   */
  revealLine?: number | { line: number };
  /** A Monaco theme; default: the app's own, dark or light as the page is. */
  theme?: 'vs' | 'vs-dark' | typeof APP_THEME | typeof APP_LIGHT_THEME;
  /** Retroactive logpoints, drawn in the glyph margin (with a glyph margin only when given). */
  logpoints?: readonly LogpointMark[];
  /** A click in the glyph margin of a line (to add or edit its logpoint). */
  onGlyphClick?: (line: number) => void;
  /** Edits moved logpoints to other lines (or removed their lines: not listed). */
  onLogpointsMoved?: (moved: LogpointMark[]) => void;
}

export interface LogpointMark {
  id: number;
  line: number;
  expression: string;
}

const FOCUSABLE =
  'button:not([disabled]), a[href], input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Focus the next (or previous) focusable element of the page outside the editor's host. */
function leaveEditor(host: HTMLElement, direction: 1 | -1): void {
  const all = Array.from(document.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => !host.contains(el) && el.offsetParent !== null,
  );
  const after = all.filter(
    (el) =>
      (host.compareDocumentPosition(el) &
        (direction === 1 ? Node.DOCUMENT_POSITION_FOLLOWING : Node.DOCUMENT_POSITION_PRECEDING)) !==
      0,
  );
  const target = direction === 1 ? after[0] : after[after.length - 1];
  (target ?? all[0])?.focus();
}

export default function EditorPane(props: EditorPaneProps) {
  const page = useDocumentTheme();
  const {
    version,
    markers,
    readOnly = false,
    revealLine,
    theme = page === 'light' ? APP_LIGHT_THEME : APP_THEME,
    logpoints,
  } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<MonacoEditor.IStandaloneCodeEditor | null>(null);
  const decorations = useRef<MonacoEditor.IEditorDecorationsCollection | null>(null);
  // Callbacks change on every render; the editor's listeners read the latest through this.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    const monaco = getMonaco();
    const host = hostRef.current;
    if (host === null) return;
    const uri = monaco.Uri.parse(SCENARIO_MODEL_PATH);
    monaco.editor.getModel(uri)?.dispose();
    const model = monaco.editor.createModel(latest.current.value, 'typescript', uri);
    model.setEOL(monaco.editor.EndOfLineSequence.LF);
    const editor = monaco.editor.create(host, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      tabSize: 2,
      fontSize: 13,
      ariaLabel: 'Scenario editor',
      glyphMargin: latest.current.logpoints !== undefined,
    });
    editorRef.current = editor;
    decorations.current = editor.createDecorationsCollection();
    const glyph = editor.onMouseDown((e) => {
      if (e.target.type !== monaco.editor.MouseTargetType.GUTTER_GLYPH_MARGIN) return;
      const line = e.target.position?.lineNumber;
      if (line !== undefined) latest.current.onGlyphClick?.(line);
    });
    const changed = model.onDidChangeContent(() => {
      latest.current.onChange(model.getValue());
      // Logpoints stay on their statement as lines are added or removed above them.
      const lps = latest.current.logpoints;
      const ranges = decorations.current?.getRanges() ?? [];
      if (lps === undefined || lps.length === 0 || ranges.length !== lps.length) return;
      const moved = lps.map((lp, i) => ({ ...lp, line: ranges[i]!.startLineNumber }));
      if (moved.some((m, i) => m.line !== lps[i]!.line)) latest.current.onLogpointsMoved?.(moved);
    });
    const markersChanged = monaco.editor.onDidChangeMarkers((uris) => {
      if (!uris.some((u) => u.toString() === uri.toString())) return;
      const all = monaco.editor.getModelMarkers({ resource: uri });
      exposeMarkers(all);
      const compile = all.filter((m) => m.owner !== RUNTIME_OWNER);
      latest.current.onDiagnostics?.(toEditorMarkers(compile));
    });
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => latest.current.onRun?.());
    // Tab indents in the editor, so it would never leave: Esc then Tab (or Shift+Tab) moves the
    // focus out, like Monaco's own Ctrl+M, which switches Tab to moving the focus for good.
    let escaped = false;
    const keys = editor.onKeyDown((e) => {
      if (e.keyCode === monaco.KeyCode.Escape) {
        escaped = true;
        return;
      }
      if (e.keyCode === monaco.KeyCode.Tab && escaped) {
        e.preventDefault();
        e.stopPropagation();
        leaveEditor(host, e.shiftKey ? -1 : 1);
      }
      escaped = false;
    });
    document.body.dataset.editorReady = 'true';
    exposeEditorText(
      () => model.getValue(),
      () => editor.focus(),
      () => typeScriptChecked(model),
    );
    return () => {
      hideEditorText();
      glyph.dispose();
      decorations.current?.clear();
      decorations.current = null;
      changed.dispose();
      keys.dispose();
      markersChanged.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
      delete document.body.dataset.editorReady;
      delete document.body.dataset.editorMarkers;
    };
  }, []);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    const value = latest.current.value;
    if (!model || model.getValue() === value) return;
    // An edit rather than setValue, so Ctrl+Z brings back the text that was replaced.
    editorRef.current?.pushUndoStop();
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
    editorRef.current?.pushUndoStop();
  }, [version]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    // A marker past the end belongs to text that is gone (the script was replaced since the run).
    const current = markers.filter((m) => m.line <= model.getLineCount());
    getMonaco().editor.setModelMarkers(
      model,
      RUNTIME_OWNER,
      current.map((m) => toMarkerData(model, m)),
    );
  }, [markers]);

  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly });
  }, [readOnly]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model || logpoints === undefined) return;
    decorations.current?.set(
      logpoints
        .filter((lp) => lp.line <= model.getLineCount())
        .map((lp) => ({
          range: { startLineNumber: lp.line, startColumn: 1, endLineNumber: lp.line, endColumn: 1 },
          options: {
            glyphMarginClassName: 'logpoint-glyph',
            glyphMarginHoverMessage: { value: `Logpoint: \`${lp.expression}\`` },
            stickiness: 1, // NeverGrowsWhenTypingAtEdges
          },
        })),
    );
    document.body.dataset.logpointLines = logpoints.map((lp) => lp.line).join(',');
  }, [logpoints]);

  useEffect(() => {
    getMonaco().editor.setTheme(theme);
  }, [theme]);

  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || revealLine === undefined) return;
    const wanted = typeof revealLine === 'number' ? revealLine : revealLine.line;
    const line = Math.min(Math.max(1, wanted), model.getLineCount());
    editor.revealLineInCenter(line);
    editor.setPosition({
      lineNumber: line,
      column: model.getLineFirstNonWhitespaceColumn(line) || 1,
    });
    editor.focus();
  }, [revealLine]);

  return (
    <div
      ref={hostRef}
      data-testid="editor-pane"
      style={{ width: '100%', height: '100%', minHeight: 0 }}
    />
  );
}
