// Between the app's EditorMarker and Monaco's marker data, both ways, and the copy of the model's
// markers in document.body.dataset.editorMarkers that end-to-end tests read (stack.md "Checking
// Monaco's workers from a test"). Monaco types only: this module loads no Monaco code.
import type { editor, MarkerSeverity } from 'monaco-editor/editor';
import type { EditorMarker, MarkerSource } from '../../playground/markers';

// MarkerSeverity's values (an ambient enum: its values are not importable at run time).
const SEVERITY = { error: 8, warning: 4, info: 2 } as const;
const HINT = 1;

/** The few model methods needed to place a marker. */
export type MarkerModel = Pick<
  editor.ITextModel,
  'getLineCount' | 'getLineMaxColumn' | 'getLineFirstNonWhitespaceColumn' | 'getWordAtPosition'
>;

/** A marker on the model: a column marks the word there, no column marks the line's text. */
export function toMarkerData(model: MarkerModel, m: EditorMarker): editor.IMarkerData {
  const lines = model.getLineCount();
  const line = Math.min(Math.max(1, m.line), lines);
  const maxColumn = model.getLineMaxColumn(line);
  let startColumn = m.column ?? (model.getLineFirstNonWhitespaceColumn(line) || 1);
  startColumn = Math.min(Math.max(1, startColumn), maxColumn);
  const endLine = Math.min(Math.max(line, m.endLine ?? line), lines);
  let endColumn = m.endColumn ?? maxColumn;
  if (m.endColumn === undefined && m.column !== undefined) {
    const word = model.getWordAtPosition({ lineNumber: line, column: startColumn });
    if (word !== null) endColumn = word.endColumn;
  }
  if (endLine === line && endColumn <= startColumn) endColumn = maxColumn;
  return {
    severity: SEVERITY[m.severity],
    message: m.message,
    source: m.source,
    startLineNumber: line,
    startColumn,
    endLineNumber: endLine,
    endColumn,
  };
}

function severityOf(s: MarkerSeverity): EditorMarker['severity'] {
  const n = s as number;
  return n >= SEVERITY.error ? 'error' : n >= SEVERITY.warning ? 'warning' : 'info';
}

/** The TS worker's markers as EditorMarkers (hints, like "unused", are left out), by position. */
export function toEditorMarkers(
  markers: readonly editor.IMarker[],
  source: MarkerSource = 'compile',
): EditorMarker[] {
  return markers
    .filter((m) => (m.severity as number) > HINT)
    .map((m) => ({
      line: m.startLineNumber,
      column: m.startColumn,
      endLine: m.endLineNumber,
      endColumn: m.endColumn,
      message: m.message,
      severity: severityOf(m.severity),
      source,
    }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

/** What e2e tests read: every marker of the model, with its owner. */
export function describeMarkers(markers: readonly editor.IMarker[]) {
  return markers.map((m) => ({
    owner: m.owner,
    severity: severityOf(m.severity),
    line: m.startLineNumber,
    column: m.startColumn,
    message: m.message,
  }));
}

export function exposeMarkers(markers: readonly editor.IMarker[]): void {
  document.body.dataset.editorMarkers = JSON.stringify(describeMarkers(markers));
}
