// Layout only: the toolbar, the panes (panes.tsx, each resizable and collapsible), the overlays;
// or the presenter's or an iframe's stage instead.
import { Split } from './components/Split';
import { COLUMNS, CENTER_PANES, RIGHT_PANES, TOP_PANES } from './panes';
import { EmbedApp } from './embed/EmbedApp';
import { LessonPanel } from './lessons/LessonPanel';
import { LessonsMenu } from './lessons/LessonsMenu';
import { useTeaching } from './lessons/TeachingProvider';
import { LiveNarration } from './narration/LiveNarration';
import { PresenterApp } from './presenter/PresenterApp';
import { useTeachingShortcuts } from './presenter/useTeachingShortcuts';
import { ErrorBanner } from './views/console/ErrorBanner';
import { Toolbar } from './views/controls/Toolbar';
import { useShortcuts } from './views/controls/useShortcuts';
import { HelpOverlay } from './views/help/HelpOverlay';

export function App() {
  useShortcuts();
  useTeachingShortcuts();
  const embed = useTeaching((s) => s.embed);
  const presenter = useTeaching((s) => s.presenter);
  const lesson = useTeaching((s) => s.lesson !== null);
  const show = useTeaching((s) => s.lesson?.steps[s.step]?.show.join(' ') ?? '');
  if (embed !== null || presenter) {
    return (
      <div className="app stage-app" data-lesson-show={show}>
        {embed !== null ? <EmbedApp options={embed} /> : <PresenterApp />}
        <ErrorBanner />
        <HelpOverlay />
        <LessonsMenu />
        <LiveNarration />
      </div>
    );
  }
  const top = <Split id="top" direction="row" panes={TOP_PANES} />;
  const center = (
    <Split
      id="center"
      direction="column"
      className="center"
      panes={CENTER_PANES.map((p) => (p.id === 'top' ? { ...p, view: top } : p))}
    />
  );
  const right = <Split id="right" direction="column" className="right" panes={RIGHT_PANES} />;
  return (
    <div className="app" data-lesson-show={show}>
      <Toolbar />
      <Split
        id="columns"
        direction="row"
        className="main"
        panes={COLUMNS(lesson ? <LessonPanel /> : null, center, right)}
      />
      <ErrorBanner />
      <HelpOverlay />
      <LessonsMenu />
      <LiveNarration />
    </div>
  );
}
