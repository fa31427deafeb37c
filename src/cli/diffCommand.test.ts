import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunDiff } from '../debugger/runDiff';
import { InProcessSimClient } from '../worker/inProcessSimClient';
import { runFixture } from '../worker/testing/fixtures';
import { SessionDriver } from '../worker/testing/sessionDriver';
import { splitFlags } from './diffCommand';
import { runCli } from './testScenarios';

/** Two clients; with --param extra=1, client1 Yields once after its first reply: the runs part there. */
const PARTING = `import { scenario, type Sys } from 'ipcscope';
let extra = 0;
export default scenario({
  name: 'parting',
  machine: { platform: 'skylake-i7', cores: 2 },
  params: { extra: 0 },
  setup(k) {
    extra = k.params.extra;
    const ep = k.endpoint('ep');
    k.process('server', server, { core: 0, priority: 200, caps: { ep: ep.cap() } });
    k.process('client1', client, { core: 0, priority: 100, caps: { ep: ep.cap() } });
    k.process('client2', client, { core: 1, priority: 100, caps: { ep: ep.cap() } });
  },
});
function* server(sys: Sys) {
  let m = yield* sys.recv('ep');
  for (;;) m = yield* sys.replyRecv('ep', { words: m.words });
}
function* client(sys: Sys) {
  for (let i = 0; i < 3; i++) {
    yield* sys.call('ep', { words: [i] });
    if (i === 0 && extra > 0 && sys.name === 'client1') yield* sys.yield();
  }
}
`;

function scenarioDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ipcscope-diff-'));
  writeFileSync(join(dir, 'parting.ts'), PARTING);
  writeFileSync(join(dir, 'edited.ts'), PARTING.replace('i < 3', 'i < 4'));
  return dir;
}

const clients: InProcessSimClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.dispose();
});

describe('ipcscope diff', () => {
  it('names the first divergence at the event where B does something else, and the table', async () => {
    const dir = scenarioDir();
    const b = runFixture(PARTING, { params: { extra: 1 } });
    const known = b.log.findIndex((e) => e.type === 'syscallEntered' && e.syscall === 'Yield');
    const r = await runCli(
      ['diff', 'parting.ts', '--a', '', '--b', '--param extra=1', '--json'],
      dir,
    );
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as RunDiff;
    expect(d.structural!.index).toBe(known);
    expect(d.structural!.b).toContain('"syscall":"Yield"');
    expect(d.b.config.params).toEqual({ extra: 1 });
    const sys = d.rows.find((x) => x.metric === 'syscalls')!;
    expect(sys.b! - sys.a!).toBe(1);
    const text = await runCli(['diff', 'parting.ts', '--a=', '--b=--param extra=1'], dir);
    expect(text.stdout).toContain(`First divergence (what happened): event #${known}`);
    expect(text.stdout).toMatch(new RegExp(`syscalls\\s+${sys.a}\\s+${sys.b}\\s+\\+1`));
  });

  it('says the same as the app: the worker diff of the same two runs equals the --json output', async () => {
    const dir = scenarioDir();
    const r = await runCli(
      [
        'diff',
        'parting.ts',
        '--a',
        '--platform skylake-i7',
        '--b',
        '--platform a9-sabre',
        '--json',
      ],
      dir,
    );
    const cli = JSON.parse(r.stdout) as RunDiff;
    const c = new InProcessSimClient();
    clients.push(c);
    const d = new SessionDriver(c);
    const msgs = await d.request({
      type: 'diff',
      a: {
        label: '--platform skylake-i7',
        source: PARTING,
        file: 'parting.ts',
        overrides: { platform: 'skylake-i7' },
      },
      b: {
        label: '--platform a9-sabre',
        source: PARTING,
        file: 'parting.ts',
        overrides: { platform: 'a9-sabre' },
      },
    });
    const app = msgs.find((m) => m.type === 'diff');
    expect(app !== undefined && app.type === 'diff' && app.diff).toEqual(cli);
    expect(cli.timing).not.toBeNull();
  });

  it('compares two versions of the script with --file, and flags outside --a/--b apply to both', async () => {
    const dir = scenarioDir();
    const r = await runCli(
      ['diff', 'parting.ts', '--seed', '5', '--a', '', '--b', '--file edited.ts', '--json'],
      dir,
    );
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as RunDiff;
    expect([d.a.config.seed, d.b.config.seed]).toEqual([5, 5]);
    expect(d.b.events).toBeGreaterThan(d.a.events);
    expect(d.structural).not.toBeNull();
  });

  it('the same configuration twice: no divergence', async () => {
    const r = await runCli(['diff', 'parting.ts', '--a', '', '--b', ''], scenarioDir());
    expect(r.stdout).toContain('none, the runs are identical');
  });

  it('bad flags are usage errors that name the side and the flag', async () => {
    const dir = scenarioDir();
    const bad = await runCli(['diff', 'parting.ts', '--a', '--cores x', '--b', ''], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`in --a "--cores x": option '--cores' needs a whole number`);
    const missing = await runCli(['diff', 'parting.ts', '--a', ''], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('needs both --a');
    const param = await runCli(['diff', 'parting.ts', '--a', '', '--b', '--param nope=1'], dir);
    expect(param.code).toBe(2);
    expect(param.stderr).toContain("unknown param 'nope'");
    const file = await runCli(['diff', 'parting.ts', '--a', '', '--b', '--file gone.ts'], dir);
    expect(file.code).toBe(1);
    expect(file.stderr).toContain('gone.ts: cannot read the scenario file (no such file)');
  });

  it('splits a side into words, quotes grouping', () => {
    expect(splitFlags(`--param a=1  --file "my file.ts"`)).toEqual([
      '--param',
      'a=1',
      '--file',
      'my file.ts',
    ]);
  });
});
