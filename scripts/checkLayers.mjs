#!/usr/bin/env node
// Enforces the layer boundaries of src/ (style guide 3.8):
//   sim       imports only relative paths inside src/sim; no nondeterminism, no host globals;
//             no import cycle among its files (type imports count: a cycle is a design knot)
//   sim/events  the event schema and its binary log: a leaf (imports only itself at runtime)
//             that src/projection, src/worker and src/ui may load at runtime
//   protocol  `import type` only
//   projection  the pure fold of events: imports only src/projection and src/sim/events, plus
//             types from sim/protocol
//   lib       the library API: imports src/lib, src/sim, src/loader and packages, never ui, cli
//             or worker; outside lib/node it is host-neutral (no node: modules), for Web Workers
//   debugger  pure conditions, scans and diffs over the fold: imports only src/debugger,
//             src/projection and src/sim/events, plus types from anywhere
//   ui        no runtime import of src/sim (types, *.d.ts and ?raw are fine), directly or through
//             any chain of runtime imports (e.g. ui -> worker/simSession -> sim)
// Test files (*.test.ts[x]) are exempt from the import rules but not from the sim globals rule.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** @typedef {{ file: string, line: number, rule: string, message: string }} Violation */
/** @typedef {{ specifier: string, typeOnly: boolean, index: number }} ImportRef */

const SOURCE_EXT = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const TEST_FILE = /\.test\.[jt]sx?$/;

const SIM_GLOBALS = [
  'window',
  'document',
  'self',
  'globalThis',
  'navigator',
  'postMessage',
  'importScripts',
  'localStorage',
  'requestAnimationFrame',
];
const SIM_PROPERTIES = [
  ['Math', 'random'],
  ['Date', 'now'],
  ['performance', 'now'],
];

const REGEX_PRECEDERS = new Set('(,=:[!&|?{};+-*%<>~^'.split(''));
const REGEX_KEYWORDS = new Set([
  'return',
  'typeof',
  'case',
  'do',
  'else',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'instanceof',
  'yield',
  'await',
]);

/**
 * Blanks comments and the contents of string, template and regex literals with spaces,
 * keeping quotes, newlines and every offset, so positions in the result match the source.
 * @param {string} src
 * @returns {string}
 */
export function stripCode(src) {
  const out = src.split('');
  /** @param {number} from @param {number} to */
  const blank = (from, to) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  /** @type {number[]} brace depth at each open `${` */
  const templateStack = [];
  let depth = 0;
  let i = 0;
  const n = src.length;

  /** Scans a template literal body from i (just after ` or }); stops after ` or ${. */
  const scanTemplate = () => {
    const start = i;
    while (i < n) {
      const c = src[i];
      if (c === '\\') {
        i += 2;
      } else if (c === '`') {
        blank(start, i);
        i++;
        return;
      } else if (c === '$' && src[i + 1] === '{') {
        blank(start, i);
        i += 2;
        templateStack.push(depth);
        depth++;
        return;
      } else {
        i++;
      }
    }
    blank(start, n);
  };

  /** @returns {boolean} */
  const regexAllowed = () => {
    let j = i - 1;
    while (j >= 0 && /\s/.test(out[j] ?? '')) j--;
    if (j < 0) return true;
    const prev = out[j] ?? '';
    if (REGEX_PRECEDERS.has(prev)) return true;
    if (!/[\w$]/.test(prev)) return false;
    let k = j;
    while (k >= 0 && /[\w$]/.test(out[k] ?? '')) k--;
    return REGEX_KEYWORDS.has(src.slice(k + 1, j + 1));
  };

  while (i < n) {
    const c = src[i];
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      const end = src.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'") {
      const start = ++i;
      while (i < n && src[i] !== c && src[i] !== '\n') i += src[i] === '\\' ? 2 : 1;
      blank(start, Math.min(i, n));
      if (src[i] === c) i++;
    } else if (c === '`') {
      i++;
      scanTemplate();
    } else if (c === '/' && regexAllowed()) {
      const start = ++i;
      let inClass = false;
      while (i < n && src[i] !== '\n') {
        const r = src[i];
        if (r === '\\') i++;
        else if (r === '[') inClass = true;
        else if (r === ']') inClass = false;
        else if (r === '/' && !inClass) break;
        i++;
      }
      blank(start, Math.min(i, n));
      i++;
    } else if (c === '{') {
      depth++;
      i++;
    } else if (c === '}') {
      depth--;
      i++;
      if (templateStack.length > 0 && templateStack[templateStack.length - 1] === depth) {
        templateStack.pop();
        scanTemplate();
      }
    } else {
      i++;
    }
  }
  return out.join('');
}

