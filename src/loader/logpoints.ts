// Retroactive logpoints (peers.md D7, §3 item 9): an expression attached to a line of the
// script, evaluated every time that line runs. The loader puts one call per logpoint at the
// start of its line, before transpiling (so every line stays where it was), and the call only
// records the value: it emits no event and costs no simulated time, so the run's events and
// traceHash are the same as without it — only the log of values is new.
import { parse } from 'acorn';
import { format } from '../sim/script/runtime';
import { runningProcess } from '../sim/script/watchdog';

export const LOGPOINT = '__ipcscope_lp';

export interface LogpointSpec {
  id: number;
  /** 1-based line of the scenario source. */
  line: number;
  /** TypeScript expression, in the scope of the line. */
  expression: string;
}

export interface LogpointHit {
  id: number;
  /** Events in the log when the line ran: seek here to see the machine at that moment. */
  index: number;
  t: number;
  thread: string;
  /** The value as sys.log would print it, or "error: ..." if the expression threw. */
  value: string;
}

export interface LogpointProblem {
  id: number;
  line: number;
  message: string;
}

/** Where the run is when a logpoint fires (the run binds it; unbound, both are 0). */
export type RunPosition = () => { index: number; t: number };

export class LogpointRecorder {
  readonly hits: LogpointHit[] = [];
  private position: RunPosition = () => ({ index: 0, t: 0 });

  bind(position: RunPosition): void {
    this.position = position;
  }

  /** The function the injected calls reach. */
  readonly hook = (id: number, thunk: () => unknown): void => {
    let value: string;
    try {
      value = format(thunk());
    } catch (e) {
      value = `error: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
    }
    const { index, t } = this.position();
    this.hits.push({ id, index, t, thread: runningProcess(), value });
  };
}

/** Put one call per logpoint at the first non-blank column of its line. */
export function injectLogpoints(
  source: string,
  logpoints: readonly LogpointSpec[],
): { source: string; problems: LogpointProblem[]; placed: LogpointSpec[] } {
  const lines = source.split('\n');
  const problems: LogpointProblem[] = [];
  const placed: LogpointSpec[] = [];
  const byLine = new Map<number, LogpointSpec[]>();
  for (const lp of logpoints) {
    const text = lines[lp.line - 1];
    if (text === undefined) {
      problems.push({
        id: lp.id,
        line: lp.line,
        message: `line ${lp.line} is past the end of the script`,
      });
      continue;
    }
    const code = text.trim();
    if (code === '' || code.startsWith('//')) {
      problems.push({ id: lp.id, line: lp.line, message: `line ${lp.line} has no code to log at` });
      continue;
    }
    if (lp.expression.trim() === '') {
      problems.push({ id: lp.id, line: lp.line, message: 'the logpoint has no expression' });
      continue;
    }
    byLine.set(lp.line, [...(byLine.get(lp.line) ?? []), lp]);
  }
  for (const [line, lps] of byLine) {
    const text = lines[line - 1]!;
    const indent = text.length - text.trimStart().length;
    const calls = lps
      .map((lp) => `${LOGPOINT}(${lp.id}, () => (${lp.expression.replace(/\n/g, ' ')}));`)
      .join(' ');
    lines[line - 1] = `${text.slice(0, indent)}${calls} ${text.slice(indent)}`;
    placed.push(...lps);
  }
  return { source: lines.join('\n'), problems, placed };
}

interface Node {
  type: string;
  start: number;
  [key: string]: unknown;
}

/**
 * The lines of transpiled code whose first non-blank character starts a statement of a
 * statement list. A logpoint may go only there: put before such a statement, its call is a
 * statement of its own and changes nothing else (elsewhere it could join an expression the
 * line continues, or break the syntax of an object literal).
 */
export function statementLines(code: string): Set<number> {
  const ast = parse(code, {
    ecmaVersion: 'latest',
    sourceType: 'script',
    allowReturnOutsideFunction: true,
  });
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  const firstCode = (line: number): number => {
    let i = lineStarts[line - 1]!;
    while (code[i] === ' ' || code[i] === '\t') i++;
    return i;
  };
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length;
    while (lo + 1 < hi) {
      const mid = (lo + hi) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid;
    }
    return lo + 1;
  };
  const out = new Set<number>();
  const visit = (node: unknown, inList: boolean): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const c of node) visit(c, inList);
      return;
    }
    const n = node as Node;
    if (typeof n.type !== 'string') return;
    if (inList) {
      const line = lineOf(n.start);
      if (firstCode(line) === n.start) out.add(line);
    }
    for (const [key, v] of Object.entries(n)) {
      const list =
        Array.isArray(v) &&
        ((key === 'body' && (n.type === 'BlockStatement' || n.type === 'Program')) ||
          (key === 'consequent' && n.type === 'SwitchCase'));
      visit(v, list);
    }
  };
  visit(ast, false);
  return out;
}
