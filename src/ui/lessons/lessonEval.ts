// How a lesson reads the run: which event ends a step, and what the run answers to a prediction.
// Pure functions over events, so the answer always comes from the run itself.
import type { SimEvent } from '../../sim/simEvents';
import type { Answer, EventFilter, Lesson, ScenarioRef } from './lessonFormat';

function fieldText(e: SimEvent, name: string): string | undefined {
  const v = (e as unknown as Record<string, unknown>)[name];
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return v.join(',');
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

export function matchesFilter(e: SimEvent, f: EventFilter): boolean {
  if (e.type !== f.type) return false;
  for (const t of f.fields) {
    const v = fieldText(e, t.name);
    if (v === undefined) return false;
    if (
      t.op === '='
        ? v.toLowerCase() !== t.value.toLowerCase()
        : !v.toLowerCase().includes(t.value.toLowerCase())
    ) {
      return false;
    }
  }
  return true;
}

export interface EventReader {
  get(i: number): SimEvent;
}

/** The first event at or after `from` (and before `to`) that passes the filter, or -1. */
export function findEvent(log: EventReader, from: number, to: number, f: EventFilter): number {
  for (let i = from; i < to; i++) if (matchesFilter(log.get(i), f)) return i;
  return -1;
}

/**
 * The run's answer to a prediction: from the events [start, end], end being the event that
 * ended the step. Null when the field is missing from that event.
 */
export function answerFrom(log: EventReader, start: number, end: number, a: Answer): string | null {
  if (a.kind === 'field') return fieldText(log.get(end), a.field) ?? null;
  let n = 0;
  for (let i = start; i <= end; i++) {
    const e = log.get(i);
    if (!matchesFilter(e, a.filter)) continue;
    if (a.kind === 'count') n++;
    else n += Number(fieldText(e, a.field) ?? 0);
  }
  return String(n);
}

/**
 * Whether a choice names the run's answer: the same text, or for a number a range written
 * `10-99`, `100+` or `<10`, so a prediction can ask for an order of magnitude.
 */
export function sameAnswer(choice: string, answer: string): boolean {
  const c = choice.trim().toLowerCase().replace(/,/g, '');
  if (c === answer.trim().toLowerCase()) return true;
  const n = Number(answer);
  if (answer.trim() === '' || !Number.isFinite(n)) return false;
  let m = /^(\d+)\s*-\s*(\d+)$/.exec(c);
  if (m) return n >= Number(m[1]) && n <= Number(m[2]);
  m = /^(\d+)\s*\+$/.exec(c);
  if (m) return n >= Number(m[1]);
  m = /^<\s*(\d+)$/.exec(c);
  if (m) return n < Number(m[1]);
  return false;
}

/** The scenario and machine in force at each step (a step's scenario: or machine: carries on). */
export function scenarioAt(lesson: Lesson, step: number): ScenarioRef {
  let ref: ScenarioRef = lesson.scenario;
  for (let k = 0; k <= step && k < lesson.steps.length; k++) {
    const s = lesson.steps[k]!.scenario;
    if (s !== null) {
      ref = { id: s.id ?? ref.id, overrides: { ...lesson.scenario.overrides, ...s.overrides } };
    }
  }
  return ref;
}

export function scenarioKey(ref: ScenarioRef): string {
  const o = ref.overrides;
  return JSON.stringify([ref.id, o.platform, o.cores, o.kernel, o.mcs, o.seed]);
}
