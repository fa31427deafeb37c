// Every view a lesson, the presenter or an embedding page can pick, by its name in the lesson
// format (lessonFormat.ts VIEW_NAMES). Views that live in the bottom tabs get a frame of their own.
import type { ReactNode } from 'react';
import type { ViewName } from '../lessons/lessonFormat';
import { NarrationView } from '../narration/NarrationView';
import { CacheLinesView } from '../views/cacheLines/CacheLinesView';
import { ConsoleView } from '../views/console/ConsoleView';
import { PlaygroundPanel } from '../views/editor/PlaygroundPanel';
import { EndpointsView } from '../views/endpoints/EndpointsView';
import { InspectorView } from '../views/inspector/InspectorView';
import { MachineView } from '../views/machine/MachineView';
import { NamespaceView } from '../views/namespace/NamespaceView';
import { StatsView } from '../views/stats/StatsView';
import { TimelineView } from '../views/timeline/TimelineView';
import { TraceView } from '../views/trace/TraceView';

export const VIEW_TITLES: Record<ViewName, string> = {
  machine: 'Machine',
  endpoints: 'Endpoints',
  timeline: 'Timeline',
  inspector: 'Inspector',
  stats: 'Stats',
  lines: 'Cache lines',
  namespace: 'Namespace',
  console: 'Console',
  trace: 'Trace',
  narration: 'Narration',
  editor: 'Editor',
};

function Framed({ name, children }: { name: ViewName; children: ReactNode }) {
  return (
    <section className="panel" data-testid={`pane-${name}`} aria-label={VIEW_TITLES[name]}>
      <header className="panel-head">
        <span className="panel-title">{VIEW_TITLES[name]}</span>
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}

export function renderView(name: ViewName): ReactNode {
  switch (name) {
    case 'machine':
      return <MachineView />;
    case 'endpoints':
      return <EndpointsView />;
    case 'timeline':
      return <TimelineView />;
    case 'inspector':
      return <InspectorView />;
    case 'stats':
      return <StatsView />;
    case 'editor':
      return <PlaygroundPanel />;
    case 'lines':
      return (
        <Framed name={name}>
          <CacheLinesView />
        </Framed>
      );
    case 'namespace':
      return (
        <Framed name={name}>
          <NamespaceView />
        </Framed>
      );
    case 'console':
      return (
        <Framed name={name}>
          <ConsoleView />
        </Framed>
      );
    case 'trace':
      return (
        <Framed name={name}>
          <TraceView />
        </Framed>
      );
    case 'narration':
      return (
        <Framed name={name}>
          <NarrationView />
        </Framed>
      );
  }
}
