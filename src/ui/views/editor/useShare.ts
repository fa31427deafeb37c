// Share: make the link for the current work, copy it, and say what happened. A link too long for
// a URL is not made; the user is offered the file download instead (peers.md E2: links outgrow URLs).
import { useCallback, useState } from 'react';
import { createShareLink, type SharePayload } from '../../playground/shareLink';

export type ShareState =
  | { kind: 'idle' }
  | { kind: 'working' }
  /** copied: false when the clipboard refused; the link is shown to copy by hand. */
  | { kind: 'ready'; url: string; copied: boolean }
  | { kind: 'tooLong'; message: string }
  | { kind: 'failed'; message: string };

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Returns the share state, `share()` for the button, and `dismiss()` to clear the message. */
export function useShare(getPayload: () => SharePayload) {
  const [state, setState] = useState<ShareState>({ kind: 'idle' });

  const share = useCallback(async () => {
    setState({ kind: 'working' });
    try {
      const link = await createShareLink(getPayload(), window.location.href);
      if (!link.ok) {
        setState({ kind: 'tooLong', message: link.message });
        return;
      }
      setState({ kind: 'ready', url: link.url, copied: await copy(link.url) });
    } catch (e) {
      setState({
        kind: 'failed',
        message: `could not make a link: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  }, [getPayload]);

  const dismiss = useCallback(() => setState({ kind: 'idle' }), []);
  return { state, share, dismiss };
}
