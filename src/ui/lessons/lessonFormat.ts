// The lesson file format (README "Lessons"): Markdown with a front matter block, an optional
// embedded scenario, and one `## ` heading per step. Each step's first lines are directives
// (`show:`, `until:`, `ask:`, `choices:`, `answer:`, `scenario:`, `machine:`); the rest is its
// text, and a `### After` part is shown once the step is over. Pure: no DOM, no store.
import type { ConfigOverrides } from '../../sim/config';
import {
  parseAnswer,
  parseMachine,
  parseUntil,
  parseViews,
  setMachineKey,
} from './lessonDirectives';
import type {
  Ask,
  Lesson,
  LessonProblem,
  LessonStep,
  ParseResult,
  ScenarioRef,
  Until,
} from './lessonTypes';

interface Section {
  title: string;
  line: number;
  lines: { text: string; line: number }[];
}

export * from './lessonTypes';
export { describeFilter, parseFilter } from './lessonDirectives';

const STEP_KEYS = new Set(['show', 'until', 'ask', 'choices', 'answer', 'scenario', 'machine']);
const FRONT_KEYS = new Set([
  'title',
  'summary',
  'scenario',
  'platform',
  'cores',
  'kernel',
  'mcs',
  'seed',
  'speed',
]);

/** Parse a lesson file; `id` is its file name without .md. */
export function parseLesson(text: string, id: string): ParseResult {
  const problems: LessonProblem[] = [];
  const all = text.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  const front = new Map<string, { value: string; line: number }>();
  if (all[0]?.trim() === '---') {
    i = 1;
    for (; i < all.length && all[i]!.trim() !== '---'; i++) {
      const raw = all[i]!;
      if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
      const m = /^([a-zA-Z]+):\s*(.*)$/.exec(raw);
      if (!m || !FRONT_KEYS.has(m[1]!)) {
        problems.push({
          line: i + 1,
          message: `'${raw.trim()}' is not one of ${[...FRONT_KEYS].join(', ')}`,
        });
      } else front.set(m[1]!, { value: unquote(m[2]!.trim()), line: i + 1 });
    }
    if (i >= all.length)
      problems.push({ line: 1, message: 'the front matter (---) is not closed' });
    i++;
  } else {
    problems.push({
      line: 1,
      message: 'a lesson starts with a front matter block between --- lines',
    });
  }
  // The body: an intro, then `## ` sections; a ```ts scenario block anywhere is the scenario.
  let source: string | null = null;
  const intro: Section = { title: '', line: i + 1, lines: [] };
  const sections: Section[] = [];
  let cur = intro;
  for (; i < all.length; i++) {
    const raw = all[i]!;
    if (/^```\s*ts\s+scenario\s*$/.test(raw.trim())) {
      const start = i + 1;
      let j = start;
      while (j < all.length && all[j]!.trim() !== '```') j++;
      if (j >= all.length)
        problems.push({ line: i + 1, message: 'the ```ts scenario block is not closed' });
      source = all.slice(start, j).join('\n') + '\n';
      i = j;
      continue;
    }
    const h = /^##\s+(.+)$/.exec(raw);
    if (h) {
      cur = { title: h[1]!.trim(), line: i + 1, lines: [] };
      sections.push(cur);
      continue;
    }
    cur.lines.push({ text: raw, line: i + 1 });
  }

  const title = front.get('title')?.value ?? '';
  if (title === '') problems.push({ line: 1, message: 'the front matter has no title' });
  const overrides: ConfigOverrides = {};
  for (const key of ['platform', 'cores', 'kernel', 'mcs', 'seed']) {
    const f = front.get(key);
    if (f) setMachineKey(overrides, key, f.value, f.line, problems);
  }
  const scenarioId = front.get('scenario')?.value ?? null;
  if (scenarioId === null && source === null) {
    problems.push({
      line: 1,
      message:
        "no scenario: name a built-in one ('scenario: echo') or embed a ```ts scenario block",
    });
  }
  let speed: number | null | undefined;
  const sp = front.get('speed');
  if (sp) {
    if (sp.value === 'max') speed = null;
    else if (Number.isInteger(Number(sp.value)) && Number(sp.value) > 0) speed = Number(sp.value);
    else
      problems.push({
        line: sp.line,
        message: `speed ${sp.value} is not a positive whole number or max`,
      });
  }

  const steps: LessonStep[] = [];
  const introText = joinText(intro.lines);
  if (introText.trim() !== '') {
    steps.push({
      title,
      line: intro.line,
      show: [],
      until: { kind: 'next' },
      ask: null,
      body: introText,
      after: '',
      scenario: null,
    });
  }
  for (const sec of sections) steps.push(parseStep(sec, problems));
  if (sections.length === 0)
    problems.push({ line: all.length, message: 'the lesson has no steps (## headings)' });

  if (problems.length > 0)
    return { lesson: null, problems: problems.sort((a, b) => a.line - b.line) };
  const lesson: Lesson = {
    id,
    title,
    summary: front.get('summary')?.value ?? '',
    scenario: { id: scenarioId, overrides },
    source,
    steps,
  };
  if (speed !== undefined) lesson.speed = speed;
  return { lesson, problems: [] };
}

