// The src/lib rules of scripts/checkLayers.mjs: the library sits beside the CLI and the worker,
// never on top of them, and only src/lib/node may use Node modules.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLayers } from './checkLayers.mjs';

const roots: string[] = [];

function violations(files: Record<string, string>): string[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'checkLayersLib-'));
  roots.push(root);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
  return checkLayers(root).violations.map((v) => `${v.file}:${v.line} ${v.rule}`);
}

afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

describe('checkLayers: src/lib', () => {
  it('accepts the engine, the loader and packages, and Node modules in src/lib/node', () => {
    expect(
      violations({
        'src/sim/a.ts': 'export const a = 1;\n',
        'src/loader/l.ts': 'export const l = 1;\n',
        'src/lib/simulate.ts': "import { a } from '../sim/a';\nimport { l } from '../loader/l';\n",
        'src/lib/node/sweep.ts': "import { cpus } from 'node:os';\nimport '../simulate';\n",
      }),
    ).toEqual([]);
  });

  it('rejects imports of the ui, the cli or the worker', () => {
    expect(
      violations({
        'src/lib/a.ts': "import '../ui/App';\nimport { main } from '../cli/main';\n",
        'src/lib/node/b.ts': "import type { X } from '../../worker/simClient';\n",
      }),
    ).toEqual([
      'src/lib/a.ts:1 lib-imports',
      'src/lib/a.ts:2 lib-imports',
      'src/lib/node/b.ts:1 lib-imports',
    ]);
  });

  it('rejects Node modules outside src/lib/node (that code also runs in Web Workers)', () => {
    expect(
      violations({ 'src/lib/sweepPoint.ts': "\nimport { readFileSync } from 'node:fs';\n" }),
    ).toEqual(['src/lib/sweepPoint.ts:2 lib-host-neutral']);
  });
});
