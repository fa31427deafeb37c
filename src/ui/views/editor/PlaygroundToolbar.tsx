// The playground's toolbar: Examples, Run, Reset, Share, Download, Open file, and a status line
// that shows the first compile error (Run waits until there are none). Props only, no store: the
// app decides what each action does to the editor and the machine.
import { useRef, useState } from 'react';
import type { EditorMarker } from '../../playground/markers';
import { openScenarioFile } from '../../playground/scenarioFile';
import type { SharePayload } from '../../playground/shareLink';
import { ExamplesMenu, type ExampleItem } from './ExamplesMenu';
import { ShareStatus } from './ShareStatus';
import { useShare } from './useShare';
import './playground.css';

export type { ExampleItem };

export interface PlaygroundToolbarProps {
  examples: readonly ExampleItem[];
  currentExampleId?: string | null;
  onOpenExample: (id: string) => void;
  onRun: () => void;
  /** Run is also disabled while `diagnostics` holds an error. */
  runDisabled?: boolean;
  /** Load the editor's text into the machine again and go back to the start. */
  onReset: () => void;
  /** What a share link holds, read when Share is pressed. Keep it stable (useCallback). */
  getSharePayload: () => SharePayload;
  onDownload: () => void;
  /** A file the user chose, already checked to be a text .ts/.js file of sane size. */
  onOpenFile: (file: { name: string; text: string }) => void;
  /** Type and syntax errors from EditorPane.onDiagnostics. */
  diagnostics: readonly EditorMarker[];
  /** Clicking the compile status reveals the error's line. */
  onRevealLine?: (line: number) => void;
  /** A message from the app: restored work, an opened link, a damaged link, a worker restart. */
  notice?: {
    text: string;
    tone: 'info' | 'error';
    action?: { label: string; run: () => void };
  } | null;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function PlaygroundToolbar(props: PlaygroundToolbarProps) {
  const { diagnostics, onRevealLine, notice } = props;
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const { state: shareState, share, dismiss } = useShare(props.getSharePayload);

  const errors = diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0];
  const runBlocked = first !== undefined;

  const onFileChosen = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (file === undefined) return;
    const opened = await openScenarioFile(file);
    if (!opened.ok) {
      setFileError(opened.message);
      return;
    }
    setFileError(null);
    props.onOpenFile({ name: opened.name, text: opened.text });
  };

  return (
    <div className="pg-toolbar" role="toolbar" aria-label="Playground">
      <div className="pg-buttons">
        <ExamplesMenu
          examples={props.examples}
          currentId={props.currentExampleId}
          onOpen={props.onOpenExample}
        />
        <button
          type="button"
          className="pg-run"
          onClick={props.onRun}
          disabled={runBlocked || props.runDisabled === true}
          title={runBlocked ? 'Fix the errors in the script first' : 'Run the script (Ctrl+Enter)'}
        >
          Run
        </button>
        <button
          type="button"
          onClick={props.onReset}
          title="Load the script again and go back to the start"
        >
          Reset
        </button>
        <button type="button" onClick={() => void share()} disabled={shareState.kind === 'working'}>
          Share
        </button>
        <button type="button" onClick={props.onDownload} title="Save the script as a .ts file">
          Download .ts
        </button>
        <button type="button" onClick={() => fileRef.current?.click()}>
          Open file…
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".ts,.mts,.js,.mjs"
          hidden
          onChange={(e) => void onFileChosen(e.currentTarget)}
        />
      </div>
      <div className="pg-status" role="status" aria-live="polite" data-testid="playground-status">
        {first !== undefined && (
          <button
            type="button"
            className="pg-compile-error"
            onClick={() => onRevealLine?.(first.line)}
            title="Show this line"
          >
            {plural(errors.length, 'error')}: line {first.line}: {first.message}
          </button>
        )}
        <ShareStatus state={shareState} onDownload={props.onDownload} onDismiss={dismiss} />
        {fileError !== null && <span className="pg-error">{fileError}</span>}
        {notice && (
          <span className={notice.tone === 'error' ? 'pg-error' : 'pg-info'}>
            {notice.text}
            {notice.action && (
              <>
                {' '}
                <button type="button" className="pg-notice-action" onClick={notice.action.run}>
                  {notice.action.label}
                </button>
              </>
            )}
          </span>
        )}
      </div>
    </div>
  );
}
