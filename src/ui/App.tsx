// Layout only: the toolbar, the source panel (or the lesson), the views, the help overlay; or the
// presenter's or an iframe's stage instead.
import { EmbedApp } from './embed/EmbedApp';
import { LessonPanel } from './lessons/LessonPanel';
import { LessonsMenu } from './lessons/LessonsMenu';
import { useTeaching } from './lessons/TeachingProvider';
import { LiveNarration } from './narration/LiveNarration';
import { NarrationView } from './narration/NarrationView';
import { PresenterApp } from './presenter/PresenterApp';
import { useTeachingShortcuts } from './presenter/useTeachingShortcuts';
import { TabbedPanel } from './components/TabbedPanel';
import { Workbench } from './components/Workbench';
import { CacheLinesView } from './views/cacheLines/CacheLinesView';
import { ConsoleView } from './views/console/ConsoleView';
import { ErrorBanner } from './views/console/ErrorBanner';
import { Toolbar } from './views/controls/Toolbar';
import { useShortcuts } from './views/controls/useShortcuts';
import { EndpointsView } from './views/endpoints/EndpointsView';
import { HelpOverlay } from './views/help/HelpOverlay';
import { InspectorView } from './views/inspector/InspectorView';
import { MachineView } from './views/machine/MachineView';
import { NamespaceView } from './views/namespace/NamespaceView';
import { PlaygroundPanel } from './views/editor/PlaygroundPanel';
import { StatsView } from './views/stats/StatsView';
import { TimelineView } from './views/timeline/TimelineView';
import { TraceView } from './views/trace/TraceView';

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
  return (
    <div className="app" data-lesson-show={show}>
      <Toolbar />
      <Workbench
        side={lesson ? <LessonPanel /> : <PlaygroundPanel />}
        center={
          <main className="center">
            <div className="center-top">
              <MachineView />
              <EndpointsView />
            </div>
            <TimelineView />
            <TabbedPanel
              tabs={[
                { id: 'lines', label: 'Cache lines', key: '1', view: <CacheLinesView /> },
                { id: 'namespace', label: 'Namespace', key: '2', view: <NamespaceView /> },
                { id: 'console', label: 'Console', key: '3', view: <ConsoleView /> },
                { id: 'trace', label: 'Trace', key: '4', view: <TraceView /> },
                { id: 'narration', label: 'Narration', key: '5', view: <NarrationView /> },
              ]}
            />
          </main>
        }
        right={
          <aside className="right">
            <InspectorView />
            <StatsView />
          </aside>
        }
      />
      <ErrorBanner />
      <HelpOverlay />
      <LessonsMenu />
      <LiveNarration />
    </div>
  );
}
