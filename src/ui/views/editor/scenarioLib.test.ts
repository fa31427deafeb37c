import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { EDITOR_COMPILER_OPTIONS, wrapAsAmbientModule } from './scenarioLib';

const DTS = readFileSync('src/sim/script/ipcscope.d.ts', 'utf8');
const LIB = wrapAsAmbientModule(DTS);
const LIB_DIR = dirname(createRequire(import.meta.url).resolve('typescript'));

/**
 * Type-checks scenario sources (file name to text) as the editor does: the wrapped lib and the
 * editor's options, all in one program (each file is a module of its own). Returns "file: message".
 */
function checkAll(sources: Record<string, string>): string[] {
  const files = new Map(Object.entries(sources).map(([f, text]) => [`/${f}`, text]));
  files.set('/node_modules/@types/ipcscope/index.d.ts', LIB);
  const options: ts.CompilerOptions = {
    ...(EDITOR_COMPILER_OPTIONS as unknown as ts.CompilerOptions),
    lib: EDITOR_COMPILER_OPTIONS.lib.map((l) => `lib.${l}.d.ts`),
    types: [],
  };
  const host = ts.createCompilerHost(options);
  host.getDefaultLibLocation = () => LIB_DIR;
  host.getDefaultLibFileName = () => join(LIB_DIR, 'lib.es2022.d.ts');
  host.fileExists = (f) => files.has(f) || ts.sys.fileExists(f);
  host.readFile = (f) => files.get(f) ?? ts.sys.readFile(f);
  host.getCurrentDirectory = () => '/';
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (f, v) => {
    const text = files.get(f);
    return text !== undefined ? ts.createSourceFile(f, text, v) : getSourceFile(f, v);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map(
      (d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
    );
}

const check = (source: string) => checkAll({ 'scenario.ts': source });

describe('the scenario API in the editor', () => {
  it("wraps the declarations as module 'ipcscope', without declare, keeping the docs", () => {
    expect(LIB.startsWith("declare module 'ipcscope' {\n")).toBe(true);
    expect(LIB).toContain('  export function scenario(spec: ScenarioSpec): Scenario;');
    expect(LIB).not.toMatch(/^\s*export declare /m);
    expect(LIB).toContain('/** seL4_Call: send and wait for the reply');
  });

  it('checks every built-in scenario without an error', () => {
    const dir = 'src/scenarios';
    const tsFiles = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.includes('.test.'));
    const scenarioFiles = tsFiles.filter((f) =>
      readFileSync(join(dir, f), 'utf8').includes("from 'ipcscope'"),
    );
    expect(scenarioFiles.length).toBeGreaterThan(0);
    const sources = Object.fromEntries(
      scenarioFiles.map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
    );
    expect(checkAll(sources)).toEqual([]);
  });

  it('reports a wrong argument type, a misspelt syscall and DOM globals', () => {
    const errors = check(`import { scenario, type Sys } from 'ipcscope';
export default scenario({ name: 'x', setup(k) { k.process('p', p, { core: 'one' }); } });
function* p(sys: Sys) { yield* sys.cal('ep'); document.title = ''; }
`);
    expect(errors.join('\n')).toMatch(/Type 'string' is not assignable to type 'number'/);
    expect(errors.join('\n')).toMatch(/Property 'cal' does not exist on type 'Sys'/);
    expect(errors.join('\n')).toMatch(/Cannot find name 'document'/);
  });

  it('reports an import of anything but ipcscope', () => {
    expect(check(`import { readFileSync } from 'fs';\nreadFileSync;\n`).join('\n')).toMatch(/'fs'/);
  });
});
