#!/usr/bin/env node
// npm run bench [-- --baseline <git rev>]: the engine benchmark (bench/run.ts), run on the engine
// as it ships: bundled by esbuild into one module, as in dist-node/ and the app's worker (through
// a per-module TypeScript loader the same code runs a quarter slower, which measures the loader).
// With --baseline, the same bench and scenarios also run against the engine of that revision
// (checked out into a temporary worktree), the two alternating in fresh processes, and the
// ratios are printed: the figures of one run on one machine, as the issue targets ask.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cache = path.join(root, 'node_modules', '.cache', 'ipcscope-bench');
const args = process.argv.slice(2);
const at = args.indexOf('--baseline');
const baseline = at >= 0 ? args[at + 1] : process.env.BENCH_BASELINE;
if (at >= 0 && (baseline === undefined || baseline.startsWith('--'))) {
  console.error('bench: --baseline needs a git revision, e.g. --baseline 386eeaa');
  process.exit(2);
}
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (baseline ? 2 : 1));

/**
 * Bundle `<tree>/bench/run.ts` into one module; returns its path.
 * @param {string} tree
 * @param {string} name
 */
async function bundle(tree, name) {
  const outfile = path.join(cache, `${name}.mjs`);
  await build({
    entryPoints: [path.join(tree, 'bench', 'run.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    nodePaths: [path.join(root, 'node_modules')],
    // The loader's compiler is CommonJS; a bundled ES module needs `require` for it.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * A worktree of `rev` whose bench harness and scenarios are this tree's (the same measurement).
 * @param {string} rev
 */
function baselineTree(rev) {
  const sha = execFileSync('git', ['rev-parse', '--verify', `${rev}^{commit}`], { cwd: root })
    .toString()
    .trim();
  const tree = path.join(os.tmpdir(), `ipcscope-bench-${sha.slice(0, 12)}`);
  if (!fs.existsSync(path.join(tree, 'src'))) {
    fs.rmSync(tree, { recursive: true, force: true });
    execFileSync('git', ['worktree', 'add', '--detach', '--force', tree, sha], {
      cwd: root,
      stdio: 'ignore',
    });
  }
  for (const f of ['run.ts', 'scenarios.ts']) {
    fs.copyFileSync(path.join(root, 'bench', f), path.join(tree, 'bench', f));
  }
  return { tree, sha };
}

/**
 * @typedef {{ entriesPerSecond: number }} Rate
 * @typedef {{ pingPong: Rate; pingPongNoHash: Rate; manyCores: Rate }} Results
 */

/**
 * Run one bundled bench in a fresh process; returns the results it wrote.
 * @param {string} file
 * @param {string} out
 * @param {string} label
 * @returns {Results}
 */
function runBundle(file, out, label) {
  execFileSync(process.execPath, [file], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BENCH_OUT: out, BENCH_LABEL: label },
  });
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

fs.mkdirSync(cache, { recursive: true });
const current = await bundle(root, 'current');
const resultsPath = path.join(root, 'bench', 'results.json');
if (!baseline) {
  runBundle(current, resultsPath, 'this tree');
  process.exit(0);
}
const { tree, sha } = baselineTree(baseline);
const old = await bundle(tree, `baseline-${sha.slice(0, 12)}`);
/** @type {Record<'current' | 'baseline', Results | null>} */
const best = { current: null, baseline: null };
/**
 * @param {'current' | 'baseline'} k
 * @param {Results} r
 */
const keep = (k, r) => {
  const b = best[k];
  if (b === null || r.pingPong.entriesPerSecond > b.pingPong.entriesPerSecond) best[k] = r;
};
for (let round = 0; round < ROUNDS; round++) {
  keep(
    'baseline',
    runBundle(old, path.join(cache, 'baseline.json'), `baseline ${sha.slice(0, 12)}`),
  );
  keep('current', runBundle(current, path.join(cache, 'current.json'), 'this tree'));
}
const cur = /** @type {Results} */ (best.current);
const base = /** @type {Results} */ (best.baseline);
/** @param {(r: Results) => number} f */
const ratio = (f) => f(cur) / f(base);
const result = {
  ...cur,
  baseline: {
    rev: sha,
    pingPong: base.pingPong,
    pingPongNoHash: base.pingPongNoHash,
    manyCores: base.manyCores,
  },
  speedup: {
    pingPong: ratio((r) => r.pingPong.entriesPerSecond),
    pingPongNoHash: ratio((r) => r.pingPongNoHash.entriesPerSecond),
    manyCores: ratio((r) => r.manyCores.entriesPerSecond),
  },
};
fs.writeFileSync(resultsPath, `${JSON.stringify(result, null, 2)}\n`);
/** @param {number} n */
const k = (n) => `${(n / 1e3).toFixed(0)}k`;
console.log(
  `\nthis tree against ${sha.slice(0, 12)} (best of ${ROUNDS} rounds each, alternating):`,
);
for (const [name, key] of /** @type {[string, keyof Results][]} */ ([
  ['same-core ping-pong, traceHash on', 'pingPong'],
  ['same-core ping-pong, no traceHash', 'pingPongNoHash'],
  ['64 cores, 1,000 threads', 'manyCores'],
])) {
  const a = base[key].entriesPerSecond;
  const b = cur[key].entriesPerSecond;
  console.log(
    `  ${name.padEnd(36)} ${k(a).padStart(6)} -> ${k(b).padStart(6)} entries/s  ${(b / a).toFixed(2)}x`,
  );
}
