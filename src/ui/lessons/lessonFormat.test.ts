// The lesson format: front matter, steps with directives, an embedded scenario, and a message
// with the line for every mistake.
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../sim/simEvents';
import { answerFrom, matchesFilter, sameAnswer, scenarioAt } from './lessonEval';
import { parseLesson } from './lessonFormat';

const GOOD = `---
title: "Fastpath: a test"
summary: One line.
scenario: echo
cores: 2
speed: max
---

Intro text.

## First step

show: machine, endpoints
until: event objectChanged object=echo state=recv

Body of the first step.

### After
Shown after.

## Predict
ask: Fast or slow?
choices: fast | slow
until: event syscallExited thread~cli syscall=Call
answer: path

## Other machine
machine: platform=xeon-2s kernel=clustered:2 param.work=5
until: select thread server
`;

describe('parseLesson', () => {
  it('reads the front matter, the intro as a first step, and each step with its directives', () => {
    const r = parseLesson(GOOD, 'demo');
    expect(r.problems).toEqual([]);
    const l = r.lesson!;
    expect(l).toMatchObject({
      id: 'demo',
      title: 'Fastpath: a test',
      summary: 'One line.',
      speed: null,
    });
    expect(l.scenario).toEqual({ id: 'echo', overrides: { cores: 2 } });
    expect(l.steps.map((s) => s.title)).toEqual([
      'Fastpath: a test',
      'First step',
      'Predict',
      'Other machine',
    ]);
    const [intro, first, predict, other] = l.steps;
    expect(intro!.body).toBe('Intro text.');
    expect(first!.show).toEqual(['machine', 'endpoints']);
    expect(first!.until).toEqual({
      kind: 'event',
      filter: {
        type: 'objectChanged',
        fields: [
          { name: 'object', op: '=', value: 'echo' },
          { name: 'state', op: '=', value: 'recv' },
        ],
      },
    });
    expect(first!.body).toBe('Body of the first step.');
    expect(first!.after).toBe('Shown after.');
    expect(predict!.ask).toEqual({
      question: 'Fast or slow?',
      choices: ['fast', 'slow'],
      answer: { kind: 'field', field: 'path' },
    });
    expect(other!.until).toEqual({ kind: 'select', what: 'thread', name: 'server' });
    expect(scenarioAt(l, 3)).toEqual({
      id: 'echo',
      overrides: { cores: 2, platform: 'xeon-2s', kernel: 'clustered:2', params: { work: 5 } },
    });
    expect(scenarioAt(l, 1)).toEqual(l.scenario);
  });

  it('takes an embedded ts scenario block as the scenario and keeps it out of the text', () => {
    const r = parseLesson(
      '---\ntitle: T\n---\nHello\n```ts scenario\nexport default 1;\n```\n## S\nuntil: next\n',
      'x',
    );
    expect(r.lesson!.source).toBe('export default 1;\n');
    expect(r.lesson!.scenario.id).toBeNull();
    expect(r.lesson!.steps[0]!.body).toBe('Hello');
  });

  it('names the line and the problem of every mistake', () => {
    const bad = [
      '---',
      'title: T',
      'scenaro: echo',
      'cores: two',
      '---',
      '## A',
      'show: machine, cpu',
      'until: later',
      '## B',
      'ask: Q?',
      'choices: only',
      'until: next',
      'answer: path',
      '## C',
      'until: event syscallExited path:fast',
    ].join('\n');
    const r = parseLesson(bad, 'bad');
    expect(r.lesson).toBeNull();
    expect(r.problems).toEqual([
      {
        line: 1,
        message:
          "no scenario: name a built-in one ('scenario: echo') or embed a ```ts scenario block",
      },
      {
        line: 3,
        message:
          "'scenaro: echo' is not one of title, summary, scenario, platform, cores, kernel, mcs, seed, speed",
      },
      { line: 4, message: 'cores=two is not a whole number' },
      {
        line: 7,
        message:
          "'cpu' is not a view (machine, endpoints, timeline, inspector, stats, lines, namespace, console, trace, narration, editor)",
      },
      {
        line: 8,
        message:
          "until must be 'next', 'event TYPE [field=value...]' or 'select thread NAME', not 'later'",
      },
      { line: 11, message: 'choices: needs two or more, separated by |' },
      { line: 13, message: 'a prediction is answered by the run: give it until: event ...' },
      { line: 15, message: "'path:fast' is not name=value or name~text" },
    ]);
  });

  it('says so when the front matter or the steps are missing', () => {
    expect(parseLesson('Just text', 'x').problems.map((p) => p.message)).toContain(
      'a lesson starts with a front matter block between --- lines',
    );
    expect(parseLesson('---\ntitle: T\nscenario: echo\n---\nintro\n', 'x').problems).toEqual([
      { line: 6, message: 'the lesson has no steps (## headings)' },
    ]);
  });
});

describe('answers from the run', () => {
  const ev = (seq: number, body: Record<string, unknown>) =>
    ({ seq, t: seq, core: 0, ...body }) as unknown as SimEvent;
  const log = [
    ev(0, { type: 'lockContended', image: 0, waitCycles: 100 }),
    ev(1, { type: 'syscallExited', thread: 'client', syscall: 'Call', path: 'slow', cycles: 9 }),
    ev(2, { type: 'lockContended', image: 0, waitCycles: 50 }),
    ev(3, {
      type: 'fileOperation',
      thread: 'cat',
      op: 'read',
      path: '/f',
      bytes: 16,
      kernelEntries: 2,
    }),
  ];
  const reader = { get: (i: number) => log[i]! };

  it('matches events by type and fields, = for equal and ~ for contains', () => {
    expect(
      matchesFilter(log[1]!, {
        type: 'syscallExited',
        fields: [{ name: 'thread', op: '~', value: 'cli' }],
      }),
    ).toBe(true);
    expect(
      matchesFilter(log[1]!, {
        type: 'syscallExited',
        fields: [{ name: 'path', op: '=', value: 'fast' }],
      }),
    ).toBe(false);
    expect(
      matchesFilter(log[1]!, {
        type: 'syscallExited',
        fields: [{ name: 'nothing', op: '=', value: 'x' }],
      }),
    ).toBe(false);
  });

  it('reads a field of the last event, counts and sums over the step', () => {
    const lock = { type: 'lockContended', fields: [] };
    expect(answerFrom(reader, 0, 3, { kind: 'field', field: 'kernelEntries' })).toBe('2');
    expect(answerFrom(reader, 0, 3, { kind: 'count', filter: lock })).toBe('2');
    expect(answerFrom(reader, 1, 3, { kind: 'count', filter: lock })).toBe('1');
    expect(answerFrom(reader, 0, 3, { kind: 'sum', field: 'waitCycles', filter: lock })).toBe(
      '150',
    );
    expect(answerFrom(reader, 0, 3, { kind: 'field', field: 'missing' })).toBeNull();
  });

  it('compares choices as text, or as number ranges', () => {
    expect(sameAnswer(' Fast ', 'fast')).toBe(true);
    expect(sameAnswer('slow', 'fast')).toBe(false);
    expect(sameAnswer('50-199', '139')).toBe(true);
    expect(sameAnswer('50-199', '200')).toBe(false);
    expect(sameAnswer('1,000+', '1394')).toBe(true);
    expect(sameAnswer('<50', '20')).toBe(true);
    expect(sameAnswer('<50', 'fast')).toBe(false);
  });
});
