// The condition editor's types against the real thing: every Projection is a Machine (checked
// by the compiler), and conditions type-check, or fail, in the editor's TypeScript as they should.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createProjection } from '../projection/initialProjection';
import type { Projection } from '../projection/types';
import type { SimEvent } from '../sim/simEvents';
import { runFixture } from '../worker/testing/fixtures';
import { QUEUE } from '../worker/testing/debugFixtures';
import { conditionLib } from './conditionLib';
import type { Machine } from './machineView';

// Compile-time: the projection the worker hands a condition is a Machine.
const asMachine = (p: Projection): Machine => p;

const LIB = conditionLib(readFileSync('src/debugger/machineView.d.ts', 'utf8'));
const LIB_DIR = dirname(createRequire(import.meta.url).resolve('typescript'));

/** Type-check one condition as the editor does (a script beside the lib); returns the messages. */
function check(condition: string): string[] {
  const files = new Map([
    ['/condition.ts', condition],
    ['/lib/condition.d.ts', LIB],
  ]);
  const options: ts.CompilerOptions = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    types: [],
    noEmit: true,
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
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('the machine view of a condition', () => {
  it('is the projection, field for field', () => {
    const run = runFixture(QUEUE);
    const m = asMachine(createProjection(run.description));
    expect(m.cores.length).toBe(4);
    expect(Object.keys(m.threads)).toContain('client1');
  });

  it('type-checks conditions on the machine and on the event', () => {
    expect(check('(machine.endpoints.ep?.queue.length ?? 0) >= 2')).toEqual([]);
    expect(
      check(
        "event?.type === 'messageTransferred' && event.badge === 3 && machine.threads.server?.state === 'blockedOnReceive'",
      ),
    ).toEqual([]);
    expect(check("machine.cores.some((c) => c.mode === 'spinning')")).toEqual([]);
  });

  it('reports a misspelt field, a wrong state and a write to the machine', () => {
    expect(check('machine.endpoint.ep').join('\n')).toMatch(/Property 'endpoint' does not exist/);
    expect(check("machine.threads.a?.state === 'blocked'").join('\n')).toMatch(/no overlap/);
    expect(check('machine.t = 0').join('\n')).toMatch(/read-only/);
    expect(check("event?.type === 'threadWoken' && event.badge === 1").join('\n')).toMatch(
      /Property 'badge' does not exist/,
    );
  });

  it('types every event field the engine emits', () => {
    const e: SimEvent = runFixture(QUEUE).log.find((x) => x.type === 'messageTransferred')!;
    expect(check(`const e: MachineView.Event = ${JSON.stringify(e)}; e;`)).toEqual([]);
  });
});
