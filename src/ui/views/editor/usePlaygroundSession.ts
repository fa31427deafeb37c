// The playground's glue between the editor and the app store. The editor's text is the
// playground's own state: it follows the store when the store loads something new, goes to the
// worker only on Run or Reset, and survives worker restarts. At start it comes from a share link
// (never run by itself), else from the autosave unless it holds a plain example, else from the store.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createAutosave, getBrowserStorage } from '../../playground/autosave';
import { useConfirmReplace } from '../../playground/confirmReplace';
import { downloadScenario, scenarioFileName } from '../../playground/scenarioFile';
import {
  decodeShareHash,
  SHARE_PREFIX,
  type SharedConfig,
  type SharePayload,
} from '../../playground/shareLink';
import { useAutosave } from '../../playground/useAutosave';
import { useActions, useAppStore, useAppStoreApi } from '../../store/AppStoreProvider';
import type { ExampleItem } from './ExamplesMenu';

export const UNTITLED = 'scenario.ts';

/** What the editor holds and where it came from. */
interface Work {
  text: string;
  /** The text as last opened or downloaded: edits are the difference. */
  baseline: string | null;
  /** The name errors are reported against (an example's file, an opened file's name). */
  file: string;
  exampleId: string | null;
}

export type Notice = { text: string; tone: 'info' | 'error' } | null;

const FALLBACK_CONFIG: SharedConfig = {
  platform: 'skylake-i7',
  cores: 1,
  kernel: 'smp',
  mcs: false,
  seed: 1,
  params: {},
};

