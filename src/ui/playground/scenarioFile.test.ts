import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/testScenarios';
import { loadScenarioSource } from '../../loader/loadScenario';
import { resolveConfig } from '../../sim/config';
import { Simulation } from '../../sim/simulation';
import {
  checkScenarioFile,
  MAX_SCENARIO_BYTES,
  openScenarioFile,
  scenarioBlob,
  scenarioFileName,
} from './scenarioFile';
import { createShareLink, decodeShareHash, type SharedConfig } from './shareLink';

/** A scenario as a user would write it in the editor: a client calling a server on another core. */
const EDITED = `import { scenario, type Sys } from 'ipcscope';

export default scenario({
  name: 'My échange',
  description: 'Written in the playground.',
  machine: { platform: 'skylake-i7', cores: 2 },
  params: { calls: 5 },
  setup(k) {
    const ep = k.endpoint('ep');
    k.process('server', server, { core: 1, priority: 200, caps: { ep: ep.cap() } });
    k.process('client', client(k.params.calls ?? 5), { core: 0, caps: { ep: ep.cap() } });
  },
});

function* server(sys: Sys) {
  let m = yield* sys.recv('ep');
  for (;;) m = yield* sys.replyRecv('ep', { words: [m.words[0]! * 2] });
}

function client(calls: number) {
  return function* (sys: Sys) {
    for (let i = 0; i < calls; i++) {
      const r = yield* sys.call('ep', { words: [i] });
      sys.log(\`reply \${r.words[0]}\`);
    }
  };
}
`;

describe('scenario files', () => {
  it('names the download after the scenario', () => {
    expect(scenarioFileName('Call / ReplyRecv echo')).toBe('call-replyrecv-echo.ts');
    expect(scenarioFileName('My échange')).toBe('my-echange.ts');
    expect(scenarioFileName('???')).toBe('scenario.ts');
  });

  it('opens a .ts or .js file and drops a byte-order mark', async () => {
    const file = new File(['\ufeffconst x = 1;\n'], 'mine.ts');
    expect(await openScenarioFile(file)).toEqual({
      ok: true,
      name: 'mine.ts',
      text: 'const x = 1;\n',
    });
    expect((await openScenarioFile(new File(['1'], 'a.JS'))).ok).toBe(true);
  });

  it('refuses other extensions, huge files and binary files with a message', async () => {
    expect(checkScenarioFile('notes.txt', 10)).toMatch(/not a \.ts or \.js file/);
    expect(checkScenarioFile('big.ts', MAX_SCENARIO_BYTES + 1)).toMatch(/at most 512 KB/);
    const png = new File(
      [Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0)],
      'x.ts',
    );
    expect(await openScenarioFile(png)).toEqual({
      ok: false,
      message: 'x.ts looks like a binary file, not a scenario source',
    });
  });
});

describe('the same file runs everywhere', () => {
  it('a downloaded, shared scenario gives the CLI the traceHash the app computes', async () => {
    const config: SharedConfig = {
      platform: 'a9-sabre',
      cores: 2,
      kernel: 'smp',
      mcs: false,
      seed: 7,
      params: { calls: 4 },
    };
    const link = await createShareLink({ source: EDITED, config }, 'http://127.0.0.1:4173/');
    if (!link.ok) throw new Error(link.message);
    const shared = await decodeShareHash(link.url.slice(link.url.indexOf('#')));
    if (shared.kind !== 'ok') throw new Error('the link did not decode');
    const { source, config: c } = shared.payload;

    // The app's way (the worker's SimSession.load): loader + resolveConfig + Simulation.
    const loaded = loadScenarioSource(source, 'scenario.ts');
    const sim = new Simulation(loaded.scenario, resolveConfig(loaded.scenario, c), {
      describeError: (e) => loaded.describeError(e),
    });
    expect(sim.run({ maxCycles: 100_000_000 })).toBe('idle');

    // The downloaded file, byte for byte, from a folder with no install next to it.
    const dir = mkdtempSync(join(tmpdir(), 'ipcscope-playground-'));
    const name = scenarioFileName(loaded.scenario.name);
    writeFileSync(join(dir, name), new Uint8Array(await scenarioBlob(source).arrayBuffer()));
    const flags = ['--platform', c.platform, '--cores', String(c.cores), '--kernel', c.kernel];
    flags.push('--seed', String(c.seed), '--param', `calls=${c.params.calls}`);
    const r = await runCli(['run', name, ...flags, '--json'], dir);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as {
      traceHash: string;
      config: SharedConfig;
      console: unknown[];
    };
    expect(report.config).toEqual(config);
    expect(report.console).toHaveLength(4);
    expect(report.traceHash).toBe(sim.traceHash);
  });
});
