// Binds autosave to React: schedules a save whenever the work changes and writes it at once when
// the page is hidden or closed, so a reload or a crash right after typing loses nothing.
import { useEffect } from 'react';
import type { Autosave, SavedWork } from './autosave';

/**
 * `work` null (e.g. before the restored text is in place) saves nothing. Re-runs only when one
 * of the saved fields changes, so passing a fresh object each render costs nothing.
 */
export function useAutosave(autosave: Autosave, work: Omit<SavedWork, 'savedAt'> | null): void {
  const source = work?.source;
  const overrides = work?.overrides;
  const file = work?.file;
  const scenarioId = work?.scenarioId;
  const baseline = work?.baseline;
  const overridesKey = overrides === undefined ? '' : JSON.stringify(overrides);

  useEffect(() => {
    if (source === undefined) return;
    const next: Omit<SavedWork, 'savedAt'> = { source };
    if (overridesKey !== '') next.overrides = JSON.parse(overridesKey) as SavedWork['overrides'];
    if (file !== undefined) next.file = file;
    if (scenarioId !== undefined) next.scenarioId = scenarioId;
    if (baseline !== undefined) next.baseline = baseline;
    autosave.schedule(next);
  }, [autosave, source, overridesKey, file, scenarioId, baseline]);

  useEffect(() => {
    const flush = () => autosave.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [autosave]);
}
