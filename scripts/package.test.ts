// The npm package as a user gets it: `npm pack` once, then installed into empty temporary
// folders (globally with a temporary prefix, and into a project), with no TypeScript toolchain
// and no checkout nearby. Runs an example, a user's scenario file, a parallel sweep, the library
// and a type-check of a scenario file against the shipped declarations.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
let tmp = '';
let prefix = '';
let project = '';
let empty = '';

function run(cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 120_000 });
}

function ok(r: SpawnSyncReturns<string>): string {
  if (r.status !== 0) throw new Error(`exit ${r.status}: ${r.stderr}${r.stdout}`);
  return r.stdout;
}

const USER_SCENARIO = `import { scenario, type Sys } from 'ipcscope';

export default scenario({
  name: 'my ping',
  description: 'A user scenario outside any checkout.',
  machine: { platform: 'a9-sabre', cores: 2 },
  params: { calls: 4 },
  setup(k) {
    const ep = k.endpoint('ep');
    k.process('server', server, { core: 0, priority: 200, caps: { ep: ep.cap() } });
    const calls = k.params.calls ?? 4;
    k.process('client', (sys: Sys) => client(sys, calls), { core: 1, priority: 100, caps: { ep: ep.cap() } });
  },
});

function* server(sys: Sys) {
  let msg = yield* sys.recv('ep');
  for (;;) msg = yield* sys.replyRecv('ep', { label: msg.label, words: msg.words });
}

function* client(sys: Sys, calls: number) {
  for (let i = 0; i < calls; i++) {
    const r = yield* sys.call('ep', { label: 1, words: [i * 10] });
    sys.log(\`got \${r.words[0]}\`);
  }
}
`;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ipcscope-pack-'));
  ok(run('npm', ['pack', '--silent', '--pack-destination', tmp], root));
  const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
  if (tgz === undefined) throw new Error('npm pack wrote no tarball');
  const flags = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];
  prefix = join(tmp, 'prefix');
  ok(run('npm', ['install', '-g', '--prefix', prefix, ...flags, join(tmp, tgz)], tmp));
  project = join(tmp, 'project');
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    '{ "name": "user-project", "private": true, "type": "module" }\n',
  );
  ok(run('npm', ['install', ...flags, join(tmp, tgz)], project));
  empty = join(tmp, 'empty');
  mkdirSync(empty);
  writeFileSync(join(empty, 'ping.ts'), USER_SCENARIO);
}, 240_000);

afterAll(() => {
  if (tmp !== '') rmSync(tmp, { recursive: true, force: true });
});

const ipcscope = (...args: string[]): SpawnSyncReturns<string> =>
  run(join(prefix, 'bin', 'ipcscope'), args, empty);
const installed = (): string => join(prefix, 'lib', 'node_modules', 'ipcscope');

describe('the npm package', () => {
  it('installs without TypeScript sources or a TypeScript toolchain', () => {
    expect(existsSync(join(installed(), 'src'))).toBe(false);
    for (const tool of ['typescript', 'tsx', 'esbuild', 'vite']) {
      expect(existsSync(join(installed(), 'node_modules', tool))).toBe(false);
    }
    expect(existsSync(join(installed(), 'dist-node', 'cli.js'))).toBe(true);
  });

  it('runs a shipped example from an empty folder', () => {
    const example = join(installed(), 'dist-node', 'examples', 'echo.ts');
    const summary = JSON.parse(ok(ipcscope('run', example, '--json'))) as Record<string, unknown>;
    expect(summary).toMatchObject({ stopReason: 'idle', ipc: { messages: 6 } });
  });

  it("runs a user's scenario file by a relative path, with params and platforms", () => {
    const text = ok(ipcscope('run', 'ping.ts', '--param', 'calls=2'));
    expect(text).toContain('my ping');
    expect(text).toContain('got 10');
    expect(ok(ipcscope('platforms'))).toContain('altra-80');
  });

  it('sweeps on worker threads with the same rows as one thread', () => {
    const args = ['sweep', 'ping.ts', '--cores', '2,3', '--platform', 'a9-sabre,xeon-2s', '--json'];
    const one = ok(ipcscope(...args, '--jobs', '1'));
    expect(ok(ipcscope(...args, '--jobs', '2'))).toBe(one);
    expect(JSON.parse(one)).toHaveLength(4);
  });

  it('joins shards with merge', () => {
    const args = ['sweep', 'ping.ts', '--cores', '2,3,4'];
    for (const i of [1, 2])
      writeFileSync(join(empty, `s${i}.jsonl`), ok(ipcscope(...args, '--shard', `${i}/2`)));
    expect(ok(ipcscope('merge', 's2.jsonl', 's1.jsonl'))).toBe(ok(ipcscope(...args)));
  });

  it('is a library: loadScenario and simulate give the summary run --json prints', () => {
    writeFileSync(
      join(project, 'use.mjs'),
      `import { loadScenario, simulate } from 'ipcscope';\n` +
        `const s = loadScenario(${JSON.stringify(join(empty, 'ping.ts'))});\n` +
        `console.log(JSON.stringify(simulate(s, { config: { cores: 3 } })));\n`,
    );
    const fromLib = JSON.parse(ok(run(process.execPath, ['use.mjs'], project))) as unknown;
    const fromCli = JSON.parse(ok(ipcscope('run', 'ping.ts', '--cores', '3', '--json'))) as unknown;
    expect(fromLib).toEqual(fromCli);
  });

  it("type-checks a scenario file and a script against the package's declarations", () => {
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: 'nodenext',
          target: 'es2022',
          types: [],
        },
        include: ['*.ts'],
      }),
    );
    writeFileSync(join(project, 'ping.ts'), USER_SCENARIO);
    writeFileSync(
      join(project, 'script.ts'),
      `import { loadScenario, simulate, sweep, type RunSummary, type SweepRow } from 'ipcscope';\n` +
        `const s = loadScenario('ping.ts');\n` +
        `const summary: RunSummary = simulate(s, { limits: { maxCycles: 1e6 } });\n` +
        `const rows: Promise<SweepRow[]> = sweep(s, { cores: [1, 2] }, { jobs: 2 });\n` +
        `export const out = [summary.ipc.messages, rows];\n`,
    );
    // One tsc run: the good files check clean, the broken one is reported (the types are real).
    writeFileSync(join(project, 'bad.ts'), USER_SCENARIO.replace("sys.recv('ep')", 'sys.recv(42)'));
    const r = run(process.execPath, [tsc, '-p', '.'], project);
    const errors = r.stdout.split('\n').filter((l) => /error TS/.test(l));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((l) => l.startsWith('bad.ts('))).toBe(true);
  });
});
