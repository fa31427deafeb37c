// A Vite plugin for the production build: once the files are written, list every one of them
// (Vite's output, Monaco's workers and the public/ files alike), hash their paths and contents
// into a version, and write dist/sw.js, the service worker of src/ui/offline/serviceWorker.ts
// bundled with that list. Nothing to configure and no extra dependency: esbuild is already the
// package build's bundler (scripts/buildPackage.mjs).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'vite';
import type { Precache } from '../src/ui/offline/precache';

/** Written next to index.html; the service worker's scope is the folder it is in. */
export const SW_FILE = 'sw.js';

function walk(dir: string, base = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((d) =>
      d.isDirectory() ? walk(path.join(dir, d.name), `${base}${d.name}/`) : [`${base}${d.name}`],
    );
}

/** The precache list of a built folder: every file but the service worker and source maps. */
export function listPrecache(outDir: string): Precache {
  const files = walk(outDir)
    .filter((f) => f !== SW_FILE && !f.endsWith('.map'))
    .sort();
  const hash = createHash('sha256');
  for (const f of files) {
    hash.update(`${f}\0`);
    hash.update(fs.readFileSync(path.join(outDir, f)));
  }
  return { version: hash.digest('hex').slice(0, 16), files };
}

/** The service worker's source with the list built in. */
export async function serviceWorkerSource(entry: string, precache: Precache): Promise<string> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    define: { __IPCSCOPE_PRECACHE__: JSON.stringify(precache) },
    logLevel: 'warning',
  });
  return out.outputFiles[0]!.text;
}

export function precachePlugin(entry: string): Plugin {
  let root = process.cwd();
  return {
    name: 'ipcscope-precache',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    async writeBundle(options) {
      const outDir = path.resolve(root, options.dir ?? 'dist');
      const precache = listPrecache(outDir);
      const source = await serviceWorkerSource(path.resolve(root, entry), precache);
      fs.writeFileSync(path.join(outDir, SW_FILE), source);
      this.info(`${SW_FILE}: ${precache.files.length} files precached (${precache.version})`);
    },
  };
}
