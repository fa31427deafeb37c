// Installs the keyboard shortcuts (shortcuts.ts) on the window for as long as the app is shown.
import { useEffect } from 'react';
import { useAppStoreApi } from '../../store/AppStoreProvider';
import { shortcutFor } from './shortcuts';

export function useShortcuts(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = shortcutFor(e);
      if (s === null) return;
      e.preventDefault();
      s.run(store.getState());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
