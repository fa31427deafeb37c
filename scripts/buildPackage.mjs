#!/usr/bin/env node
// Builds what the npm package ships (`npm pack` runs it as prepack): the command line, the
// library and the sweep thread as plain JavaScript in dist-node/ (esbuild, ES modules for Node
// 20+, no TypeScript at run time), and the library's declarations (tsc) with the scenario API's
// ipcscope.d.ts, so a user's scenario file and script type-check against the installed package.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist-node');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
/** Bare imports the bundles may keep: the package's runtime dependencies and Node's own. */
const allowed = new Set(Object.keys(pkg.dependencies ?? {}));

fs.rmSync(out, { recursive: true, force: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: {
    cli: 'src/cli/main.ts',
    index: 'src/lib/index.ts',
    sweepThread: 'src/lib/node/sweepThread.ts',
  },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: 'shared-[hash]',
  metafile: true,
  sourcemap: false,
  logLevel: 'warning',
});

// Every bare import left in the bundles must be installable with the package.
for (const [file, info] of Object.entries(result.metafile.outputs)) {
  for (const imp of info.imports) {
    if (!imp.external || imp.path.startsWith('node:')) continue;
    const name = imp.path.startsWith('@')
      ? imp.path.split('/').slice(0, 2).join('/')
      : imp.path.split('/')[0];
    if (name === undefined || !allowed.has(name)) {
      console.error(`${file} imports '${imp.path}', which is not a runtime dependency`);
      process.exit(1);
    }
  }
}
// The chunks share one folder, so the thread entry sits beside the module that starts it.
if (!fs.existsSync(path.join(out, 'sweepThread.js'))) throw new Error('sweepThread.js missing');

const types = path.join(out, 'types');
execFileSync(
  process.execPath,
  [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.dts.json'],
  { cwd: root, stdio: 'inherit' },
);
// tsc does not copy .d.ts inputs: the scenario API's declarations go in by hand.
const api = path.join('sim', 'script', 'ipcscope.d.ts');
fs.copyFileSync(path.join(root, 'src', api), path.join(types, api));

/**
 * Relative imports in the declarations get explicit '.js' / '/index.js' endings, so they resolve
 * under moduleResolution node16/nodenext as well as bundler.
 * @param {string} dir
 */
function fixSpecifiers(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) fixSpecifiers(full);
    else if (entry.name.endsWith('.d.ts')) {
      const text = fs.readFileSync(full, 'utf8');
      const fixed = text.replace(
        /(from\s+|import\()(['"])(\.{1,2}\/[^'"]*)\2/g,
        (whole, lead, quote, spec) => {
          const target = path.resolve(path.dirname(full), spec);
          if (fs.existsSync(`${target}.d.ts`)) return `${lead}${quote}${spec}.js${quote}`;
          if (fs.existsSync(path.join(target, 'index.d.ts'))) {
            return `${lead}${quote}${spec}/index.js${quote}`;
          }
          return whole;
        },
      );
      if (fixed !== text) fs.writeFileSync(full, fixed);
    }
  }
}
fixSpecifiers(types);

// The built-in scenarios as examples to run and copy (`ipcscope run .../examples/echo.ts`).
const examples = path.join(out, 'examples');
fs.mkdirSync(examples);
for (const name of fs.readdirSync(path.join(root, 'src', 'scenarios'))) {
  if (!name.endsWith('.ts') || name.endsWith('.test.ts') || name === 'catalog.ts') continue;
  fs.copyFileSync(path.join(root, 'src', 'scenarios', name), path.join(examples, name));
}
console.log(
  `built ${path.relative(root, out)}/ (cli.js, index.js, sweepThread.js, types/, examples/)`,
);
