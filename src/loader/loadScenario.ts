// The one scenario loader shared by the CLI, the tests and the worker (DESIGN.md "A scenario
// file"): transpile TypeScript with sucrase (which keeps every line where it was), guard loops,
// and evaluate the module with 'ipcscope' provided virtually. Errors carry file, line and column.
import { transform } from 'sucrase';
import { isScenario, scenario } from '../sim/script/runtime';
import type { Scenario } from '../sim/script/ipcscope';
import { loopGuard } from '../sim/script/watchdog';
import { consoleServer, nullServer, pipeServer, ramfs, upperFilter } from '../sim/uxrt/servers';
import { GUARD, instrumentLoops } from './instrumentLoops';
import {
  injectLogpoints,
  LOGPOINT,
  LogpointRecorder,
  statementLines,
  type LogpointProblem,
  type LogpointSpec,
} from './logpoints';

export class ScenarioError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly column: number | null,
    readonly detail: string,
  ) {
    super(
      `${file}${line !== null ? `:${line}${column !== null ? `:${column}` : ''}` : ''}: ${detail}`,
    );
    this.name = 'ScenarioError';
  }
}

export interface LoadedScenario {
  scenario: Scenario;
  file: string;
  source: string;
  /** Turn an exception from scenario code into "message (file:line:col)". */
  describeError(e: unknown): { message: string; line: number | null };
  /** The logpoints asked for at load: their recorder and the ones that could not be placed. */
  logpoints: { recorder: LogpointRecorder; problems: LogpointProblem[] } | null;
}

export interface LoadOptions {
  /** Retroactive logpoints to inject (src/loader/logpoints.ts). */
  logpoints?: readonly LogpointSpec[];
}

const RUNTIME = Object.freeze({
  scenario,
  ramfs,
  consoleServer,
  pipeServer,
  nullServer,
  upperFilter,
});

function sanitize(file: string): string {
  return file.replace(/[^\w./-]/g, '_');
}

/** Find the first stack frame in the scenario file: its line and column. */
export function locate(e: unknown, file: string): { line: number; column: number } | null {
  const stack = e instanceof Error ? (e.stack ?? '') : '';
  const name = sanitize(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`${name}:(\\d+):(\\d+)`).exec(stack);
  if (m === null) return null;
  return { line: Number(m[1]), column: Number(m[2]) };
}

function errorText(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

function transpile(source: string, file: string): string {
  return transform(source, {
    transforms: ['typescript', 'imports'],
    filePath: file,
    production: true,
  }).code;
}

function syntaxError(e: unknown, file: string): ScenarioError {
  const msg = e instanceof Error ? e.message : String(e);
  const m = /\((\d+):(\d+)\)/.exec(msg);
  return new ScenarioError(
    file,
    m ? Number(m[1]) : null,
    m ? Number(m[2]) + 1 : null,
    `syntax error: ${msg.replace(/\s*\(\d+:\d+\)\s*$/, '')}`,
  );
}

/**
 * The script with the logpoints that can go where they were asked for: a logpoint must be on a
 * line that starts a statement, and its expression must compile there.
 */
function withLogpoints(
  source: string,
  file: string,
  js: string,
  asked: readonly LogpointSpec[],
): { js: string; problems: LogpointProblem[] } {
  const starts = statementLines(js);
  const problems: LogpointProblem[] = [];
  let todo = asked.filter((lp) => {
    if (starts.has(lp.line) || lp.line < 1 || lp.line > source.split('\n').length) return true;
    problems.push({
      id: lp.id,
      line: lp.line,
      message: `line ${lp.line} does not start a statement: put the logpoint on the first line of one`,
    });
    return false;
  });
  for (;;) {
    const injected = injectLogpoints(source, todo);
    problems.push(...injected.problems);
    todo = injected.placed;
    try {
      return { js: transpile(injected.source, file), problems };
    } catch (e) {
      const bad = syntaxError(e, file);
      const culprits = todo.filter((lp) => lp.line === bad.line);
      // An error away from every logpoint line cannot come from them: run without any.
      const dropped = culprits.length > 0 ? culprits : todo;
      for (const lp of dropped) {
        problems.push({
          id: lp.id,
          line: lp.line,
          message: `the expression does not compile at line ${lp.line}: ${bad.detail}`,
        });
      }
      todo = todo.filter((lp) => !dropped.includes(lp));
    }
  }
}

export function loadScenarioSource(
  source: string,
  file = 'scenario.ts',
  opts: LoadOptions = {},
): LoadedScenario {
  let js: string;
  try {
    js = transpile(source, file);
  } catch (e) {
    throw syntaxError(e, file);
  }
  let logpoints: LoadedScenario['logpoints'] = null;
  if (opts.logpoints !== undefined && opts.logpoints.length > 0) {
    const placed = withLogpoints(source, file, js, opts.logpoints);
    js = placed.js;
    logpoints = { recorder: new LogpointRecorder(), problems: placed.problems };
  }
  try {
    js = instrumentLoops(js);
  } catch (e) {
    throw syntaxError(e, file);
  }
  const module = { exports: {} as Record<string, unknown> };
  const require = (id: string): unknown => {
    if (id === 'ipcscope') return RUNTIME;
    throw new Error(`scenario files can import only 'ipcscope', not '${id}'`);
  };
  // The body starts on line 1 of the named source, so stack positions are the file's own
  // (new Function adds two header lines, which the sourceURL'd eval below does not).
  const wrapped = `(function (require, module, exports, ${GUARD}, ${LOGPOINT}) {${js}\n})\n//# sourceURL=${sanitize(file)}`;
  try {
    const fn = (0, eval)(wrapped) as (...a: unknown[]) => void;
    fn(require, module, module.exports, loopGuard, logpoints?.recorder.hook);
  } catch (e) {
    const at = locate(e, file);
    throw new ScenarioError(file, at?.line ?? null, at?.column ?? null, errorText(e));
  }
  const exported = module.exports.default;
  if (!isScenario(exported)) {
    throw new ScenarioError(
      file,
      null,
      null,
      "the default export must be scenario({...}) from 'ipcscope'",
    );
  }
  return {
    scenario: exported,
    file,
    source,
    logpoints,
    describeError(e) {
      const at = locate(e, file);
      return {
        message: `${errorText(e)}${at ? ` (${file}:${at.line}:${at.column})` : ''}`,
        line: at?.line ?? null,
      };
    },
  };
}
