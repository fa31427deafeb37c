// The page's theme as React state: whatever sets `<html data-theme>` (the toolbar's toggle, the
// `?theme=` address, the system setting; presenter/theme.ts), the views that cannot follow CSS
// variables by themselves (the timeline's canvas, Monaco) re-render when it changes.
import { useSyncExternalStore } from 'react';

export type DocumentTheme = 'dark' | 'light';

function subscribe(changed: () => void): () => void {
  const observer = new MutationObserver(changed);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

const current = (): DocumentTheme =>
  document.documentElement.dataset.theme === 'light' ? 'light' : 'dark';

export function useDocumentTheme(): DocumentTheme {
  return useSyncExternalStore(subscribe, current, () => 'dark');
}
