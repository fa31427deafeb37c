// The top of the app: the scenario and its machine on the first row, playback on the second.
import { TeachingButtons } from '../../presenter/TeachingButtons';
import { useActions } from '../../store/AppStoreProvider';
import { BreakpointMenu } from './BreakpointMenu';
import { MachineControls } from './MachineControls';
import { ParamControls } from './ParamControls';
import { PlaybackControls } from './PlaybackControls';
import { PositionStatus } from './PositionStatus';
import { ScenarioPicker } from './ScenarioPicker';
import './controls.css';

export function Toolbar() {
  const { setHelpOpen } = useActions();
  return (
    <header className="toolbar" data-testid="toolbar">
      <div className="toolbar-row">
        <span className="brand" title="ipcscope: microkernel IPC on a simulated multicore machine">
          ipc<b>scope</b>
        </span>
        <ScenarioPicker />
        <MachineControls />
        <ParamControls />
        <span className="spacer" />
        <TeachingButtons />
        <button onClick={() => setHelpOpen(true)} title="Keyboard shortcuts (?)" aria-label="Help">
          ?
        </button>
      </div>
      <div className="toolbar-row">
        <PlaybackControls />
        <BreakpointMenu />
        <span className="spacer" />
        <PositionStatus />
      </div>
    </header>
  );
}
