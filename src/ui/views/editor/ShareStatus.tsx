// What Share did: the link (copied, or selected to copy by hand), or why there is none.
import type { ShareState } from './useShare';

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface ShareStatusProps {
  state: ShareState;
  onDownload: () => void;
  onDismiss: () => void;
}

export function ShareStatus({ state, onDownload, onDismiss }: ShareStatusProps) {
  switch (state.kind) {
    case 'idle':
      return null;
    case 'working':
      return <span className="pg-info">Making the link…</span>;
    case 'ready':
      return (
        <span className="pg-share">
          <span className="pg-info">{state.copied ? 'Link copied.' : 'Copy this link:'}</span>
          <input
            className="pg-share-link"
            aria-label="Share link"
            data-testid="share-link"
            readOnly
            value={state.url}
            onFocus={(e) => e.currentTarget.select()}
            autoFocus={!state.copied}
          />
          <button
            type="button"
            className="pg-dismiss"
            aria-label="Close the link"
            onClick={onDismiss}
          >
            ×
          </button>
        </span>
      );
    case 'tooLong':
      return (
        <span className="pg-share">
          <span className="pg-error">{capitalize(state.message)}.</span>
          <button type="button" onClick={onDownload}>
            Download instead
          </button>
        </span>
      );
    case 'failed':
      return <span className="pg-error">{state.message}</span>;
  }
}
