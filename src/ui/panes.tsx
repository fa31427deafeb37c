// The layout as data: which views sit in which split, in what order, at what share. A new view is
// one PaneSpec added to one of these lists (or a new tab in BOTTOM_TABS); Split (components/Split.tsx)
// makes every pane resizable and collapsible and remembers the sizes.
import type { PaneSpec } from './components/Split';
import { TabbedPanel } from './components/TabbedPanel';
import { CacheLinesView } from './views/cacheLines/CacheLinesView';
import { ConsoleView } from './views/console/ConsoleView';
import { EndpointsView } from './views/endpoints/EndpointsView';
import { InspectorView } from './views/inspector/InspectorView';
import { MachineView } from './views/machine/MachineView';
import { NamespaceView } from './views/namespace/NamespaceView';
import { PlaygroundPanel } from './views/editor/PlaygroundPanel';
import { ScenarioPanel } from './views/scenario/ScenarioPanel';
import { StatsView } from './views/stats/StatsView';
import { SweepView } from './views/sweep/SweepView';
import { TimelineView } from './views/timeline/TimelineView';
import { TraceView } from './views/trace/TraceView';
import { NarrationView } from './narration/NarrationView';
import type { BottomTab } from './store/types';
import type { ReactNode } from 'react';

export const BOTTOM_TABS: { id: BottomTab; label: string; key: string; view: ReactNode }[] = [
  { id: 'lines', label: 'Cache lines', key: '1', view: <CacheLinesView /> },
  { id: 'namespace', label: 'Namespace', key: '2', view: <NamespaceView /> },
  { id: 'console', label: 'Console', key: '3', view: <ConsoleView /> },
  { id: 'trace', label: 'Trace', key: '4', view: <TraceView /> },
  { id: 'narration', label: 'Narration', key: '5', view: <NarrationView /> },
  { id: 'sweep', label: 'Sweep', key: '6', view: <SweepView /> },
];

export const TOP_PANES: PaneSpec[] = [
  { id: 'machine', label: 'Machine', view: <MachineView />, weight: 55, min: 160 },
  { id: 'endpoints', label: 'Endpoints', view: <EndpointsView />, weight: 45, min: 120 },
];

export const CENTER_PANES: PaneSpec[] = [
  { id: 'top', label: 'Machine and endpoints', view: null, weight: 38, min: 140 },
  { id: 'timeline', label: 'Timeline', view: <TimelineView />, weight: 32, min: 100 },
  { id: 'bottom', label: 'Tabs', view: <TabbedPanel tabs={BOTTOM_TABS} />, weight: 30, min: 90 },
];

export const RIGHT_PANES: PaneSpec[] = [
  { id: 'inspector', label: 'Inspector', view: <InspectorView />, weight: 45, min: 100 },
  { id: 'scenario', label: 'Scenario', view: <ScenarioPanel />, weight: 15, min: 60 },
  { id: 'stats', label: 'Stats', view: <StatsView />, weight: 40, min: 100 },
];

/** The side column holds the editor, or the lesson being played. */
export const COLUMNS = (
  side: ReactNode | null,
  center: ReactNode,
  right: ReactNode,
): PaneSpec[] => [
  { id: 'editor', label: 'Editor', view: side ?? <PlaygroundPanel />, weight: 22, min: 200 },
  { id: 'center', label: 'Views', view: center, weight: 54, min: 360, collapsible: false },
  { id: 'right', label: 'Inspector and stats', view: right, weight: 24, min: 340 },
];
