// Plays a lesson against the app: each step loads its scenario if it changes, then waits for what
// the step names — the learner's Next, a selection, or an event of the run (never a timer). A
// prediction is asked before the run plays and answered from the events once the step's event
// has been applied; the cursor is then put just after that event so the views show it.
import type { AppStore } from '../store/createAppStore';
import type { AppState, BottomTab } from '../store/types';
import { describeFilter, type Lesson } from './lessonFormat';
import { answerFrom, matchesFilter, sameAnswer, scenarioAt, scenarioKey } from './lessonEval';
import { recordProgress } from './progress';
import { NEW_RUN, type StepRun, type TeachingStore } from './teachingStore';

const TAB_VIEWS: Record<string, BottomTab> = {
  lines: 'lines',
  namespace: 'namespace',
  console: 'console',
  trace: 'trace',
  narration: 'narration',
};

/** Stop reasons after which a run will not go on by itself. */
const ENDS = new Set([
  'idle',
  'maxCycles',
  'maxEvents',
  'logFull',
  'watchdog',
  'error',
  'stepLimit',
]);

export interface LessonPlayer {
  open(lesson: Lesson, step?: number): void;
  close(): void;
  next(): void;
  prev(): void;
  pick(choice: string): void;
  /** Play the current step's run (again, after the learner paused it). */
  play(): void;
  goTo(step: number): void;
}

