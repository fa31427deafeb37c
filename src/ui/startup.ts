// Opening the app: read the URL, open its scenario (or the default) on its machine and start
// running; keep the URL in step with the scenario and machine so it can be shared.
import type { AppStore } from './store/createAppStore';
import { DEFAULT_SPEED } from './store/playbackSlice';
import { DEFAULT_SCENARIO } from './store/scenarioList';
import { parseUrl, toUrl } from './store/urlState';
import type { SimClient } from '../worker/simClient';
import { withTeachingParams } from './lessons/startTeaching';

export function startApp(
  store: AppStore,
  client: SimClient,
  loc: Location,
  history: History,
): void {
  const url = parseUrl(loc.search);
  const s = store.getState();
  s.setSpeed(url.speed === undefined ? DEFAULT_SPEED : url.speed);
  // A shared link (#code/...) never runs by itself: the playground restores it and waits for Run.
  const shared = loc.hash.startsWith('#code/');
  // A newcomer opening the bare address sees the default example paused at its start, with a hint
  // to press Run, rather than a run that is over before they have looked at it.
  const bare = url.scenario === null && url.speed === undefined;
  // A lesson in the address opens its own scenario (startTeaching): do not start another first.
  const lesson = new URLSearchParams(loc.search).has('lesson');
  // A link to a moment (`at`, focusHistory.ts) opens paused and seeks there instead.
  const moment = new URLSearchParams(loc.search).has('at');
  s.openExample(url.scenario ?? DEFAULT_SCENARIO, url.overrides, {
    run: !url.paused && !shared && !bare && !lesson && !moment,
  });
  if (url.problems.length > 0) {
    store.setState((st) => ({
      errors: [
        ...st.errors,
        ...url.problems.map((message, i) => ({
          id: -1 - i,
          kind: 'load' as const,
          message: `in the address: ${message}`,
          file: null,
          line: null,
          column: null,
          thread: null,
          at: 0,
        })),
      ],
    }));
  }
  // Scenario files the catalog does not list yet: ask the worker for their names.
  const unnamed = s.scenarios.filter((e) => e.title === e.id);
  if (unnamed.length > 0) {
    store.setState((st) => ({ pending: st.pending + 1 }));
    client.send({
      type: 'describeScenarios',
      sources: unnamed.map((e) => ({ file: e.file, source: e.source })),
    });
  }
  store.subscribe((now, before) => {
    if (now.scenarioId === before.scenarioId && now.overrides === before.overrides) return;
    if (now.scenarioId === null) return;
    const query = withTeachingParams(toUrl(now.scenarioId, now.overrides), loc.search);
    history.replaceState(null, '', `${loc.pathname}${query}`);
  });
}
