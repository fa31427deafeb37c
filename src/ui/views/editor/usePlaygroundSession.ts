// The playground's glue between the editor and the app store. The editor's text is the store's
// draft (draftSlice.ts): the editor owns it while the user types, every run control runs it, and it
// survives worker restarts. At start it comes from a share link (never run by itself), else from
// the autosave unless it holds a plain example, else from the scenario the address opened.
// Nothing the user wrote is lost: replacing edited text asks first (confirmReplace.ts), and a
// share link opened over unsaved edits keeps them one click away.
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  createAutosave,
  getBrowserStorage,
  REPLACED_KEY,
  type Autosave,
  type SavedWork,
} from '../../playground/autosave';
import { hasUnsavedEdits, useConfirmReplace } from '../../playground/confirmReplace';
import { downloadScenario, scenarioFileName } from '../../playground/scenarioFile';
import {
  decodeShareHash,
  SHARE_PREFIX,
  type SharedConfig,
  type SharePayload,
} from '../../playground/shareLink';
import { useAutosave } from '../../playground/useAutosave';
import { useActions, useAppStore, useAppStoreApi } from '../../store/AppStoreProvider';
import { UNTITLED } from '../../store/draftSlice';
import type { AppStore } from '../../store/createAppStore';
import type { ExampleItem } from './ExamplesMenu';

export { UNTITLED };

export interface Notice {
  text: string;
  tone: 'info' | 'error';
  /** A button beside the text (bring back replaced work, open what the address asked for). */
  action?: { label: string; run: () => void };
}

const FALLBACK_CONFIG: SharedConfig = {
  platform: 'skylake-i7',
  cores: 1,
  kernel: 'smp',
  mcs: false,
  seed: 1,
  params: {},
};

function restoreWork(store: AppStore, saved: SavedWork, run: boolean): void {
  const file = saved.file ?? UNTITLED;
  const s = store.getState();
  s.replaceDraft({
    text: saved.source,
    baseline: saved.baseline ?? null,
    file,
    exampleId: saved.scenarioId ?? null,
  });
  s.loadDraft(saved.overrides ?? {}, { run });
}

/** The autosaved work, if it holds text that exists nowhere else (not a plain example). */
function unsavedWork(store: AppStore, autosave: Autosave): SavedWork | null {
  const saved = autosave.restore();
  if (saved === null || saved.source.trim() === '') return null;
  const example = store.getState().scenarios.find((e) => e.id === saved.scenarioId);
  if (saved.source === example?.source || saved.source === store.getState().source) return null;
  return saved;
}