export function createLessonPlayer(app: AppStore, teaching: TeachingStore): LessonPlayer {
  let loadedKey: string | null = null;
  /** Cursor at the end of each step reached, to come back to it with Back. */
  let ends: (number | null)[] = [];
  let scanned = 0;

  const t = () => teaching.getState();
  const setRun = (patch: Partial<StepRun>) =>
    teaching.setState((s) => ({ run: { ...s.run, ...patch } }));
  const current = () => {
    const s = t();
    return s.lesson === null ? null : (s.lesson.steps[s.step] ?? null);
  };

  const begin = () => {
    const step = current();
    const a = app.getState();
    if (step === null) return;
    scanned = a.cursor;
    setRun({ ...NEW_RUN, status: 'reached', start: a.cursor });
    if (step.until.kind === 'next') return reached(null);
    if (step.until.kind === 'select') return setRun({ status: 'waiting' });
    if (step.ask !== null) return setRun({ status: 'asking' });
    play();
  };

  const reached = (matched: number | null) => {
    const s = t();
    const step = current();
    if (s.lesson === null || step === null) return;
    const a = app.getState();
    const patch: Partial<StepRun> = { status: 'reached', matched };
    if (step.ask !== null && matched !== null) {
      const answer = answerFrom(a.log, s.run.start, matched, step.ask.answer);
      patch.answer = answer ?? '(the event has no such field)';
      patch.correct =
        s.run.picked === null || answer === null ? null : sameAnswer(s.run.picked, answer);
    }
    setRun(patch);
    ends[s.step] = a.cursor;
    const lesson = s.lesson;
    const index = s.step;
    recordProgress(
      lesson.id,
      (p) => ({
        ...p,
        step: Math.max(p.step, index),
        asked: p.asked + (step.ask !== null ? 1 : 0),
        right: p.right + (patch.correct === true ? 1 : 0),
      }),
      lesson.steps.length,
    );
  };

  const play = () => {
    const step = current();
    const a = app.getState();
    if (step === null || step.until.kind !== 'event') return;
    setRun({ status: 'playing' });
    // The event may already be in the page's log (the run went ahead, or the learner stepped).
    for (let i = scanned; i < a.cursor; i++) {
      if (matchesFilter(a.log.get(i), step.until.filter)) return settle(i);
    }
    scanned = a.cursor;
    if (!a.running) {
      if (a.cursor >= a.total && a.stop !== null && ENDS.has(a.stop.reason)) return endedBefore(a);
      a.run();
    }
  };

  const settle = (i: number) => {
    setRun({ status: 'settling', matched: i });
    const a = app.getState();
    if (a.running) a.pause();
    else onApp(a);
  };

  const endedBefore = (a: AppState) => {
    const step = current();
    if (step === null || step.until.kind !== 'event') return;
    setRun({
      status: 'failed',
      problem:
        `the run ended (${a.stop?.reason ?? 'stopped'}) before an event ` +
        `'${describeFilter(step.until.filter)}' that step ${t().step + 1} waits for`,
    });
  };

  const enter = (index: number, back: boolean) => {
    const s = t();
    if (s.lesson === null) return;
    const lesson = s.lesson;
    const step = lesson.steps[index];
    if (step === undefined) return;
    teaching.setState({ step: index, run: { ...NEW_RUN }, finished: false });
    const a = app.getState();
    const tab = step.show.map((v) => TAB_VIEWS[v]).find((x) => x !== undefined);
    if (tab !== undefined) a.setBottomTab(tab);
    const ref = scenarioAt(lesson, index);
    const key = scenarioKey(ref);
    if (key !== loadedKey) {
      loadedKey = key;
      ends = [];
      // Every run control runs the editor's text (draftSlice.ts), so the step's scenario becomes
      // that text; unsaved edits were autosaved when the lesson took the editor's place, and the
      // editor offers them back when the lesson closes.
      if (ref.id !== null) a.openExample(ref.id, ref.overrides, { run: false });
      else {
        const text = lesson.source ?? '';
        const file = `${lesson.id}.ts`;
        a.replaceDraft({ text, baseline: text, file, exampleId: null });
        a.loadSource(text, file, ref.overrides, { run: false });
      }
      return;
    }
    const end = ends[index];
    if (back && end !== undefined && end !== null) {
      a.seek(end);
      setRun({ status: 'reached', start: end });
      return;
    }
    begin();
  };

  const onApp = (a: AppState) => {
    const s = t();
    const step = current();
    if (s.lesson === null || step === null) return;
    const quiet = !a.running && a.pending === 0;
    switch (s.run.status) {
      case 'loading':
        if (a.loadState === 'failed') {
          const why = a.errors[0]?.message ?? 'it did not load';
          setRun({ status: 'failed', problem: `the lesson's scenario did not load: ${why}` });
        } else if (a.loadState === 'ready' && quiet) begin();
        return;
      case 'playing': {
        if (step.until.kind !== 'event') return;
        for (let i = scanned; i < a.cursor; i++) {
          if (matchesFilter(a.log.get(i), step.until.filter)) return settle(i);
        }
        scanned = Math.max(scanned, a.cursor);
        if (quiet && a.stop !== null && ENDS.has(a.stop.reason) && a.cursor >= a.total)
          endedBefore(a);
        return;
      }
      case 'settling': {
        const m = s.run.matched;
        if (m === null || !quiet) return;
        if (a.cursor !== m + 1) a.seek(m + 1);
        else reached(m);
        return;
      }
      case 'waiting': {
        if (step.until.kind !== 'select') return;
        const picked =
          step.until.what === 'thread'
            ? a.selectedThread
            : step.until.what === 'line'
              ? a.selectedLine
              : a.selectedProcess;
        if (picked === step.until.name) reached(null);
        return;
      }
      default:
        return;
    }
  };

  app.subscribe((a) => onApp(a));

  return {
    open(lesson, step = 0) {
      loadedKey = null;
      ends = [];
      const speed = lesson.speed;
      teaching.setState({ lesson, step: 0, run: { ...NEW_RUN }, finished: false, menuOpen: false });
      if (speed !== undefined) app.getState().setSpeed(speed);
      enter(Math.max(0, Math.min(step, lesson.steps.length - 1)), false);
    },
    close() {
      loadedKey = null;
      teaching.setState({ lesson: null, step: 0, run: { ...NEW_RUN }, finished: false });
    },
    next() {
      const s = t();
      if (s.lesson === null) return;
      const a = app.getState();
      switch (s.run.status) {
        case 'reached':
          if (s.step + 1 < s.lesson.steps.length) enter(s.step + 1, false);
          else if (!s.finished) {
            teaching.setState({ finished: true });
            const id = s.lesson.id;
            recordProgress(id, (p) => ({ ...p, done: true }), s.lesson.steps.length);
          }
          return;
        case 'asking':
          // No prediction (a presenter's clicker): reveal from the run all the same.
          return play();
        case 'playing':
          if (!a.running) play();
          return;
        case 'failed':
          if (s.step + 1 < s.lesson.steps.length) enter(s.step + 1, false);
          return;
        default:
          return;
      }
    },
    prev() {
      const s = t();
      if (s.lesson === null || s.step === 0) return;
      if (app.getState().running) app.getState().pause();
      enter(s.step - 1, true);
    },
    pick(choice) {
      if (t().run.status !== 'asking') return;
      setRun({ picked: choice });
      play();
    },
    play,
    goTo(step) {
      if (t().lesson !== null) enter(step, step < t().step);
    },
  };
}
