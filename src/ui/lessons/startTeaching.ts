// Opening the teaching side from the URL: `?lesson=ID&step=N` plays a lesson, `present=1` starts
// presenter mode (`views=machine,endpoints` picks its views), `embed=1` is the iframe mode with
// its postMessage API. The URL then follows the lesson's step so it can be shared.
import { installEmbedBridge } from '../embed/embedBridge';
import { applyTheme } from '../presenter/theme';
import type { AppStore } from '../store/createAppStore';
import { findLesson } from './lessonCatalog';
import { VIEW_NAMES, type ViewName } from './lessonFormat';
import type { Teaching } from './TeachingProvider';
import type { EmbedOptions } from './teachingStore';

/** Query parameters the teaching side owns; the app keeps them when it rewrites the URL. */
export const TEACHING_PARAMS = [
  'lesson',
  'step',
  'present',
  'views',
  'embed',
  'editor',
  'controls',
  'parentOrigin',
];

/** `query` (from the app's toUrl) with the teaching parameters of `search` added back. */
export function withTeachingParams(query: string, search: string): string {
  const from = new URLSearchParams(search);
  const to = new URLSearchParams(query);
  for (const k of TEACHING_PARAMS) {
    const v = from.get(k);
    if (v !== null) to.set(k, v);
  }
  const s = to.toString();
  return s === '' ? '' : `?${s}`;
}

export function parseViews(v: string | null): ViewName[] {
  if (v === null) return [];
  return v
    .split(',')
    .map((x) => x.trim())
    .filter((x): x is ViewName => (VIEW_NAMES as readonly string[]).includes(x));
}

export function embedOptions(search: string): EmbedOptions | null {
  const q = new URLSearchParams(search);
  if (q.get('embed') !== '1') return null;
  const views = parseViews(q.get('views'));
  const editor = q.get('editor') === '1';
  const origins = q.get('parentOrigin');
  return {
    views: [
      ...(views.length > 0 ? views : (['machine', 'endpoints', 'narration'] as ViewName[])),
      ...(editor ? (['editor'] as ViewName[]) : []),
    ],
    controls: q.get('controls') !== '0',
    editor,
    origins:
      origins === null
        ? null
        : origins
            .split(',')
            .map((o) => o.trim())
            .filter(Boolean),
  };
}

export function startTeaching(
  app: AppStore,
  teaching: Teaching,
  loc: Location,
  history: History,
): void {
  const q = new URLSearchParams(loc.search);
  const t = teaching.store;
  applyTheme(t.getState().theme, false);
  t.subscribe((now, before) => {
    if (now.theme !== before.theme) applyTheme(now.theme, true);
  });
  if (q.get('present') === '1') {
    const views = parseViews(q.get('views'));
    t.setState({ presenter: true, presenterViews: views.length > 0 ? views : null });
  }
  const embed = t.getState().embed;
  if (embed !== null || window.parent !== window || window.opener !== null) {
    installEmbedBridge(app, teaching, embed?.origins ?? null);
  }
  const id = q.get('lesson');
  if (id !== null) {
    const entry = findLesson(id);
    if (entry?.lesson) {
      const step = Number(q.get('step') ?? '1');
      teaching.player.open(entry.lesson, Number.isInteger(step) && step > 0 ? step - 1 : 0);
    } else {
      const why = entry
        ? entry.problems.map((p) => `${entry.file}:${p.line}: ${p.message}`).join('; ')
        : 'no such lesson';
      app.setState((s) => ({
        errors: [
          ...s.errors,
          {
            id: -100,
            kind: 'load',
            message: `in the address: lesson '${id}': ${why}`,
            file: null,
            line: null,
            column: null,
            thread: null,
            at: 0,
          },
        ],
      }));
    }
  }
  // The address follows the lesson and its step (replaceState: no history entry per step).
  t.subscribe((now, before) => {
    if (
      now.lesson === before.lesson &&
      now.step === before.step &&
      now.presenter === before.presenter
    )
      return;
    const p = new URLSearchParams(loc.search);
    if (now.lesson === null) {
      p.delete('lesson');
      p.delete('step');
    } else {
      p.set('lesson', now.lesson.id);
      p.set('step', String(now.step + 1));
    }
    if (now.presenter) p.set('present', '1');
    else p.delete('present');
    const s = p.toString();
    history.replaceState(null, '', `${loc.pathname}${s === '' ? '' : `?${s}`}${loc.hash}`);
  });
}
