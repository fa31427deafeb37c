// Layout only: the toolbar, the panes (panes.tsx, each resizable and collapsible), the overlays.
import { Split } from './components/Split';
import { COLUMNS, CENTER_PANES, RIGHT_PANES, TOP_PANES } from './panes';
import { ErrorBanner } from './views/console/ErrorBanner';
import { Toolbar } from './views/controls/Toolbar';
import { useShortcuts } from './views/controls/useShortcuts';
import { HelpOverlay } from './views/help/HelpOverlay';

export function App() {
  useShortcuts();
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
    <div className="app">
      <Toolbar />
      <Split id="columns" direction="row" className="main" panes={COLUMNS(center, right)} />
      <ErrorBanner />
      <HelpOverlay />
    </div>
  );
}
