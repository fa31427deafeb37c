// The lesson player against a real store and engine (in process): a step's scenario is what its
// run plays, even when the editor held another scenario before the lesson opened.
import { afterEach, describe, expect, it } from 'vitest';
import { InProcessSimClient } from '../../worker/inProcessSimClient';
import { MIXED, PASSIVE } from '../../worker/testing/fixtures';
import { createAppStore, isIdle } from '../store/createAppStore';
import { parseLesson } from './lessonFormat';
import { createLessonPlayer } from './lessonPlayer';
import { createTeachingStore } from './teachingStore';

const clients: InProcessSimClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.dispose();
});

const entry = (id: string, source: string) => ({
  id,
  file: `${id}.ts`,
  title: id,
  description: '',
  kind: 'example' as const,
  source,
});

function setup() {
  const client = new InProcessSimClient();
  clients.push(client);
  const queued: (() => void)[] = [];
  const app = createAppStore(client, {
    schedule: (f) => queued.push(f),
    scenarios: [entry('mixed', MIXED), entry('passive', PASSIVE)],
  });
  const teaching = createTeachingStore('dark');
  const player = createLessonPlayer(app, teaching);
  const idle = async () => {
    for (let i = 0; i < 10_000; i++) {
      await new Promise((r) => setTimeout(r, 0));
      while (queued.length > 0) queued.shift()!();
      if (isIdle(app) && queued.length === 0) return;
    }
    throw new Error('the store never became idle');
  };
  return { app, teaching, player, idle };
}

const LESSON = `---
title: Passive
scenario: passive
speed: max
---

Intro.

## The waiter wakes

ask: Which thread does the kernel switch to first?
choices: server | a | b | waiter
until: event threadSwitched
answer: to

Text.
`;

describe('the lesson player', () => {
  it("plays the step's scenario, not the one the editor held before", async () => {
    const { app, teaching, player, idle } = setup();
    app.getState().setSpeed(null);
    app.getState().openExample('mixed', {}, { run: false });
    await idle();
    const lesson = parseLesson(LESSON, 'passive').lesson!;
    player.open(lesson, 1);
    await idle();
    expect(teaching.getState().run.status).toBe('asking');
    player.pick('server');
    await idle();
    await idle();
    const a = app.getState();
    expect(a.scenarioId).toBe('passive');
    expect(a.draft).toMatchObject({ exampleId: 'passive', text: PASSIVE });
    const run = teaching.getState().run;
    expect(run.status).toBe('reached');
    expect(a.log.get(run.matched!)).toMatchObject({ type: 'threadSwitched' });
    expect(run.answer).not.toBeNull();
  });

  it("a lesson's own scenario text becomes the editor's text", async () => {
    const { app, player, idle } = setup();
    app.getState().openExample('mixed', {}, { run: false });
    await idle();
    const own = LESSON.replace('scenario: passive\n', '').replace(
      'Intro.',
      `Intro.\n\n\`\`\`ts scenario\n${PASSIVE}\`\`\``,
    );
    const parsed = parseLesson(own, 'own');
    expect(parsed.problems).toEqual([]);
    player.open(parsed.lesson!, 0);
    await idle();
    expect(app.getState().draft).toMatchObject({ file: 'own.ts', exampleId: null });
    expect(app.getState().source).toBe(app.getState().draft.text);
  });
});