function parseStep(sec: Section, problems: LessonProblem[]): LessonStep {
  const d = new Map<string, { value: string; line: number }>();
  let k = 0;
  // Directives come first (a formatter may leave a blank line after the heading).
  while (k < sec.lines.length && sec.lines[k]!.text.trim() === '') k++;
  for (; k < sec.lines.length; k++) {
    const { text, line } = sec.lines[k]!;
    if (text.trim() === '') break;
    const m = /^([a-z]+):\s*(.*)$/.exec(text);
    if (!m || !STEP_KEYS.has(m[1]!)) {
      if (d.size === 0) break; // no directives: the text starts at once
      problems.push({
        line,
        message: `'${text.trim()}' is not a step directive (${[...STEP_KEYS].join(', ')})`,
      });
      continue;
    }
    d.set(m[1]!, { value: m[2]!.trim(), line });
  }
  const rest = sec.lines.slice(k);
  const afterAt = rest.findIndex((l) => /^###\s+After\s*$/i.test(l.text.trim()));
  const body = joinText(afterAt < 0 ? rest : rest.slice(0, afterAt));
  const after = afterAt < 0 ? '' : joinText(rest.slice(afterAt + 1));

  const show = d.has('show') ? parseViews(d.get('show')!.value, d.get('show')!.line, problems) : [];
  let until: Until = { kind: 'next' };
  const u = d.get('until');
  if (u) {
    const r = parseUntil(u.value);
    if (typeof r === 'string') problems.push({ line: u.line, message: r });
    else until = r;
  }
  let ask: Ask | null = null;
  const q = d.get('ask');
  const c = d.get('choices');
  const a = d.get('answer');
  if (q || c || a) {
    const at = (q ?? c ?? a)!.line;
    if (!q || !c || !a)
      problems.push({
        line: at,
        message: 'a prediction needs ask:, choices: and answer: together',
      });
    else {
      const choices = c.value
        .split('|')
        .map((x) => x.trim())
        .filter(Boolean);
      if (choices.length < 2)
        problems.push({ line: c.line, message: 'choices: needs two or more, separated by |' });
      const answer = parseAnswer(a.value);
      if (typeof answer === 'string') problems.push({ line: a.line, message: answer });
      else if (until.kind !== 'event') {
        problems.push({
          line: a.line,
          message: 'a prediction is answered by the run: give it until: event ...',
        });
      } else ask = { question: q.value, choices, answer };
    }
  }
  let scenario: ScenarioRef | null = null;
  const sc = d.get('scenario');
  const mc = d.get('machine');
  if (sc || mc) {
    scenario = {
      id: sc ? sc.value : null,
      overrides: mc ? parseMachine(mc.value, mc.line, problems) : {},
    };
  }
  return { title: sec.title, line: sec.line, show, until, ask, body, after, scenario };
}

function joinText(lines: { text: string }[]): string {
  return lines
    .map((l) => l.text)
    .join('\n')
    .trim();
}

/** A front matter value may be quoted, as in YAML: "UX/RT: read()". */
function unquote(v: string): string {
  const q = v[0];
  return (q === '"' || q === "'") && v.length >= 2 && v.endsWith(q) ? v.slice(1, -1) : v;
}
