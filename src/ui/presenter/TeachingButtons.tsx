// The toolbar's teaching buttons: the lessons menu, presenter mode and the theme.
import { useTeaching, useTeachingApi } from '../lessons/TeachingProvider';
import { useAppStoreApi } from '../store/AppStoreProvider';
import { togglePresenter } from './teachingShortcuts';

export function TeachingButtons() {
  const teaching = useTeachingApi();
  const app = useAppStoreApi();
  const theme = useTeaching((s) => s.theme);
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <div className="toolbar-group" data-testid="teaching-buttons">
      <button
        onClick={() => teaching.store.setState({ menuOpen: true })}
        title="Guided lessons (L)"
        data-testid="open-lessons"
      >
        Lessons
      </button>
      <button onClick={() => togglePresenter(app, teaching)} title="Presenter mode (P)">
        Present
      </button>
      <button
        onClick={() => teaching.store.setState({ theme: next })}
        aria-label={`Switch to the ${next} theme`}
        title={`Switch to the ${next} theme`}
        data-testid="theme-toggle"
      >
        {theme === 'dark' ? '☀' : '☾'}
      </button>
    </div>
  );
}
