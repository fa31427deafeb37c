// The help overlay (?): every keyboard shortcut, and how to read the screen.
import { useActions, useAppStore } from '../../store/AppStoreProvider';
import { TEACHING_SHORTCUTS } from '../../presenter/teachingShortcuts';
import { SHORTCUTS } from '../controls/shortcuts';
import { TIMELINE_KEYS } from '../timeline/timelineKeys';
import { LINE_ROW_KEYS } from '../cacheLines/lineRowKeys';
import './help.css';

export function HelpOverlay() {
  const open = useAppStore((s) => s.helpOpen);
  const { setHelpOpen } = useActions();
  if (!open) return null;
  return (
    <div className="help-backdrop" onClick={() => setHelpOpen(false)}>
      <div
        className="help"
        role="dialog"
        aria-label="Keyboard shortcuts"
        data-testid="help"
        onClick={(e) => e.stopPropagation()}
      >
        <header>
          <b>Keyboard shortcuts</b>
          <button onClick={() => setHelpOpen(false)} aria-label="Close">
            ×
          </button>
        </header>
        <table>
          <tbody>
            {[...SHORTCUTS, ...TEACHING_SHORTCUTS, ...TIMELINE_KEYS, ...LINE_ROW_KEYS].map((s) => (
              <tr key={s.description}>
                <td>
                  {s.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 && ' + '}
                      <kbd>{k}</kbd>
                    </span>
                  ))}
                </td>
                <td>{s.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="help-guide">
          <b>Reading the screen</b>
          <p>
            <b>Machine</b>: each card is a core: its thread and mode (
            <span className="c-user">user</span>, <span className="c-kernel">kernel</span>,{' '}
            <span className="c-spin">spinning</span> on the big lock, idle). Arrows are cache lines
            that just moved between cores, coloured by what the move cost.
          </p>
          <p>
            <b>Endpoints</b>: state and queue in order; senders show the badge of the cap they used.{' '}
            <b>Inspector</b>: the event at the cursor and the kernel entry around it, with the
            fastpath condition that failed.
          </p>
          <p>
            <b>Timeline</b>: wheel zooms, drag pans, shift+wheel scrolls tracks; hover a span or an
            arrow to see what it is, click to select it (the cursor goes to its event, its thread is
            selected and the view follows). Zoomed out, a pixel column shows the mix of modes in it,
            stacked. The URL opens a scenario on a machine:{' '}
            <span className="mono">
              ?scenario=echo&amp;platform=xeon-2s&amp;cores=4&amp;kernel=smp&amp;mcs=1&amp;seed=2
            </span>
          </p>
        </div>
      </div>
    </div>
  );
}
