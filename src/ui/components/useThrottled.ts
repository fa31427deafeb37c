// A value that follows its source at most every `ms` while `active` (a run in progress), and at
// once otherwise. Dense panels (tables, cards) use it so a fast run repaints them a few times a
// second instead of every frame, while stepping still updates them immediately.
import { useEffect, useRef, useState } from 'react';

export function useThrottled<T>(value: T, active: boolean, ms = 250): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  // Paused: follow the source at once (a render-phase update, React's pattern for state derived
  // from props), so a run starts from what is on screen, never from a stale value.
  if (!active && shown !== value) setShown(value);
  useEffect(() => {
    if (!active || shown === value) return;
    // Each new value replaces the pending one; it shows `ms` after the last one shown.
    const t = setTimeout(
      () => {
        last.current = performance.now();
        setShown(value);
      },
      Math.max(0, last.current + ms - performance.now()),
    );
    return () => clearTimeout(t);
  }, [value, active, ms, shown]);
  return active ? shown : value;
}
