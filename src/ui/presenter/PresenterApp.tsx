// Presenter mode (P): large type, only the views the lesson or the presenter picks, a speed a room
// can follow, and clicker keys (PageDown / PageUp for the lesson's steps, `.` to play / pause).
import { VIEW_NAMES, type ViewName } from '../lessons/lessonFormat';
import { useTeaching, useTeachingApi } from '../lessons/TeachingProvider';
import { useActions, useAppStore } from '../store/AppStoreProvider';
import { SPEEDS, speedLabel } from '../views/controls/shortcuts';
import { Stage } from './Stage';
import { VIEW_TITLES } from './viewRegistry';

export const DEFAULT_PRESENTER_VIEWS: ViewName[] = ['machine', 'endpoints', 'timeline'];
/** Events per second a room can follow. */
export const PRESENTER_SPEED = 10;

export function presenterViews(
  picked: ViewName[] | null,
  stepShow: ViewName[] | undefined,
): ViewName[] {
  if (picked !== null && picked.length > 0) return picked;
  const fromStep = (stepShow ?? []).filter((v) => v !== 'editor');
  return fromStep.length > 0 ? fromStep : DEFAULT_PRESENTER_VIEWS;
}

export function PresenterApp() {
  const { store } = useTeachingApi();
  const lesson = useTeaching((s) => s.lesson);
  const step = useTeaching((s) => s.step);
  const picked = useTeaching((s) => s.presenterViews);
  const speed = useAppStore((s) => s.speed);
  const { setSpeed } = useActions();
  const views = presenterViews(picked, lesson?.steps[step]?.show);
  const toggle = (v: ViewName) => {
    const has = views.includes(v);
    const next = has ? views.filter((x) => x !== v) : [...views, v];
    store.setState({ presenterViews: next.length > 0 ? next : null });
  };
  const top = (
    <header className="presenter-bar" data-testid="presenter-bar">
      <b>ipcscope</b>
      <span className="muted">presenting{lesson ? ` · ${lesson.title}` : ''}</span>
      <span className="spacer" />
      <div className="view-picker" role="group" aria-label="Views shown">
        {VIEW_NAMES.filter((v) => v !== 'editor').map((v) => (
          <button key={v} aria-pressed={views.includes(v)} onClick={() => toggle(v)}>
            {VIEW_TITLES[v]}
          </button>
        ))}
      </div>
      <select
        aria-label="Speed"
        value={speed === null ? 'max' : String(speed)}
        onChange={(e) => setSpeed(e.target.value === 'max' ? null : Number(e.target.value))}
      >
        {[1, 3, ...SPEEDS].map((s) => (
          <option key={String(s)} value={s === null ? 'max' : String(s)}>
            {speedLabel(s)}
          </option>
        ))}
      </select>
      <button onClick={() => store.setState({ presenter: false })} title="Leave presenter mode (P)">
        Exit
      </button>
    </header>
  );
  return (
    <Stage
      className="presenting"
      views={views}
      lesson={lesson !== null}
      controls={true}
      top={top}
    />
  );
}
