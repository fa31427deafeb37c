// Installs the teaching keys on the window for as long as the app is shown.
import { useEffect } from 'react';
import { useTeachingApi } from '../lessons/TeachingProvider';
import { useAppStoreApi } from '../store/AppStoreProvider';
import { teachingShortcutFor } from './teachingShortcuts';

export function useTeachingShortcuts(): void {
  const app = useAppStoreApi();
  const teaching = useTeachingApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = teachingShortcutFor(e);
      if (s === null) return;
      e.preventDefault();
      s.run(app, teaching);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [app, teaching]);
}
