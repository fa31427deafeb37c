// The latest error that stops the scenario from running (load, setup, watchdog restart), shown
// above the views until dismissed; runtime errors of single programs go to the console.
import { useActions, useAppStore } from '../../store/AppStoreProvider';

export function ErrorBanner() {
  const error = useAppStore(
    (s) => [...s.errors].reverse().find((e) => e.kind !== 'runtime') ?? null,
  );
  const { clearErrors, setBottomTab } = useActions();
  if (error === null) return null;
  return (
    <div
      className={`error-banner kind-${error.kind}`}
      role="alert"
      data-testid="error-banner"
      data-kind={error.kind}
    >
      <b>
        {error.kind === 'watchdog'
          ? 'Watchdog'
          : error.kind === 'load'
            ? 'Cannot load'
            : error.kind === 'setup'
              ? 'Setup failed'
              : 'Error'}
      </b>
      {error.file && (
        <span className="mono">
          {' '}
          {error.file}
          {error.line !== null &&
            `:${error.line}${error.column !== null ? `:${error.column}` : ''}`}
        </span>
      )}
      <span>: {error.message}</span>
      <span className="spacer" />
      <button className="link" onClick={() => setBottomTab('console')}>
        console
      </button>
      <button onClick={clearErrors} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
