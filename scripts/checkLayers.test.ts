import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLayers, stripCode } from './checkLayers.mjs';

const roots: string[] = [];

function fixture(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'checkLayers-'));
  roots.push(root);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return root;
}

function violations(files: Record<string, string>): string[] {
  return checkLayers(fixture(files)).violations.map((v) => `${v.file}:${v.line} ${v.rule}`);
}

afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

describe('checkLayers', () => {
  it('accepts a clean tree', () => {
    expect(
      violations({
        'src/sim/engine/queue.ts': "import { rng } from './rng';\nexport const q = rng;\n",
        'src/sim/engine/rng.ts': 'export const rng = (seed: number) => seed * 2;\n',
        'src/sim/index.ts': "export * from './engine/queue';\n",
        'src/sim/engine/queue.test.ts': "import { it } from 'vitest';\nimport '../../ui/x';\n",
        'src/protocol/messages.ts': "import type { SimEvent } from '../sim/index';\n",
        'src/ui/App.tsx': [
          "import type { SimEvent } from '../sim/index';",
          "import api from '../sim/script/ipcscope.d.ts?raw';",
          "import { create } from 'zustand';",
          "import { client } from '../worker/simClient';",
          'export const x = (e: SimEvent) => [api, create, client, e];',
        ].join('\n'),
      }),
    ).toEqual([]);
  });

  it('rejects bare imports in src/sim', () => {
    expect(violations({ 'src/sim/a.ts': "\nimport * as d3 from 'd3';\n" })).toEqual([
      'src/sim/a.ts:2 sim-imports',
    ]);
  });

  it('rejects relative imports that leave src/sim, including type and dynamic imports', () => {
    expect(
      violations({
        'src/sim/kernel/a.ts': [
          "import { x } from '../../ui/store';",
          "import type { M } from '../../protocol/messages';",
          "export { y } from '../../scenarios/pingPong';",
          "const z = import('../../worker/simWorker');",
          "import { ok } from '../engine/ok';",
        ].join('\n'),
      }),
    ).toEqual([
      'src/sim/kernel/a.ts:1 sim-imports',
      'src/sim/kernel/a.ts:2 sim-imports',
      'src/sim/kernel/a.ts:3 sim-imports',
      'src/sim/kernel/a.ts:4 sim-imports',
    ]);
  });

  it('rejects nondeterminism and host globals in src/sim, also in tests', () => {
    expect(
      violations({
        'src/sim/a.ts': [
          'const r = Math.random();',
          'const t = Date.now();',
          'const p = performance.now();',
          'window.alert(1);',
          'const el = document.body;',
          'self.postMessage(1);',
          'globalThis.postMessage(1);',
          "localStorage.getItem('k');",
          'requestAnimationFrame(() => 1);',
          'importScripts();',
        ].join('\n'),
        'src/sim/a.test.ts': 'const r = Math.random();\n',
      }),
    ).toEqual([
      'src/sim/a.test.ts:1 sim-globals',
      'src/sim/a.ts:1 sim-globals',
      'src/sim/a.ts:2 sim-globals',
      'src/sim/a.ts:3 sim-globals',
      'src/sim/a.ts:4 sim-globals',
      'src/sim/a.ts:5 sim-globals',
      'src/sim/a.ts:6 sim-globals',
      'src/sim/a.ts:7 sim-globals',
      'src/sim/a.ts:8 sim-globals',
      'src/sim/a.ts:9 sim-globals',
      'src/sim/a.ts:10 sim-globals',
    ]);
  });

  it('is not fooled by comments, strings, property names or keys', () => {
    expect(
      violations({
        'src/sim/a.ts': [
          '// Math.random() and window are fine in a comment',
          '/* Date.now() */',
          "const s = 'document and Math.random()';",
          'const t = `self ${1 + 1} performance.now()`;',
          'const re = /window/g;',
          'const o = { self: 1, document: 2 };',
          'const v = o.self + o.document + rng.random();',
          "// import x from 'd3';",
          'export { s, t, re, v };',
        ].join('\n'),
      }),
    ).toEqual([]);
  });

  it('rejects runtime imports of src/sim from src/ui', () => {
    expect(
      violations({
        'src/ui/views/A.tsx': [
          "import { createSimulator } from '../../sim/engine/simulator';",
          "import { type SimEvent } from '../../sim/simEvents';",
          "import '../../sim/index';",
          "import type { Ok } from '../../sim/simEvents';",
        ].join('\n'),
      }),
    ).toEqual([
      'src/ui/views/A.tsx:1 ui-no-sim-runtime',
      'src/ui/views/A.tsx:2 ui-no-sim-runtime',
      'src/ui/views/A.tsx:3 ui-no-sim-runtime',
    ]);
  });

  it('rejects sim runtime that reaches src/ui through a chain of runtime imports', () => {
    expect(
      violations({
        'src/ui/store.ts': [
          "import { InProcessSimClient } from '../worker/inProcessSimClient';",
          "import { WorkerSimClient } from '../worker/workerSimClient';",
          "import type { SimSession } from '../worker/simSession';",
          "import { createProjection } from '../projection/initialProjection';",
          "import { load } from '../loader/loadScenario';",
        ].join('\n'),
        'src/worker/inProcessSimClient.ts': "import { SimSession } from './simSession';\n",
        'src/worker/simSession.ts': "import { Simulation } from '../sim/simulation';\n",
        'src/worker/workerSimClient.ts': "import type { SimSession } from './simSession';\n",
        'src/projection/initialProjection.ts':
          "import type { MachineDescription } from '../sim/describe';\n",
        'src/loader/loadScenario.ts': 'export const load = 1;\n',
        'src/sim/simulation.ts': 'export class Simulation {}\n',
        'src/sim/describe.ts': 'export type MachineDescription = object;\n',
      }),
    ).toEqual(['src/ui/store.ts:1 ui-no-sim-runtime', 'src/ui/store.ts:5 ui-no-sim-runtime']);
  });

  it('keeps src/projection pure: itself, plus types from src/sim and src/protocol', () => {
    expect(
      violations({
        'src/projection/fold.ts': [
          "import type { SimEvent } from '../sim/simEvents';",
          "import type { FromWorker } from '../protocol/messages';",
          "import { helper } from './helper';",
          "import { Simulation } from '../sim/simulation';",
          "import { useStore } from '../ui/store';",
          "import * as d3 from 'd3';",
        ].join('\n'),
        'src/projection/helper.ts': 'export const helper = 1;\n',
      }),
    ).toEqual([
      'src/projection/fold.ts:4 projection-pure',
      'src/projection/fold.ts:5 projection-pure',
      'src/projection/fold.ts:6 projection-pure',
    ]);
  });

  it('lets the projection and the page load src/sim/events, a leaf that imports only itself', () => {
    expect(
      violations({
        'src/sim/events/schema.ts':
          "import type { Api } from '../script/api';\nexport const E = 1;\n",
        'src/sim/events/log.ts': [
          "import { E } from './schema';",
          "import { Simulation } from '../simulation';",
          'export const L = [E, Simulation];',
        ].join('\n'),
        'src/projection/fold.ts':
          "import { E } from '../sim/events/schema';\nexport const F = E;\n",
        'src/ui/view.tsx': "import { E } from '../sim/events/schema';\nexport const V = E;\n",
        'src/ui/store.ts': "import { F } from '../projection/fold';\nexport const S = F;\n",
      }),
    ).toEqual(['src/sim/events/log.ts:2 events-leaf']);
  });

  it('rejects an import cycle inside src/sim, type-only imports included, but not in tests', () => {
    expect(
      violations({
        'src/sim/a.ts': "import { b } from './b';\nexport const a = b;\n",
        'src/sim/b.ts': "import type { C } from './c';\nexport const b = 1 as C;\n",
        'src/sim/c.ts': "import { a } from './a';\nexport type C = typeof a;\n",
        'src/sim/d.ts': "import { a } from './a';\nexport const d = a;\n",
        'src/sim/d.test.ts': "import { d } from './d';\nexport const t = d;\n",
      }),
    ).toEqual(['src/sim/a.ts:1 sim-cycle']);
    expect(
      violations({
        'src/sim/a.ts': "import { b } from './b';\nexport const a = b;\n",
        'src/sim/b.ts': 'export const b = 1;\n',
        'src/sim/b.test.ts': "import { a } from './a';\nexport const t = a;\n",
      }),
    ).toEqual([]);
  });

  it('allows only type imports in src/protocol', () => {
    expect(
      violations({
        'src/protocol/messages.ts': [
          "import type { SimEvent } from '../sim/simEvents';",
          "export type { Cycles } from '../sim/engine/time';",
          "import { PROTOCOL } from './version';",
          "export { X } from './x';",
        ].join('\n'),
      }),
    ).toEqual([
      'src/protocol/messages.ts:3 protocol-types-only',
      'src/protocol/messages.ts:4 protocol-types-only',
    ]);
  });

  it('exits non-zero and prints file:line and rule from the command line', async () => {
    const { spawnSync } = await import('node:child_process');
    const root = fixture({ 'src/sim/a.ts': 'export const t = Date.now();\n' });
    const script = path.join(import.meta.dirname, 'checkLayers.mjs');
    const run = spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('src/sim/a.ts:1: [sim-globals]');
  });
});

describe('stripCode', () => {
  it('keeps offsets and newlines while blanking comments and literals', () => {
    const src = "a // c\nb = 'x' + `y${z}w` /* q */;";
    const out = stripCode(src);
    expect(out).toHaveLength(src.length);
    expect(out).toBe("a     \nb = ' ' + ` ${z} `        ;");
  });
});