export function usePlaygroundSession() {
  const store = useAppStoreApi();
  const { loadSource, openScenario } = useActions();
  const scenarios = useAppStore((s) => s.scenarios);
  const storeSource = useAppStore((s) => s.source);
  const storeFile = useAppStore((s) => s.file);
  const storeScenarioId = useAppStore((s) => s.scenarioId);
  const overrides = useAppStore((s) => s.overrides);
  const restarts = useAppStore((s) => s.restarts);

  const [notice, setNotice] = useState<Notice>(null);
  const [autosave] = useState(() =>
    createAutosave({
      storage: getBrowserStorage(),
      onProblem: (p) => setNotice({ text: p.message, tone: 'error' }),
    }),
  );
  const [work, setWork] = useState<Work>(() => ({
    text: storeSource,
    baseline: storeSource,
    file: storeFile || UNTITLED,
    exampleId: storeScenarioId,
  }));
  const [ready, setReady] = useState(false);
  /** Worker restarts already told (a restart keeps the text; the notice says so). */
  const [toldRestarts, setToldRestarts] = useState(restarts);
  /** The source the playground itself sent to the store last; the store echoing it is not news. */
  const sent = useRef<string | null>(null);
  /** The store's source as last seen, to react to changes only. */
  const seen = useRef(storeSource);
  /** The editor holds a link's or the autosave's text: the app's first scenario must not replace it. */
  const pinned = useRef(false);
  /** Machine settings a share link brought, applied on the first Run. */
  const sharedOverrides = useRef<SharedConfig | null>(null);

  // Start: a share link, else unsaved edits from the autosave, else what the store opened.
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
          sharedOverrides.current = config;
          pinned.current = true;
          setWork({
            text: source,
            baseline: source,
            file: UNTITLED,
            exampleId: scenarioId ?? null,
          });
          setNotice({
            text: 'Opened a shared scenario. Nothing has run: press Run to run it.',
            tone: 'info',
          });
          setReady(true);
          return;
        }
        if (link.kind === 'damaged') setNotice({ text: link.message, tone: 'error' });
      }
      // Saved text that is just a built-in example lets the address choose the scenario; any
      // other text (edited, opened from a file or a link, even if downloaded since) comes back.
      const saved = autosave.restore();
      const example = store.getState().scenarios.find((e) => e.id === saved?.scenarioId);
      if (
        saved !== null &&
        saved.source.trim() !== '' &&
        saved.source !== example?.source &&
        saved.source !== store.getState().source
      ) {
        const file = saved.file ?? UNTITLED;
        setWork({
          text: saved.source,
          baseline: saved.baseline ?? null,
          file,
          exampleId: saved.scenarioId ?? null,
        });
        sent.current = saved.source;
        pinned.current = true;
        loadSource(saved.source, file, saved.overrides ?? {}, { run: false });
        setNotice(
          (n) => n ?? { text: 'Restored your unsaved script from your last visit.', tone: 'info' },
        );
      }
      setReady(true);
    };
    void start();
    return () => {
      cancelled = true;
    };
  }, [autosave, loadSource, store]);

  // The store loaded something the playground did not send (the scenario menu, a URL): show it.
  useEffect(() => {
    if (!ready) return;
    const before = seen.current;
    seen.current = storeSource;
    if (storeSource === '' || storeSource === before || storeSource === sent.current) return;
    if (before === '' && pinned.current) return;
    sent.current = storeSource;
    setWork({
      text: storeSource,
      baseline: storeSource,
      file: storeFile || UNTITLED,
      exampleId: storeScenarioId,
    });
  }, [ready, storeSource, storeFile, storeScenarioId]);

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

  const confirmReplace = useConfirmReplace(work.text, work.baseline);

  const load = useCallback(
    (run: boolean) => {
      const o = sharedOverrides.current ?? store.getState().overrides;
      sharedOverrides.current = null;
      sent.current = work.text;
      const example = scenarios.find((s) => s.id === work.exampleId);
      if (example !== undefined && example.source === work.text)
        openScenario(example.id, o, { run });
      else loadSource(work.text, work.file, o, { run });
      setNotice(null);
      setToldRestarts(store.getState().restarts);
    },
    [store, scenarios, work, openScenario, loadSource],
  );

  const examples = useMemo<ExampleItem[]>(
    () => scenarios.map((s) => ({ id: s.id, title: s.title, description: s.description })),
    [scenarios],
  );

  const restartNotice: Notice =
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
    showsLoadedScript: work.file === storeFile,
    setText: useCallback(
      (text: string) => setWork((w) => (w.text === text ? w : { ...w, text })),
      [],
    ),
    run: useCallback(() => load(true), [load]),
    reset: useCallback(() => load(false), [load]),
    openExample: useCallback(
      (id: string) => {
        const entry = scenarios.find((s) => s.id === id);
        if (entry === undefined) return;
        confirmReplace(entry.title, () => {
          sent.current = entry.source;
          setWork({
            text: entry.source,
            baseline: entry.source,
            file: entry.file,
            exampleId: entry.id,
          });
          openScenario(entry.id, {}, { run: false });
          setNotice(null);
        });
      },
      [scenarios, confirmReplace, openScenario],
    ),
    openFile: useCallback(
      (f: { name: string; text: string }) => {
        confirmReplace(f.name, () => {
          setWork({ text: f.text, baseline: f.text, file: f.name, exampleId: null });
          setNotice({ text: `Opened ${f.name}. Press Run to run it.`, tone: 'info' });
        });
      },
      [confirmReplace],
    ),
    download: useCallback(() => {
      const name =
        work.file !== UNTITLED
          ? work.file.replace(/\.(?:mts|js|mjs)$/, '.ts')
          : scenarioFileName(store.getState().scenario?.name ?? 'scenario');
      downloadScenario(work.text, name);
      setWork((w) => ({ ...w, baseline: w.text }));
    }, [work, store]),
    getSharePayload: useCallback((): SharePayload => {
      const config = store.getState().config ?? FALLBACK_CONFIG;
      const payload: SharePayload = {
        source: work.text,
        config: { ...config, params: { ...config.params } },
      };
      if (work.exampleId !== null) payload.scenarioId = work.exampleId;
      return payload;
    }, [work, store]),
  };
}
