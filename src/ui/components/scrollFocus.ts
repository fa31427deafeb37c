// Keyboard access to scroll boxes (WCAG 2.1.1; axe's scrollable-region-focusable): a box whose
// content overflows becomes a tab stop, so the arrow keys scroll it, and stops being one when it
// fits again; a box that never overflows adds no tab stop. Content grows without the box changing
// size, so its children are watched too. Use as a ref: `<div ref={scrollFocus}>`.

const MARK = 'scrollFocus';
const CHECK_DELAY_MS = 150;

export function scrollFocus(el: HTMLElement | null): (() => void) | undefined {
  if (el === null || typeof ResizeObserver === 'undefined') return undefined;
  const check = () => {
    const over = el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
    if (over && !el.hasAttribute('tabindex')) {
      el.tabIndex = 0;
      el.dataset[MARK] = '';
    } else if (!over && el.dataset[MARK] !== undefined) {
      el.removeAttribute('tabindex');
      delete el.dataset[MARK];
    }
  };
  // A resize is seen after the layout, where reading scrollHeight costs nothing: check at once.
  // A removed child changes no observed size; that check comes a moment later, coalesced, as
  // reading straight after a DOM change would force a layout on every change of a running list.
  let queued = false;
  const later = () => {
    if (queued) return;
    queued = true;
    setTimeout(() => {
      queued = false;
      if (el.isConnected) check();
    }, CHECK_DELAY_MS);
  };
  const resized = new ResizeObserver(check);
  resized.observe(el);
  for (const c of Array.from(el.children)) resized.observe(c);
  const added = new MutationObserver((records) => {
    for (const r of records) {
      r.addedNodes.forEach((n) => {
        if (n instanceof Element) resized.observe(n);
      });
      r.removedNodes.forEach((n) => {
        if (n instanceof Element) resized.unobserve(n);
      });
      if (r.removedNodes.length > 0) later();
    }
  });
  added.observe(el, { childList: true });
  return () => {
    resized.disconnect();
    added.disconnect();
  };
}
