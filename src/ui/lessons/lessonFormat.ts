// The lesson file format (README "Lessons"): Markdown with a front matter block, an optional
// embedded scenario, and one `## ` heading per step. Each step's first lines are directives
// (`show:`, `until:`, `ask:`, `choices:`, `answer:`, `scenario:`, `machine:`); the rest is its
// text, and a `### After` part is shown once the step is over. Pure: no DOM, no store.
import type { ConfigOverrides } from '../../sim/config';

export const VIEW_NAMES = [
  'machine',
  'endpoints',
  'timeline',
  'inspector',
  'stats',
  'lines',
  'namespace',
  'console',
  'trace',
  'narration',
  'editor',
] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

export interface FieldTest {
  name: string;
  /** `=` equals (as text), `~` contains. */
  op: '=' | '~';
  value: string;
}

export interface EventFilter {
  type: string;
  fields: FieldTest[];
}

export type Until =
  /** The learner presses Next. */
  | { kind: 'next' }
  /** The run plays until an event like this is applied. */
  | { kind: 'event'; filter: EventFilter }
  /** The learner selects this thread, cache line or process in any view. */
  | { kind: 'select'; what: 'thread' | 'line' | 'process'; name: string };

/** How the run answers a prediction, from the events of the step. */
export type Answer =
  /** A field of the event that ended the step (`path`, `core`, `kernelEntries`...). */
  | { kind: 'field'; field: string }
  /** How many events like this the step saw (up to and including the one that ended it). */
  | { kind: 'count'; filter: EventFilter }
  /** The sum of a field over the step's events like this. */
  | { kind: 'sum'; field: string; filter: EventFilter };

export interface Ask {
  question: string;
  choices: string[];
  answer: Answer;
}

export interface ScenarioRef {
  /** A built-in scenario id, or null for the lesson's embedded source. */
  id: string | null;
  overrides: ConfigOverrides;
}

export interface LessonStep {
  title: string;
  /** Line of the step's heading in the file (1-based). */
  line: number;
  show: ViewName[];
  until: Until;
  ask: Ask | null;
  body: string;
  after: string;
  /** Set when this step switches to another scenario or machine. */
  scenario: ScenarioRef | null;
}

export interface Lesson {
  id: string;
  title: string;
  summary: string;
  scenario: ScenarioRef;
  /** An embedded scenario (a ```ts scenario block), used when scenario.id is null. */
  source: string | null;
  /** Events per second for the lesson's runs (`max` = null); undefined keeps the app's. */
  speed?: number | null;
  steps: LessonStep[];
}

export interface LessonProblem {
  line: number;
  message: string;
}

export type ParseResult =
  { lesson: Lesson; problems: [] } | { lesson: null; problems: LessonProblem[] };

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

/** `syscallExited syscall=Call thread~cli` */
export function parseFilter(text: string): EventFilter | string {
  const [type, ...rest] = text.trim().split(/\s+/);
  if (!type || !/^[a-zA-Z]+$/.test(type)) return `'${text}' does not start with an event type`;
  const fields: FieldTest[] = [];
  for (const part of rest) {
    const m = /^([a-zA-Z]+)(=|~)(.+)$/.exec(part);
    if (!m) return `'${part}' is not name=value or name~text`;
    fields.push({ name: m[1]!, op: m[2] as '=' | '~', value: m[3]! });
  }
  return { type, fields };
}

export function describeFilter(f: EventFilter): string {
  const parts = f.fields.map((x) => `${x.name}${x.op}${x.value}`);
  return [f.type, ...parts].join(' ');
}

function parseUntil(v: string): Until | string {
  const [head, ...rest] = v.trim().split(/\s+/);
  if (head === 'next') return { kind: 'next' };
  if (head === 'event') {
    const f = parseFilter(rest.join(' '));
    return typeof f === 'string' ? f : { kind: 'event', filter: f };
  }
  if (head === 'select') {
    const [what, name] = rest;
    if ((what === 'thread' || what === 'line' || what === 'process') && name) {
      return { kind: 'select', what, name };
    }
    return `'select' needs thread, line or process and a name, as in 'select thread server'`;
  }
  return `until must be 'next', 'event TYPE [field=value...]' or 'select thread NAME', not '${v}'`;
}

function parseAnswer(v: string): Answer | string {
  const [head, ...rest] = v.trim().split(/\s+/);
  if (head === 'count') {
    const f = parseFilter(rest.join(' '));
    return typeof f === 'string' ? f : { kind: 'count', filter: f };
  }
  if (head === 'sum') {
    const [field, ...filter] = rest;
    const f = parseFilter(filter.join(' '));
    if (!field)
      return `'sum' needs a field and an event type, as in 'sum cycles cacheLineMigrated'`;
    return typeof f === 'string' ? f : { kind: 'sum', field, filter: f };
  }
  if (head && /^[a-zA-Z]+$/.test(head) && rest.length === 0) return { kind: 'field', field: head };
  return `answer must be a field name, 'count TYPE [field=value...]' or 'sum FIELD TYPE [...]', not '${v}'`;
}

function parseMachine(v: string, line: number, problems: LessonProblem[]): ConfigOverrides {
  const o: ConfigOverrides = {};
  for (const part of v.trim().split(/\s+/).filter(Boolean)) {
    const m = /^(platform|cores|kernel|mcs|seed|param\.[a-zA-Z]\w*)=(.+)$/.exec(part);
    if (!m) {
      problems.push({
        line,
        message: `'${part}' in machine is not platform=, cores=, kernel=, mcs=, seed= or param.NAME=`,
      });
      continue;
    }
    setMachineKey(o, m[1]!, m[2]!, line, problems);
  }
  return o;
}

function setMachineKey(
  o: ConfigOverrides,
  key: string,
  value: string,
  line: number,
  problems: LessonProblem[],
): void {
  if (key === 'platform') o.platform = value;
  else if (key === 'kernel') o.kernel = value;
  else if (key === 'mcs') o.mcs = value === '1' || value === 'true';
  else if (key.startsWith('param.')) {
    const n = Number(value);
    if (!Number.isFinite(n)) problems.push({ line, message: `${key}=${value} is not a number` });
    else o.params = { ...o.params, [key.slice(6)]: n };
  } else {
    const n = Number(value);
    if (!Number.isInteger(n) || n < (key === 'cores' ? 1 : 0)) {
      problems.push({ line, message: `${key}=${value} is not a whole number` });
    } else if (key === 'cores') o.cores = n;
    else o.seed = n;
  }
}

function parseViews(v: string, line: number, problems: LessonProblem[]): ViewName[] {
  const out: ViewName[] = [];
  for (const name of v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)) {
    if ((VIEW_NAMES as readonly string[]).includes(name)) out.push(name as ViewName);
    else problems.push({ line, message: `'${name}' is not a view (${VIEW_NAMES.join(', ')})` });
  }
  return out;
}

interface Section {
  title: string;
  line: number;
  lines: { text: string; line: number }[];
}

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