const IMPORT_PATTERNS = [
  /\bimport\s+(type\s+)?(?:[\w$*{][^;'"]*?\s*)?\bfrom\s*(['"])/g,
  /\bexport\s+(type\s+)?(?:\*(?:\s+as\s+[\w$]+)?|\{[^}'"]*\})\s*from\s*(['"])/g,
  /\bimport\s*()(['"])/g,
  /\bimport\s*\(\s*()(['"`])/g,
  /\brequire\s*\(\s*()(['"`])/g,
];

/**
 * @param {string} src original source
 * @param {string} code stripCode(src)
 * @returns {ImportRef[]}
 */
export function findImports(src, code) {
  /** @type {ImportRef[]} */
  const refs = [];
  for (const pattern of IMPORT_PATTERNS) {
    for (const m of code.matchAll(pattern)) {
      const index = m.index;
      if (/[.\w$]/.test(code[index - 1] ?? '')) continue;
      const quoteAt = index + m[0].length - 1;
      const close = src.indexOf(src[quoteAt] ?? '', quoteAt + 1);
      if (close === -1) continue;
      refs.push({ specifier: src.slice(quoteAt + 1, close), typeOnly: !!m[1], index });
    }
  }
  return refs.sort((a, b) => a.index - b.index);
}

/**
 * @param {string} code
 * @param {number} index
 */
function lineOf(code, index) {
  let line = 1;
  for (let k = 0; k < index; k++) if (code[k] === '\n') line++;
  return line;
}

/**
 * @param {string} code
 * @returns {{ name: string, index: number }[]}
 */
function findSimGlobals(code) {
  /** @type {{ name: string, index: number }[]} */
  const hits = [];
  for (const [object, property] of SIM_PROPERTIES) {
    const re = new RegExp(`(?<![.\\w$])${object}\\s*\\??\\.\\s*${property}(?![\\w$])`, 'g');
    for (const m of code.matchAll(re)) hits.push({ name: `${object}.${property}`, index: m.index });
  }
  const names = SIM_GLOBALS.join('|');
  const re = new RegExp(`(?<![\\w$])(${names})(?![\\w$])`, 'g');
  for (const m of code.matchAll(re)) {
    const before = code.slice(0, m.index).trimEnd();
    const after = code.slice(m.index + m[0].length).trimStart();
    if (before.endsWith('.') && !before.endsWith('...')) continue;
    const isKey = /^\??:/.test(after) && /(^|[{,;(])$/.test(before);
    if (isKey) continue;
    hits.push({ name: m[1] ?? m[0], index: m.index });
  }
  return hits.sort((a, b) => a.index - b.index);
}

/**
 * @param {string} dir
 * @returns {string[]}
 */
function walk(dir) {
  if (!fs.existsSync(dir)) return [];
  /** @type {string[]} */
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(full));
    else if (SOURCE_EXT.test(entry.name)) files.push(full);
  }
  return files.sort();
}

const RESOLVE_SUFFIXES = ['', '.ts', '.tsx', '.js', '.mjs', '/index.ts', '/index.tsx'];

/**
 * The file a relative import names, or null when it is not a source file here.
 * @param {string} target
 */
function resolveFile(target) {
  for (const suffix of RESOLVE_SUFFIXES) {
    const f = target + suffix;
    if (SOURCE_EXT.test(f) && fs.existsSync(f) && fs.statSync(f).isFile()) return f;
  }
  return null;
}

/**
 * Resolved targets of a file's runtime imports (not type-only, not ?raw, not .d.ts).
 * @param {string} file
 * @param {Map<string, string[]>} cache
 * @returns {string[]}
 */
function runtimeDeps(file, cache) {
  const hit = cache.get(file);
  if (hit) return hit;
  /** @type {string[]} */
  const deps = [];
  cache.set(file, deps);
  const src = fs.readFileSync(file, 'utf8');
  for (const ref of findImports(src, stripCode(src))) {
    const spec = ref.specifier;
    if (ref.typeOnly || !spec.startsWith('.') || /\?raw$/.test(spec) || spec.endsWith('.d.ts'))
      continue;
    const f = resolveFile(path.resolve(path.dirname(file), spec.replace(/\?.*$/, '')));
    if (f) deps.push(f);
  }
  return deps;
}

/**
 * The chain of runtime imports from `start` to the first file inside one of `dirs`, or null.
 * @param {string} start
 * @param {string[]} dirs
 * @param {string} allowed a folder inside dirs that may be reached
 * @param {Map<string, string[]>} cache
 * @returns {string[] | null}
 */
function chainInto(start, dirs, cache, allowed) {
  /** @type {Map<string, string | null>} */
  const parent = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const f = /** @type {string} */ (queue.shift());
    if (dirs.some((d) => isInside(d, f)) && !isInside(allowed, f)) {
      /** @type {string[]} */
      const chain = [];
      for (let at = /** @type {string | null} */ (f); at !== null; at = parent.get(at) ?? null) {
        chain.unshift(at);
      }
      return chain;
    }
    for (const d of runtimeDeps(f, cache)) {
      if (!parent.has(d)) {
        parent.set(d, f);
        queue.push(d);
      }
    }
  }
  return null;
}

/**
 * Import cycles among `files` (every relative import, type-only ones too), each as the chain of
 * files from its first file (in sorted order) back to it.
 * @param {string[]} files
 * @returns {string[][]}
 */
export function findCycles(files) {
  const inSet = new Set(files);
  /** @type {Map<string, string[]>} */
  const graph = new Map();
  for (const file of files) {
    const src = fs.readFileSync(file, 'utf8');
    /** @type {string[]} */
    const deps = [];
    for (const ref of findImports(src, stripCode(src))) {
      if (!ref.specifier.startsWith('.') || ref.specifier.endsWith('.d.ts')) continue;
      const f = resolveFile(path.resolve(path.dirname(file), ref.specifier.replace(/\?.*$/, '')));
      if (f !== null && inSet.has(f) && !deps.includes(f)) deps.push(f);
    }
    graph.set(file, deps);
  }
  // Tarjan's strongly connected components, iteratively.
  /** @type {Map<string, number>} */
  const index = new Map();
  /** @type {Map<string, number>} */
  const low = new Map();
  /** @type {string[]} */
  const stack = [];
  const onStack = new Set();
  /** @type {string[][]} */
  const components = [];
  let next = 0;
  for (const root of files) {
    if (index.has(root)) continue;
    /** @type {[string, number][]} */
    const work = [[root, 0]];
    while (work.length > 0) {
      const top = /** @type {[string, number]} */ (work[work.length - 1]);
      const [v, i] = top;
      if (i === 0) {
        index.set(v, next);
        low.set(v, next);
        next++;
        stack.push(v);
        onStack.add(v);
      }
      const deps = graph.get(v) ?? [];
      if (i < deps.length) {
        top[1] = i + 1;
        const w = /** @type {string} */ (deps[i]);
        if (!index.has(w)) work.push([w, 0]);
        else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent[0], Math.min(low.get(parent[0]) ?? 0, low.get(v) ?? 0));
      if (low.get(v) === index.get(v)) {
        /** @type {string[]} */
        const c = [];
        let w;
        do {
          w = /** @type {string} */ (stack.pop());
          onStack.delete(w);
          c.push(w);
        } while (w !== v);
        if (c.length > 1) components.push(c);
      }
    }
  }
  return components.map((c) => {
    const members = new Set(c);
    const first = /** @type {string} */ ([...c].sort()[0]);
    // The shortest way round from the first file back to it, inside the component.
    /** @type {Map<string, string>} */
    const parent = new Map();
    const queue = [first];
    while (queue.length > 0) {
      const f = /** @type {string} */ (queue.shift());
      for (const d of graph.get(f) ?? []) {
        if (!members.has(d) || parent.has(d)) continue;
        parent.set(d, f);
        if (d === first) queue.length = 0;
        else queue.push(d);
      }
    }
    const chain = [first];
    for (let at = parent.get(first); at !== undefined && at !== first; at = parent.get(at)) {
      chain.unshift(at);
    }
    chain.unshift(first);
    return chain;
  });
}

/**
 * @param {string} parent
 * @param {string} child
 */
function isInside(parent, child) {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Checks every source file under rootDir/src and returns the violations found.
 * @param {string} rootDir
 * @returns {{ files: number, violations: Violation[] }}
 */
export function checkLayers(rootDir) {
  const srcDir = path.resolve(rootDir, 'src');
  const simDir = path.join(srcDir, 'sim');
  const eventsDir = path.join(simDir, 'events');
  const uiDir = path.join(srcDir, 'ui');
  const protocolDir = path.join(srcDir, 'protocol');
  const projectionDir = path.join(srcDir, 'projection');
  const debuggerDir = path.join(srcDir, 'debugger');
  const libDir = path.join(srcDir, 'lib');
  const runtimeBanned = [simDir, path.join(srcDir, 'loader')];
  /** @type {Map<string, string[]>} */
  const depCache = new Map();
  /** @param {string} f */
  const relName = (f) => path.relative(rootDir, f).split(path.sep).join('/');
  /** @type {Violation[]} */
  const violations = [];
  const files = walk(srcDir);

  for (const file of files) {
    const src = fs.readFileSync(file, 'utf8');
    const code = stripCode(src);
    const rel = path.relative(rootDir, file).split(path.sep).join('/');
    const isTest = TEST_FILE.test(file);
    /** @param {number} index @param {string} rule @param {string} message */
    const report = (index, rule, message) =>
      violations.push({ file: rel, line: lineOf(code, index), rule, message });

    if (isInside(simDir, file)) {
      for (const hit of findSimGlobals(code)) {
        report(hit.index, 'sim-globals', `'${hit.name}' is not allowed in src/sim`);
      }
    }
    if (isTest) continue;

    for (const ref of findImports(src, code)) {
      const spec = ref.specifier;
      const bare = !spec.startsWith('.') && !spec.startsWith('/');
      const withoutQuery = spec.replace(/\?.*$/, '');
      const target = bare
        ? null
        : spec.startsWith('/')
          ? path.join(path.resolve(rootDir), withoutQuery)
          : path.resolve(path.dirname(file), withoutQuery);
      if (isInside(simDir, file)) {
        if (target === null) {
          report(ref.index, 'sim-imports', `bare import '${spec}' is not allowed in src/sim`);
        } else if (!isInside(simDir, target)) {
          report(ref.index, 'sim-imports', `'${spec}' resolves outside src/sim`);
        } else if (isInside(eventsDir, file) && !ref.typeOnly && !isInside(eventsDir, target)) {
          report(
            ref.index,
            'events-leaf',
            `'${spec}': src/sim/events is loaded by the page too and imports only itself`,
          );
        }
      } else if (isInside(protocolDir, file)) {
        if (!ref.typeOnly) {
          report(ref.index, 'protocol-types-only', `'${spec}' must be an 'import type'`);
        }
      } else if (isInside(projectionDir, file)) {
        const typeTarget =
          ref.typeOnly &&
          target !== null &&
          (isInside(simDir, target) || isInside(protocolDir, target));
        const ok =
          target !== null &&
          (isInside(projectionDir, target) || isInside(eventsDir, target) || typeTarget);
        if (!ok) {
          report(
            ref.index,
            'projection-pure',
            `'${spec}': src/projection imports only itself and src/sim/events, and types from src/sim or src/protocol`,
          );
        }
      } else if (isInside(debuggerDir, file)) {
        const pure =
          target !== null &&
          (isInside(debuggerDir, target) ||
            isInside(projectionDir, target) ||
            isInside(eventsDir, target));
        if (!pure && !ref.typeOnly) {
          report(
            ref.index,
            'debugger-pure',
            `'${spec}': src/debugger imports only itself, src/projection and src/sim/events (types from anywhere)`,
          );
        }
      } else if (isInside(libDir, file)) {
        const layer = ['ui', 'cli', 'worker'].find(
          (d) => target !== null && isInside(path.join(srcDir, d), target),
        );
        if (layer !== undefined) {
          report(ref.index, 'lib-imports', `'${spec}': src/lib may not import src/${layer}`);
        } else if (spec.startsWith('node:') && !isInside(path.join(libDir, 'node'), file)) {
          report(ref.index, 'lib-host-neutral', `'${spec}': Node modules only in src/lib/node`);
        }
      } else if (
        isInside(uiDir, file) &&
        target !== null &&
        isInside(simDir, target) &&
        !isInside(eventsDir, target)
      ) {
        const allowed = ref.typeOnly || target.endsWith('.d.ts') || /\?raw$/.test(spec);
        if (!allowed) {
          report(ref.index, 'ui-no-sim-runtime', `'${spec}' imports sim runtime code into src/ui`);
        }
      } else if (
        isInside(uiDir, file) &&
        target !== null &&
        !ref.typeOnly &&
        !/\?raw$/.test(spec)
      ) {
        const first = resolveFile(target);
        const chain = first ? chainInto(first, runtimeBanned, depCache, eventsDir) : null;
        if (chain) {
          report(
            ref.index,
            'ui-no-sim-runtime',
            `'${spec}' pulls sim runtime code into src/ui: ${chain.map(relName).join(' -> ')}`,
          );
        }
      }
    }
  }
  // The engine is a tree of modules, not a knot: no import cycle among its non-test files.
  const simFiles = files.filter((f) => isInside(simDir, f) && !/\.test\.tsx?$/.test(f)).sort();
  for (const cycle of findCycles(simFiles)) {
    violations.push({
      file: relName(cycle[0] ?? simDir),
      line: 1,
      rule: 'sim-cycle',
      message: `import cycle: ${cycle.map(relName).join(' -> ')}`,
    });
  }
  violations.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { files: files.length, violations };
}

const invokedDirectly =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);

if (invokedDirectly) {
  const root = path.resolve(process.argv[2] ?? '.');
  const { files, violations } = checkLayers(root);
  for (const v of violations) console.error(`${v.file}:${v.line}: [${v.rule}] ${v.message}`);
  if (violations.length > 0) {
    console.error(`checkLayers: ${violations.length} violation(s) in ${files} file(s)`);
    process.exit(1);
  }
  console.log(`checkLayers: ${files} file(s) OK`);
}
