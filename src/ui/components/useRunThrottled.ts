// Select from the store, but while a run is in progress take a new value at most every `ms`
// (immediately when paused or stepping). It subscribes by itself rather than through
// useAppStore, so the component does not even re-render between two values it shows: dense
// panels (tables, cards) cost a few renders a second during a fast run instead of one a frame.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useAppStoreApi } from '../store/AppStoreProvider';
import type { AppState } from '../store/types';

export function useRunThrottled<T>(selector: (s: AppState) => T, ms = 500): T {
  const store = useAppStoreApi();
  const [shown, setShown] = useState(() => selector(store.getState()));
  const select = useRef(selector);
  useLayoutEffect(() => {
    select.current = selector;
  });
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const show = () => {
      timer = null;
      last = performance.now();
      const v = select.current(store.getState());
      setShown(() => v);
    };
    const onChange = () => {
      if (!store.getState().running) {
        if (timer !== null) clearTimeout(timer);
        show();
      } else if (timer === null) {
        timer = setTimeout(show, Math.max(0, last + ms - performance.now()));
      }
    };
    onChange();
    const unsubscribe = store.subscribe(onChange);
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [store, ms]);
  return shown;
}
