// For end-to-end tests: the editor's text as the model holds it (Monaco renders only the visible
// lines, so the DOM cannot tell). Import it type-only from a spec to get the Window field.

export interface EditorTestHook {
  getValue(): string;
  /** Put the keyboard focus in the editor, as a click on its text would. */
  focus(): void;
  /** Resolves once the editor's TypeScript worker has checked the text as it is now. */
  checked(): Promise<void>;
}

declare global {
  interface Window {
    __ipcscopeEditor?: EditorTestHook;
  }
}

export function exposeEditorText(
  getValue: () => string,
  focus: () => void,
  checked: () => Promise<void>,
): void {
  window.__ipcscopeEditor = { getValue, focus, checked };
}

export function hideEditorText(): void {
  delete window.__ipcscopeEditor;
}
