// The size of an element that comes and goes (the chart box appears with the first result), kept
// current with a ResizeObserver: a callback ref, so a newly mounted element is observed too.
import { useCallback, useRef, useState } from 'react';

export function useBoxSize(): [
  (el: HTMLElement | null) => void,
  { width: number; height: number },
] {
  const [size, setSize] = useState({ width: 0, height: 0 });
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((el: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (el === null) return;
    const ro = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const width = Math.floor(entry.contentRect.width);
      const height = Math.floor(entry.contentRect.height);
      setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
    });
    ro.observe(el);
    observer.current = ro;
  }, []);
  return [ref, size];
}
