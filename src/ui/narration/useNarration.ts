// The narration lines before the cursor, recomputed when the cursor or the log moves (a bounded
// window of the log, narration/window.ts), and the line of the current step.
import { useDeferredValue, useMemo } from 'react';
import { lineFor, narrationBefore } from '../../projection/narration/window';
import type { NarrationLine } from '../../projection/narration/narrate';
import { useAppStore } from '../store/AppStoreProvider';

const NONE: { lines: NarrationLine[]; current: NarrationLine | null } = {
  lines: [],
  current: null,
};

/**
 * `active` false: nothing is narrated (a view that shows nothing now costs nothing per frame).
 * `deferred`: the narration follows the cursor in a render of its own, after the views have
 * shown the new moment (a screen reader's announcement need not hold up a seek's frame).
 */
export function useNarration(
  active = true,
  deferred = false,
): {
  lines: NarrationLine[];
  current: NarrationLine | null;
} {
  const nowLog = useAppStore((s) => s.log);
  const now = useAppStore((s) => s.cursor);
  const nowVersion = useAppStore((s) => s.logVersion);
  // All three lag together: the deferred render sees one moment of the store, never a new log
  // with an old cursor.
  const laterLog = useDeferredValue(nowLog);
  const later = useDeferredValue(now);
  const laterVersion = useDeferredValue(nowVersion);
  const log = deferred ? laterLog : nowLog;
  const cursor = deferred ? later : now;
  const version = deferred ? laterVersion : nowVersion;
  return useMemo(() => {
    void version;
    if (!active) return NONE;
    const lines = narrationBefore(log, cursor);
    return { lines, current: cursor === 0 ? null : lineFor(lines, cursor - 1) };
  }, [log, cursor, version, active]);
}
