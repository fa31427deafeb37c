// Layout only: the toolbar, the source panel, the views, the help overlay.
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
  return (
    <div className="app">
      <Toolbar />
      <Workbench
        side={<PlaygroundPanel />}
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
    </div>
  );
}
