// A titled panel: the frame every view sits in.
import type { ReactNode } from 'react';
import { scrollFocus } from './scrollFocus';

export interface PanelProps {
  title: ReactNode;
  /** data-testid of the panel, also used by the e2e screenshots. */
  testId: string;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}

export function Panel({ title, testId, actions, children, className }: PanelProps) {
  return (
    <section
      className={`panel ${className ?? ''}`}
      data-testid={testId}
      aria-label={typeof title === 'string' ? title : undefined}
    >
      <header className="panel-head">
        <span className="panel-title">{title}</span>
        <span className="spacer" />
        {actions}
      </header>
      <div className="panel-body" ref={scrollFocus}>
        {children}
      </div>
    </section>
  );
}
