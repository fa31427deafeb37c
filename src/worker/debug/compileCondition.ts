// Free-form breakpoint conditions: TypeScript written in the page against `machine` (the
// projection) and `event` (the event just folded), compiled and run here in the worker, never
// on the page. The machine is handed over read-only: a condition that tries to change it gets an
// error instead of corrupting the fold. Errors name the condition and the line and column.
import { parse } from 'acorn';
import { transform } from 'sucrase';
import type { CompiledExpression, Machine } from '../../debugger/evaluators';
import type { SimEvent } from '../../sim/simEvents';

export class ConditionError extends Error {
  constructor(
    readonly id: number,
    readonly line: number | null,
    readonly column: number | null,
    detail: string,
  ) {
    super(
      `condition #${id}${line !== null ? ` (line ${line}${column !== null ? `, column ${column}` : ''})` : ''}: ${detail}`,
    );
    this.name = 'ConditionError';
  }
}

function fileName(id: number): string {
  return `condition-${id}.ts`;
}

const HEADER = '(function (machine, event) {';

/** TypeScript to a function body; throws on a syntax error, with its position. */
function transpile(body: string): string {
  const js = transform(body, { transforms: ['typescript'], production: true }).code;
  // sucrase strips types without checking all of the syntax: parse what it gives back.
  parse(`${HEADER}${js}\n})`, { ecmaVersion: 'latest' });
  return js;
}

/** 1-based line and column of a syntax error from sucrase or acorn, in the condition's text. */
function errorPosition(e: unknown): { line: number; column: number } | null {
  const loc = (e as { loc?: { line: number; column: number } }).loc;
  if (loc !== undefined && typeof loc.line === 'number') {
    const col = loc.line === 1 ? loc.column - HEADER.length : loc.column;
    return { line: loc.line, column: Math.max(0, col) + 1 };
  }
  const m = /\((\d+):(\d+)\)/.exec(e instanceof Error ? e.message : String(e));
  return m ? { line: Number(m[1]), column: Number(m[2]) + 1 } : null;
}

/** A read-only view of a value: reads go through, writes throw. Cached per object. */
function readOnly(cache: WeakMap<object, object>): <T>(v: T) => T {
  const wrap = <T>(v: T): T => {
    if (v === null || typeof v !== 'object') return v;
    const o = v as unknown as object;
    let p = cache.get(o);
    if (p === undefined) {
      p = new Proxy(o, {
        get: (target, key) => wrap(Reflect.get(target, key) as unknown),
        set: () => {
          throw new TypeError('the machine is read-only in a condition');
        },
        defineProperty: () => {
          throw new TypeError('the machine is read-only in a condition');
        },
        deleteProperty: () => {
          throw new TypeError('the machine is read-only in a condition');
        },
      });
      cache.set(o, p);
    }
    return p as T;
  };
  return wrap;
}

/** The line and column of the first frame in the condition's own source. */
function locateIn(e: unknown, id: number): { line: number; column: number } | null {
  const stack = e instanceof Error ? (e.stack ?? '') : '';
  const m = new RegExp(`${fileName(id).replace('.', '\\.')}:(\\d+):(\\d+)`).exec(stack);
  return m === null ? null : { line: Number(m[1]), column: Number(m[2]) };
}

/**
 * Compile a condition: an expression (`machine.endpoints.ep.queue.length >= 2`) or statements
 * that `return` a value. Throws ConditionError with the position of a syntax error.
 */
export function compileCondition(source: string, id: number): CompiledExpression {
  if (source.trim() === '') throw new ConditionError(id, null, null, 'the condition is empty');
  let js: string;
  /** Columns added in front of line 1 by the expression form. */
  let shift = 'return ('.length;
  try {
    js = transpile(`return (${source}\n);`);
  } catch {
    shift = 0;
    try {
      js = transpile(source);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      const at = errorPosition(e);
      throw new ConditionError(
        id,
        at?.line ?? null,
        at?.column ?? null,
        `syntax error: ${msg.replace(/\s*\(\d+:\d+\)\s*$/, '')}`,
      );
    }
  }
  const wrapped = `(function (machine, event) {"use strict";${js}\n})\n//# sourceURL=${fileName(id)}`;
  let fn: (m: Machine, e: SimEvent | null) => unknown;
  try {
    fn = (0, eval)(wrapped) as typeof fn;
  } catch (e) {
    throw new ConditionError(id, null, null, e instanceof Error ? e.message : String(e));
  }
  const cache = new WeakMap<object, object>();
  const wrap = readOnly(cache);
  return (machine, event) => {
    try {
      return fn(wrap(machine), event === null ? null : wrap(event));
    } catch (e) {
      const at = locateIn(e, id);
      if (at !== null && at.line === 1) at.column = Math.max(1, at.column - shift);
      const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      throw new ConditionError(id, at?.line ?? null, at?.column ?? null, text);
    }
  };
}
