// The narration lines before the cursor, recomputed when the cursor or the log moves (a bounded
// window of the log, narration/window.ts), and the line of the current step.
import { useMemo } from 'react';
import { lineFor, narrationBefore } from '../../projection/narration/window';
import type { NarrationLine } from '../../projection/narration/narrate';
import { useAppStore } from '../store/AppStoreProvider';

export function useNarration(): { lines: NarrationLine[]; current: NarrationLine | null } {
  const log = useAppStore((s) => s.log);
  const cursor = useAppStore((s) => s.cursor);
  const version = useAppStore((s) => s.logVersion);
  return useMemo(() => {
    void version;
    const lines = narrationBefore(log, cursor);
    return { lines, current: cursor === 0 ? null : lineFor(lines, cursor - 1) };
  }, [log, cursor, version]);
}
