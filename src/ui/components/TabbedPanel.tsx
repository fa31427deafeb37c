// A panel whose body is one of several views, chosen by tabs (state lives in the store).
import { useEffect, useRef, type ReactNode } from 'react';
import type { BottomTab } from '../store/types';
import { useActions, useAppStore } from '../store/AppStoreProvider';

export function TabbedPanel({
  tabs,
}: {
  tabs: { id: BottomTab; label: string; key: string; view: ReactNode }[];
}) {
  const current = useAppStore((s) => s.bottomTab);
  const { setBottomTab } = useActions();
  const active = tabs.find((t) => t.id === current) ?? tabs[0]!;
  const nav = useRef<HTMLElement>(null);
  useEffect(() => {
    // In a narrow panel the tabs scroll sideways: keep the chosen one in sight.
    const el = nav.current?.querySelector<HTMLElement>('[aria-selected="true"]');
    const bar = nav.current;
    if (el && bar) bar.scrollLeft = Math.max(0, el.offsetLeft + el.offsetWidth - bar.clientWidth);
  }, [active.id]);
  return (
    <section className="panel" data-testid="bottom-panel">
      <header className="panel-head">
        <nav className="tabs" role="tablist" ref={nav}>
          {tabs.map((t) => (
            <button
              key={t.id}
              role="tab"
              aria-selected={t.id === active.id}
              className={t.id === active.id ? 'selected' : ''}
              onClick={() => setBottomTab(t.id)}
              data-testid={`tab-${t.id}`}
              title={`${t.label} (${t.key})`}
            >
              {t.label}
            </button>
          ))}
        </nav>
      </header>
      <div className="panel-body">{active.view}</div>
    </section>
  );
}
