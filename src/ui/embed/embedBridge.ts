// Wires the postMessage API (embedProtocol.ts) to the app: messages are taken only from the
// window that embeds or opened this one, from an allowed origin (`parentOrigin=`), and after a
// hello only from the origin that said it; every reply goes to that origin, never to '*'
// (except to a file:// page, whose origin is 'null' and cannot be named).
import { narrationBefore, lineFor } from '../../projection/narration/window';
import { findLesson } from '../lessons/lessonCatalog';
import type { Teaching } from '../lessons/TeachingProvider';
import type { AppStore } from '../store/createAppStore';
import {
  COMMANDS,
  EMBED_API_VERSION,
  originAllowed,
  parseCommand,
  type EmbedCommand,
  type EmbedReply,
  type EmbedState,
} from './embedProtocol';

export function embedState(app: AppStore, teaching: Teaching): EmbedState {
  const a = app.getState();
  const t = teaching.store.getState();
  const lines = a.cursor > 0 ? narrationBefore(a.log, a.cursor, 300) : [];
  return {
    scenario: a.scenarioId,
    loadState: a.loadState,
    running: a.running,
    cursor: a.cursor,
    total: a.total,
    stop: a.stop,
    narration: a.cursor > 0 ? (lineFor(lines, a.cursor - 1)?.text ?? null) : null,
    lesson:
      t.lesson === null
        ? null
        : { id: t.lesson.id, step: t.step + 1, steps: t.lesson.steps.length, status: t.run.status },
  };
}

const quiet = (app: AppStore) => {
  const a = app.getState();
  return !a.running && a.pending === 0 && a.loadState !== 'loading';
};

export function installEmbedBridge(
  app: AppStore,
  teaching: Teaching,
  allowed: string[] | null,
): void {
  const peers = [window.parent !== window ? window.parent : null, window.opener as Window | null];
  let partner: { source: MessageEventSource; origin: string } | null = null;
  const post = (target: MessageEventSource, origin: string, m: EmbedReply) =>
    (target as Window).postMessage(m, origin === 'null' ? '*' : origin);

  const run = (c: EmbedCommand): string | null => {
    const a = app.getState();
    switch (c.type) {
      case 'play':
        a.run();
        return null;
      case 'pause':
        a.pause();
        return null;
      case 'step':
        a.step(c.unit, c.direction);
        return null;
      case 'seek':
        a.seek(c.index);
        return null;
      case 'load':
        if (!a.scenarios.some((s) => s.id === c.scenario)) {
          return `there is no built-in scenario '${c.scenario}'`;
        }
        teaching.player.close();
        // As the editor's text, which is what play and the run controls run (draftSlice.ts).
        a.openExample(c.scenario, c.machine, { run: c.run });
        return null;
      case 'loadSource':
        teaching.player.close();
        a.replaceDraft({ text: c.source, baseline: c.source, file: c.file, exampleId: null });
        a.loadSource(c.source, c.file, c.machine, { run: c.run });
        return null;
      case 'lesson': {
        const l = findLesson(c.id);
        if (!l?.lesson) return `there is no lesson '${c.id}'`;
        teaching.player.open(l.lesson, c.step - 1);
        return null;
      }
      case 'next':
        teaching.player.next();
        return null;
      case 'back':
        teaching.player.prev();
        return null;
      default:
        return null;
    }
  };

  window.addEventListener('message', (e: MessageEvent) => {
    if (e.source === null || !peers.includes(e.source as Window)) return;
    if (!originAllowed(e.origin, allowed)) return;
    if (partner !== null && e.origin !== partner.origin) return;
    const c = parseCommand(e.data);
    if (c === null) return;
    const id = (e.data as { id?: unknown }).id ?? null;
    const command = String((e.data as { type?: unknown }).type);
    if (typeof c === 'string') {
      post(e.source, e.origin, { ipcscope: 1, type: 'reply', id, command, ok: false, error: c });
      return;
    }
    if (c.type === 'hello') {
      partner = { source: e.source, origin: e.origin };
      post(e.source, e.origin, {
        ipcscope: 1,
        type: 'ready',
        id,
        version: EMBED_API_VERSION,
        commands: COMMANDS,
        state: embedState(app, teaching),
      });
      return;
    }
    if (partner === null) {
      const error = "say hello first: { ipcscope: 1, type: 'hello' }";
      post(e.source, e.origin, { ipcscope: 1, type: 'reply', id, command, ok: false, error });
      return;
    }
    const error = run(c);
    const p = partner;
    const answer = () =>
      post(
        p.source,
        p.origin,
        error === null
          ? { ipcscope: 1, type: 'reply', id, command, ok: true, state: embedState(app, teaching) }
          : { ipcscope: 1, type: 'reply', id, command, ok: false, error },
      );
    // Steps, seeks and queries answer once the app has settled, with the state they led to.
    const settle = error === null && ['step', 'seek', 'state', 'back'].includes(c.type);
    if (!settle || quiet(app)) return answer();
    const off = app.subscribe(() => {
      if (!quiet(app)) return;
      off();
      answer();
    });
  });

  // State pushed to the partner when it changes, at most ten times a second.
  let last = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  const push = () => {
    timer = null;
    if (partner === null) return;
    const state = embedState(app, teaching);
    const key = JSON.stringify(state);
    if (key === last) return;
    last = key;
    post(partner.source, partner.origin, { ipcscope: 1, type: 'state', state });
  };
  const schedule = () => {
    timer ??= setTimeout(push, 100);
  };
  app.subscribe(schedule);
  teaching.store.subscribe(schedule);
}
