// The values of a lesson step's directives (lessonFormat.ts): `until:`, `answer:`, `machine:`,
// `show:` and the event filters they use. Each returns the value or says what is wrong.
import type { ConfigOverrides } from '../../sim/config';
import {
  VIEW_NAMES,
  type Answer,
  type EventFilter,
  type FieldTest,
  type LessonProblem,
  type Until,
  type ViewName,
} from './lessonTypes';

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

export function parseUntil(v: string): Until | string {
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

export function parseAnswer(v: string): Answer | string {
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

export function parseMachine(v: string, line: number, problems: LessonProblem[]): ConfigOverrides {
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

export function setMachineKey(
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

export function parseViews(v: string, line: number, problems: LessonProblem[]): ViewName[] {
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
