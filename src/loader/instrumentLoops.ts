// Puts a watchdog guard at the top of every loop body of transpiled scenario code, without moving
// any line, so that error positions still point at the user's source (sim/script/watchdog.ts).
import { parse } from 'acorn';

interface Node {
  type: string;
  start: number;
  end: number;
  body?: Node | Node[];
  loc?: { start: { line: number } };
  [key: string]: unknown;
}

export const GUARD = '__ipcscope_guard';

function walk(node: unknown, visit: (n: Node) => void): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const c of node) walk(c, visit);
    return;
  }
  const n = node as Node;
  if (typeof n.type !== 'string') return;
  visit(n);
  for (const key of Object.keys(n)) {
    if (key === 'loc') continue;
    walk(n[key], visit);
  }
}

const LOOPS = new Set([
  'ForStatement',
  'ForInStatement',
  'ForOfStatement',
  'WhileStatement',
  'DoWhileStatement',
]);

/** Returns the code with `__ipcscope_guard(line);` inserted in every loop body. */
export function instrumentLoops(code: string): string {
  const ast = parse(code, {
    ecmaVersion: 'latest',
    sourceType: 'script',
    locations: true,
    allowReturnOutsideFunction: true,
  });
  const inserts: { at: number; text: string; wrapEnd?: number }[] = [];
  walk(ast, (n) => {
    if (!LOOPS.has(n.type)) return;
    const body = n.body as Node;
    const line = n.loc?.start.line ?? 0;
    if (body.type === 'BlockStatement') {
      inserts.push({ at: body.start + 1, text: `${GUARD}(${line});` });
    } else {
      inserts.push({ at: body.start, text: `{${GUARD}(${line});` });
      inserts.push({ at: body.end, text: '}' });
    }
  });
  inserts.sort((a, b) => b.at - a.at);
  let out = code;
  for (const i of inserts) out = out.slice(0, i.at) + i.text + out.slice(i.at);
  return out;
}
