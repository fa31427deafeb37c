// Every built-in lesson parses, names scenarios that exist, and can be played to its end by the
// engine: each step's event happens, and each prediction's answer (computed from the run, as the
// app does) is one of its choices.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioSource } from '../../loader/loadScenario';
import { SCENARIOS } from '../../scenarios/catalog';
import type { SimEvent } from '../../sim/simEvents';
import { buildLoaded, TEST_LIMITS } from '../../sim/testing/runScenario';
import { answerFrom, findEvent, sameAnswer, scenarioAt, scenarioKey } from './lessonEval';
import { parseLesson, type Lesson } from './lessonFormat';

const ROOT = path.join(__dirname, '../../..');
const FILES = fs.readdirSync(path.join(ROOT, 'lessons')).filter((f) => f.endsWith('.md'));

function lessonOf(file: string): Lesson {
  const r = parseLesson(fs.readFileSync(path.join(ROOT, 'lessons', file), 'utf8'), file);
  expect(r.problems, file).toEqual([]);
  return r.lesson!;
}

function eventsOf(lesson: Lesson, step: number): SimEvent[] {
  const ref = scenarioAt(lesson, step);
  const entry = ref.id === null ? null : SCENARIOS.find((s) => s.id === ref.id);
  const file = entry ? entry.file : `${lesson.id}.ts`;
  const source = entry
    ? fs.readFileSync(path.join(ROOT, 'src/scenarios', entry.file), 'utf8')
    : lesson.source!;
  const sim = buildLoaded(loadScenarioSource(source, file), ref.overrides);
  sim.run({ ...TEST_LIMITS, maxEvents: 60_000 });
  return [...sim.log];
}

/** Plays a lesson the way the player does: each step from where the last one ended. */
function play(lesson: Lesson): { step: string; answer: string | null; choices: string[] }[] {
  const out: { step: string; answer: string | null; choices: string[] }[] = [];
  let key = '';
  let log: SimEvent[] = [];
  let cursor = 0;
  lesson.steps.forEach((step, k) => {
    const ref = scenarioAt(lesson, k);
    if (scenarioKey(ref) !== key) {
      key = scenarioKey(ref);
      log = eventsOf(lesson, k);
      cursor = 0;
    }
    if (step.until.kind !== 'event') return;
    const reader = { get: (i: number) => log[i]! };
    const at = findEvent(reader, cursor, log.length, step.until.filter);
    expect(at, `${lesson.id}: step '${step.title}' never sees its event`).toBeGreaterThanOrEqual(0);
    if (step.ask !== null) {
      const answer = answerFrom(reader, cursor, at, step.ask.answer);
      out.push({ step: step.title, answer, choices: step.ask.choices });
    }
    cursor = at + 1;
  });
  return out;
}

describe('the built-in lessons', () => {
  it('are at least eight files, one per question plus the example', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(8);
  });

  for (const file of FILES) {
    it(`${file} parses and names built-in scenarios that exist`, () => {
      const lesson = lessonOf(file);
      lesson.steps.forEach((_, k) => {
        const id = scenarioAt(lesson, k).id;
        if (id === null) expect(lesson.source, file).not.toBeNull();
        else
          expect(
            SCENARIOS.some((s) => s.id === id),
            `${file}: ${id}`,
          ).toBe(true);
      });
    });

    it(`${file} plays to its end, and the run answers every prediction with one of its choices`, () => {
      const lesson = lessonOf(file);
      const played = play(lesson);
      expect(played.length, `${file}: predictions`).toBe(lesson.steps.filter((s) => s.ask).length);
      expect(played.length, `${file}: predictions`).toBeGreaterThan(0);
      for (const p of played) {
        expect(p.answer, `${file}: ${p.step}`).not.toBeNull();
        expect(
          p.choices.some((c) => sameAnswer(c, p.answer!)),
          `${file}: '${p.step}' answered ${p.answer}, not among ${p.choices.join(' | ')}`,
        ).toBe(true);
      }
    });
  }
});
