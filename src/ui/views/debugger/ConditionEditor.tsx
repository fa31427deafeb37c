// A small Monaco editor for a free-form breakpoint condition, typed against the read-only
// machine view (`machine`, `event`: src/debugger/conditionLib.ts), like the scenario editor is
// typed against the scenario API. Loaded lazily with Monaco.
import { useEffect, useRef } from 'react';
import { typescriptDefaults } from 'monaco-editor/languages/features/typescript/register';
import machineViewDts from '../../../debugger/machineView.d.ts?raw';
import { conditionLib } from '../../../debugger/conditionLib';
import { getMonaco } from '../editor/monacoSetup';

const LIB_PATH = 'file:///node_modules/@types/ipcscope-condition/index.d.ts';
/** "A 'return' statement can only be used within a function body": a condition is one. */
const RETURN_OUTSIDE_FUNCTION = 1108;

let libAdded = false;
let models = 0;

export interface ConditionEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** Ctrl/Cmd+Enter. */
  onSubmit?: () => void;
  label: string;
}

export default function ConditionEditor(props: ConditionEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  useEffect(() => {
    const monaco = getMonaco();
    if (!libAdded) {
      typescriptDefaults.addExtraLib(conditionLib(machineViewDts), LIB_PATH);
      libAdded = true;
    }
    const el = host.current;
    if (el === null) return;
    const uri = monaco.Uri.parse(`file:///condition-${++models}.ts`);
    const model = monaco.editor.createModel(latest.current.value, 'typescript', uri);
    const editor = monaco.editor.create(el, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      lineNumbers: 'off',
      glyphMargin: false,
      folding: false,
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      wordWrap: 'on',
      fontSize: 12,
      tabSize: 2,
      ariaLabel: latest.current.label,
    });
    const changed = model.onDidChangeContent(() => latest.current.onChange(model.getValue()));
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () =>
      latest.current.onSubmit?.(),
    );
    // Statements that `return` are a condition's body: drop that one complaint.
    const markers = monaco.editor.onDidChangeMarkers((uris) => {
      if (!uris.some((u) => u.toString() === uri.toString())) return;
      const all = monaco.editor.getModelMarkers({ resource: uri, owner: 'typescript' });
      const kept = all.filter((m) => m.code !== String(RETURN_OUTSIDE_FUNCTION));
      if (kept.length !== all.length) monaco.editor.setModelMarkers(model, 'typescript', kept);
      el.dataset.errors = String(kept.filter((m) => (m.severity as number) >= 8).length);
    });
    return () => {
      markers.dispose();
      changed.dispose();
      editor.dispose();
      model.dispose();
    };
  }, []);
  return <div ref={host} className="condition-editor" data-testid="condition-editor" />;
}
