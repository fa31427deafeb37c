// Small scenario sources shared by the command line's tests: each is written to a temporary
// folder outside the repo, so the tests also prove that a scenario runs from any folder.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryIo } from './io';
import { main } from './main';

export const SCENARIOS = {
  'crossCore.ts': `import { scenario, type Sys } from 'ipcscope';

export default scenario({
  name: 'cross-core echo',
  machine: { platform: 'a9-sabre', cores: 2 },
  params: { calls: 4 },
  setup(k) {
    const ep = k.endpoint('ep');
    k.process('server', server, { core: 1, priority: 200, caps: { ep: ep.cap() } });
    k.process('client', client(k.params.calls ?? 4), { core: 0, caps: { ep: ep.cap() } });
  },
});

function* server(sys: Sys) {
  let m = yield* sys.recv('ep');
  for (;;) m = yield* sys.replyRecv('ep', { words: m.words });
}

function client(calls: number) {
  return function* (sys: Sys) {
    for (let i = 0; i < calls; i++) yield* sys.call('ep', { words: [i] });
    sys.log('done');
  };
}
`,
  'syntax.ts': `import { scenario } from 'ipcscope';

export default scenario({
  name: 'broken',
  setup(k) {
    const x = ;
  },
});
`,
  'importsFs.ts': `import { scenario } from 'ipcscope';
import { readFileSync } from 'fs';

export default scenario({ name: 'fs', setup() { readFileSync('/etc/hostname'); } });
`,
  'setupThrows.ts': `import { scenario, type Sys } from 'ipcscope';

export default scenario({
  name: 'needs two cores',
  machine: { cores: 2 },
  setup(k) {
    k.process('p', function* (sys: Sys) { yield* sys.yield(); }, { core: 1 });
  },
});
`,
  'programThrows.ts': `import { scenario, type Sys } from 'ipcscope';

export default scenario({
  name: 'throws',
  setup(k) {
    k.process('p', prog);
  },
});

function* prog(sys: Sys) {
  yield* sys.yield();
  throw new Error('boom');
}
`,
  'endlessLoop.ts': `import { scenario, type Sys } from 'ipcscope';

export default scenario({
  name: 'loops',
  setup(k) {
    k.process('spinner', prog);
  },
});

function* prog(sys: Sys) {
  yield* sys.yield();
  let i = 0;
  for (;;) i++;
}
`,
} as const;

/** A fresh temporary folder holding every scenario above. */
export function writeScenarios(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ipcscope-cli-'));
  for (const [name, source] of Object.entries(SCENARIOS)) writeFileSync(join(dir, name), source);
  return dir;
}

/** Call main() in-process with captured output. */
export async function runCli(
  argv: string[],
  cwd = process.cwd(),
): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = createMemoryIo(cwd);
  const code = await main(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}
