// Opening an example (either menu), a file or a share link replaces the editor's text. With edits that exist
// nowhere else the user confirms first; otherwise the text is replaced at once. "Edits" means the
// text differs from the baseline: the text as it was last opened or downloaded.
import { useCallback } from 'react';
import { useAppStoreApi } from '../store/AppStoreProvider';

/** Line endings and trailing blanks are not edits worth a question. */
function normalize(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .trimEnd();
}

export function hasUnsavedEdits(current: string, baseline: string | null): boolean {
  if (normalize(current) === '') return false;
  return baseline === null || normalize(current) !== normalize(baseline);
}

export type ReplaceDecision = { ask: false } | { ask: true; question: string };

/** Whether replacing the text with `next` (a title, e.g. an example's name) needs a yes first. */
export function decideReplace(
  current: string,
  baseline: string | null,
  next: string,
): ReplaceDecision {
  if (!hasUnsavedEdits(current, baseline)) return { ask: false };
  return {
    ask: true,
    question:
      `Open "${next}"? It replaces the text in the editor, and your edits are not saved anywhere ` +
      'else (Download keeps a copy).',
  };
}

/**
 * Returns `replace(title, apply)`: runs `apply` when the editor's text (the store's draft, read at
 * the moment of asking, never a stale copy) has no unsaved edits or the user agrees, and tells
 * whether it ran. Every way of replacing the text goes through this. `confirm` defaults to the
 * browser's dialog.
 */
const browserConfirm = (q: string): boolean => window.confirm(q);

export function useConfirmReplace(
  confirm: (question: string) => boolean = browserConfirm,
): (title: string, apply: () => void) => boolean {
  const store = useAppStoreApi();
  return useCallback(
    (title, apply) => {
      const { text, baseline } = store.getState().draft;
      const d = decideReplace(text, baseline, title);
      if (d.ask && !confirm(d.question)) return false;
      apply();
      return true;
    },
    [store, confirm],
  );
}
