// The accessibility layer of the narration: a visually hidden live region that a screen reader
// speaks whenever the cursor stops somewhere new (a step, a seek, a pause, a lesson step's end).
// While a run plays nothing is spoken, so the reader is not flooded.
import { useAppStore } from '../store/AppStoreProvider';
import { useNarration } from './useNarration';

export function LiveNarration() {
  const running = useAppStore((s) => s.running);
  const { current } = useNarration();
  // Empty while running: the region changes only when the cursor comes to rest.
  const said = running ? '' : (current?.text ?? '');
  return (
    <div className="sr-only" role="status" aria-live="polite" data-testid="live-narration">
      {said}
    </div>
  );
}
