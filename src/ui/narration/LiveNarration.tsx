// The accessibility layer of the narration: a visually hidden live region that a screen reader
// speaks whenever the cursor stops somewhere new (a step, a seek, a pause, a lesson step's end).
// While a run plays nothing is spoken, so the reader is not flooded.
import { useAppStore } from '../store/AppStoreProvider';
import { useNarration } from './useNarration';

export function LiveNarration() {
  const running = useAppStore((s) => s.running);
  // Nothing while running (not even computed): the region changes only when the cursor rests,
  // a moment after the views (deferred).
  const { current } = useNarration(!running, true);
  const said = current?.text ?? '';
  return (
    <div className="sr-only" role="status" aria-live="polite" data-testid="live-narration">
      {said}
    </div>
  );
}
