// What the editor's TypeScript worker knows: the scenario API (src/sim/script/ipcscope.d.ts, a
// module file) rewrapped as an ambient `declare module 'ipcscope'`, so `import { scenario } from
// 'ipcscope'` resolves with no file system; and the compiler options a scenario is checked with.
// Pure (no Monaco), so a Node test checks every built-in scenario against exactly this.

/** Where the wrapped declarations live in the TS worker's virtual file system. */
export const SCENARIO_LIB_PATH = 'file:///node_modules/@types/ipcscope/index.d.ts';
/** The model's URI: the name that error positions refer to. */
export const SCENARIO_MODEL_PATH = 'file:///scenario.ts';

/**
 * Wraps a module declaration file as `declare module '<name>' { ... }`. Inside an ambient module
 * `declare` is implied (and an error if written), so `export declare` becomes `export`. TSDoc stays,
 * for hovers and completion details.
 */
export function wrapAsAmbientModule(dts: string, name = 'ipcscope'): string {
  const body = dts
    .replace(/\r\n?/g, '\n')
    .replace(/^export declare /gm, 'export ')
    .replace(/^declare /gm, '')
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n');
  return `declare module '${name}' {\n${body.trimEnd()}\n}\n`;
}

/**
 * Compiler options for scenario files (numeric enum values of the TypeScript inside Monaco 0.57,
 * TS 5.9): strict, ES2022 with no DOM (scripts run in a worker), ES modules resolved the bundler way.
 */
export const EDITOR_COMPILER_OPTIONS = {
  strict: true,
  /** ScriptTarget.ES2022 */
  target: 9,
  /** ModuleKind.ESNext */
  module: 99,
  /** ModuleResolutionKind.Bundler */
  moduleResolution: 100,
  lib: ['es2022'],
  isolatedModules: true,
  verbatimModuleSyntax: false,
  allowNonTsExtensions: true,
  noEmit: true,
  skipLibCheck: true,
} as const;
