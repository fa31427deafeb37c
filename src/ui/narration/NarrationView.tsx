// The run in words: the line of the current step on top, then the log of lines before it, newest
// first. Clicking a line (or Enter on it) moves the cursor to the end of what it tells.
import { scrollFocus } from '../components/scrollFocus';
import { useActions } from '../store/AppStoreProvider';
import { useNarration } from './useNarration';
import './narration.css';

export function NarrationView({ limit = 120 }: { limit?: number }) {
  const { lines, current } = useNarration();
  const { seek } = useActions();
  const shown = lines.slice(-limit).reverse();
  return (
    <div className="tab-view narration" data-testid="view-narration" ref={scrollFocus}>
      <p className="narration-now" data-testid="narration-current">
        {current === null ? 'Nothing has happened yet: step or run to start.' : current.text}
      </p>
      <ol className="narration-log" aria-label="What happened, newest first">
        {shown.map((l) => (
          <li key={l.first} className={l === current ? 'current' : ''}>
            <button
              className="narration-line"
              onClick={() => seek(l.last + 1)}
              title={`Go to event #${l.last}`}
            >
              <span className="mono muted">#{l.first}</span> {l.text}
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