export function usePlaygroundSession() {
  const store = useAppStoreApi();
  const { openExample } = useActions();
  const scenarios = useAppStore((s) => s.scenarios);
  const work = useAppStore((s) => s.draft);
  const overrides = useAppStore((s) => s.overrides);
  const restarts = useAppStore((s) => s.restarts);
  const loadedFile = useAppStore((s) => s.file);

  const [notice, setNotice] = useState<Notice | null>(null);
  const [autosave, replaced] = useMemo(() => {
    const onProblem = (p: { message: string }) => setNotice({ text: p.message, tone: 'error' });
    const storage = getBrowserStorage();
    return [
      createAutosave({ storage, onProblem }),
      createAutosave({ storage, onProblem, key: REPLACED_KEY }),
    ];
  }, []);
  const [ready, setReady] = useState(false);
  /** Worker restarts already told (a restart keeps the text; the notice says so). */
  const [toldRestarts, setToldRestarts] = useState(restarts);
  /** Machine settings a share link brought, applied on the first Run. */
  const [sharedOverrides, setSharedOverrides] = useState<SharedConfig | null>(null);
  const confirmReplace = useConfirmReplace();

  const bringBack = useCallback(
    (saved: SavedWork) =>
      confirmReplace('your previous script', () => {
        restoreWork(store, saved, false);
        replaced.clear();
        setNotice({ text: 'Your previous script is back. Press Run to run it.', tone: 'info' });
      }),
    [confirmReplace, store, replaced],
  );

  // Start: a share link, else unsaved edits from the autosave, else what the address opened.
  useEffect(() => {
    let cancelled = false;
    const start = async () => {
      const hash = window.location.hash;
      if (hash.startsWith(SHARE_PREFIX)) {
        const link = await decodeShareHash(hash);
        if (cancelled) return;
        window.history.replaceState(
          null,
          '',
          `${window.location.pathname}${window.location.search}`,
        );
        if (link.kind === 'ok') {
          const { source, config, scenarioId } = link.payload;
          // The link replaces the editor's text without a question: keep unsaved work recoverable.
          const previous = unsavedWork(store, autosave);
          if (previous !== null && previous.source !== source) {
            replaced.schedule(previous);
            replaced.flush();
          }
          setSharedOverrides(config);
          store.getState().replaceDraft({
            text: source,
            baseline: source,
            file: UNTITLED,
            exampleId: scenarioId ?? null,
          });
          setNotice({
            text:
              'Opened a shared scenario. Nothing has run: press Run to run it.' +
              (previous !== null ? ' Your unsaved script from before is kept.' : ''),
            tone: 'info',
            ...(previous !== null
              ? { action: { label: 'Bring it back', run: () => bringBack(previous) } }
              : {}),
          });
          setReady(true);
          return;
        }
        if (link.kind === 'damaged') setNotice({ text: link.message, tone: 'error' });
      }
      // Saved text that is just a built-in example lets the address choose the scenario; any
      // other text (edited, opened from a file or a link, even if downloaded since) comes back,
      // and what the address asked for is one click away.
      const saved = unsavedWork(store, autosave);
      if (saved !== null) {
        const asked = new URLSearchParams(window.location.search).get('scenario');
        const entry = store.getState().scenarios.find((e) => e.id === asked);
        restoreWork(store, saved, false);
        setNotice(
          (n) =>
            n ?? {
              text:
                'Restored your unsaved script from your last visit.' +
                (entry !== undefined ? ` The address asked for "${entry.title}".` : ''),
              tone: 'info',
              ...(entry !== undefined
                ? {
                    action: {
                      label: `Open ${entry.title}`,
                      run: () =>
                        confirmReplace(entry.title, () => {
                          openExample(entry.id, {}, { run: false });
                          setNotice(null);
                        }),
                    },
                  }
                : {}),
            },
        );
      } else {
        const previous = replaced.restore();
        if (previous !== null && hasUnsavedEdits(previous.source, previous.baseline ?? null)) {
          setNotice({
            text: 'A script replaced by a shared link is kept.',
            tone: 'info',
            action: { label: 'Bring it back', run: () => bringBack(previous) },
          });
        }
      }
      setReady(true);
    };
    void start();
    return () => {
      cancelled = true;
    };
  }, [autosave, replaced, store, bringBack, confirmReplace, openExample]);

  useAutosave(
    autosave,
    ready
      ? {
          source: work.text,
          overrides,
          file: work.file,
          ...(work.exampleId ? { scenarioId: work.exampleId } : {}),
          ...(work.baseline !== null ? { baseline: work.baseline } : {}),
        }
      : null,
  );

  const load = useCallback(
    (run: boolean) => {
      const s = store.getState();
      s.loadDraft(sharedOverrides ?? s.overrides, { run });
      setSharedOverrides(null);
      setNotice(null);
      setToldRestarts(store.getState().restarts);
    },
    [store, sharedOverrides],
  );

  const examples = useMemo<ExampleItem[]>(
    () => scenarios.map((s) => ({ id: s.id, title: s.title, description: s.description })),
    [scenarios],
  );

  const restartNotice: Notice | null =
    restarts > toldRestarts
      ? {
          text: 'The simulation worker was restarted. Your script is as you left it.',
          tone: 'info',
        }
      : null;

  return {
    work,
    ready,
    notice: restartNotice ?? notice,
    examples,
    /** Engine markers apply only while the editor holds the script the store loaded. */
    showsLoadedScript: work.file === loadedFile,
    run: useCallback(() => load(true), [load]),
    reset: useCallback(() => load(false), [load]),
    openExample: useCallback(
      (id: string) => {
        const entry = scenarios.find((s) => s.id === id);
        if (entry === undefined) return;
        confirmReplace(entry.title, () => {
          openExample(entry.id, {}, { run: false });
          setNotice(null);
        });
      },
      [scenarios, confirmReplace, openExample],
    ),
    openFile: useCallback(
      (f: { name: string; text: string }) => {
        confirmReplace(f.name, () => {
          store
            .getState()
            .replaceDraft({ text: f.text, baseline: f.text, file: f.name, exampleId: null });
          setNotice({ text: `Opened ${f.name}. Press Run to run it.`, tone: 'info' });
        });
      },
      [confirmReplace, store],
    ),
    download: useCallback(() => {
      const name =
        work.file !== UNTITLED
          ? work.file.replace(/\.(?:mts|js|mjs)$/, '.ts')
          : scenarioFileName(store.getState().scenario?.name ?? 'scenario');
      downloadScenario(work.text, name);
      store.getState().markDraftSaved();
    }, [work, store]),
    getSharePayload: useCallback((): SharePayload => {
      const config = store.getState().config ?? FALLBACK_CONFIG;
      const payload: SharePayload = {
        source: store.getState().draft.text,
        config: { ...config, params: { ...config.params } },
      };
      if (work.exampleId !== null) payload.scenarioId = work.exampleId;
      return payload;
    }, [work, store]),
  };
}
