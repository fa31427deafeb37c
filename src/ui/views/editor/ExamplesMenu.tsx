// The examples menu (peers.md E4: the Go Playground's dropdown): every built-in scenario with its
// description. Choosing one calls onOpen; whether the editor's text may be replaced is the app's
// question (playground/confirmReplace.ts).
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export interface ExampleItem {
  id: string;
  title: string;
  description: string;
}

interface ExamplesMenuProps {
  examples: readonly ExampleItem[];
  /** The example the editor's text came from, marked in the list. */
  currentId?: string | null;
  onOpen: (id: string) => void;
}

export function ExamplesMenu({ examples, currentId, onOpen }: ExamplesMenuProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const first = rootRef.current?.querySelector<HTMLElement>('[role="menuitem"]');
    first?.focus();
    const onPointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const items = Array.from(
      rootRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [],
    );
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next = (at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
    items[next]?.focus();
  };

  return (
    <div className="pg-examples" ref={rootRef} onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        disabled={examples.length === 0}
        onClick={() => setOpen((o) => !o)}
      >
        Examples ▾
      </button>
      {open && (
        <div id={menuId} role="menu" aria-label="Examples" className="pg-examples-menu">
          {examples.map((ex) => (
            <button
              key={ex.id}
              type="button"
              role="menuitem"
              className="pg-example"
              aria-current={ex.id === currentId ? 'true' : undefined}
              onClick={() => {
                close();
                onOpen(ex.id);
              }}
            >
              <span className="pg-example-title">{ex.title}</span>
              {ex.description !== '' && (
                <span className="pg-example-description">{ex.description}</span>
              )}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
