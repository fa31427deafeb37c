// Whether an element is on screen (in the viewport, inside its scrolling panel), for views that
// need not update what nobody can see while a run streams by.
import { useEffect, useState, type RefObject } from 'react';

/** True until an IntersectionObserver says the element is out of view (and where there is none). */
export function useInView(ref: RefObject<Element | null>): boolean {
  const [inView, setInView] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (el === null || typeof IntersectionObserver === 'undefined') return;
    // A margin of a card or so: one scrolled into view is already up to date.
    const io = new IntersectionObserver((es) => setInView(es[es.length - 1]!.isIntersecting), {
      rootMargin: '200px',
    });
    io.observe(el);
    return () => io.disconnect();
  }, [ref]);
  return inView;
}
