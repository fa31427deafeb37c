// Monaco, bundled locally (stack.md "Monaco"): the slim entry points (editor + TypeScript only),
// the two workers through Vite's `?worker` with the 0.56+ import paths, and the TypeScript
// language service set up for scenario files. Imported only by the lazily loaded EditorPane, so
// the first screen never waits for Monaco.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/typescript/register';
import {
  getTypeScriptWorker,
  typescriptDefaults,
  type CompilerOptions,
} from 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import declarations from '../../../sim/script/ipcscope.d.ts?raw';
import { EDITOR_COMPILER_OPTIONS, SCENARIO_LIB_PATH, wrapAsAmbientModule } from './scenarioLib';

/** The editor's theme in the app: vs-dark on the app's panel colour. */
export const APP_THEME = 'ipcscope-dark';

/** The same for the app's light theme (theme.css `:root[data-theme='light']`): vs on white. */
export const APP_LIGHT_THEME = 'ipcscope-light';

/** Owner of the engine's markers (the TS worker's own are owned by 'typescript'). */
export const RUNTIME_OWNER = 'ipcscope';

function configure(): typeof monaco {
  // Without getWorker the core editor worker is inlined as a data: URL and fails to start.
  self.MonacoEnvironment = {
    getWorker(_id: string, label: string) {
      return label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker();
    },
  };
  // The declared ModuleResolutionKind stops at NodeJs; the worker's TypeScript knows Bundler.
  const options = { ...EDITOR_COMPILER_OPTIONS, lib: [...EDITOR_COMPILER_OPTIONS.lib] };
  typescriptDefaults.setCompilerOptions(options as unknown as CompilerOptions);
  typescriptDefaults.setDiagnosticsOptions({
    noSemanticValidation: false,
    noSyntaxValidation: false,
  });
  typescriptDefaults.setExtraLibs([
    { content: wrapAsAmbientModule(declarations), filePath: SCENARIO_LIB_PATH },
  ]);
  typescriptDefaults.setEagerModelSync(true);
  // vs-dark on the app's panel colour (theme.css --panel), so the editor sits in its panel.
  monaco.editor.defineTheme(APP_THEME, {
    base: 'vs-dark',
    inherit: true,
    // vs-dark's comment green is 4.4:1 on this panel; this one reaches 5.2:1 (WCAG 1.4.3).
    rules: [{ token: 'comment', foreground: '6a9955' }],
    colors: { 'editor.background': '#151b23', 'editorGutter.background': '#151b23' },
  });
  monaco.editor.defineTheme(APP_LIGHT_THEME, {
    base: 'vs',
    inherit: true,
    rules: [],
    colors: { 'editor.background': '#ffffff', 'editorGutter.background': '#ffffff' },
  });
  return monaco;
}

let configured: typeof monaco | null = null;

/** Monaco, configured for scenario files (once per page). */
export function getMonaco(): typeof monaco {
  configured ??= configure();
  return configured;
}

/** Resolves once the TypeScript worker has checked `model` as it is now (its diagnostics). */
export async function typeScriptChecked(model: monaco.editor.ITextModel): Promise<void> {
  const workerFor = await getTypeScriptWorker();
  const worker = await workerFor(model.uri);
  await worker.getSemanticDiagnostics(model.uri.toString());
}
