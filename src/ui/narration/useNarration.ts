// The narration lines before the cursor, recomputed when the cursor or the log moves (a bounded
// window of the log, narration/window.ts), and the line of the current step.
import { useMemo } from 'react';
import { lineFor, narrationBefore } from '../../projection/narration/window';
import type { NarrationLine } from '../../projection/narration/narrate';
import { useAppStore } from '../store/AppStoreProvider';

const NONE: { lines: NarrationLine[]; current: NarrationLine | null } = {
  lines: [],
  current: null,
};

/** `active` false: nothing is narrated (a view that shows nothing now costs nothing per frame). */
export function useNarration(active = true): {
  lines: NarrationLine[];
  current: NarrationLine | null;
} {
  const log = useAppStore((s) => s.log);
  const cursor = useAppStore((s) => s.cursor);
  const version = useAppStore((s) => s.logVersion);
  return useMemo(() => {
    void version;
    if (!active) return NONE;
    const lines = narrationBefore(log, cursor);
    return { lines, current: cursor === 0 ? null : lineFor(lines, cursor - 1) };
  }, [log, cursor, version, active]);
}
