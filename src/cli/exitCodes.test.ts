import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, writeScenarios } from './testScenarios';

const ECHO = 'src/scenarios/echo.ts';

let dir = '';
beforeAll(() => {
  dir = writeScenarios();
});

describe('exit 1: the scenario cannot load, its setup throws, or a program throws', () => {
  it('a syntax error prints file:line:col', async () => {
    const r = await runCli(['run', 'syntax.ts'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^syntax\.ts:6:\d+: syntax error/);
  });

  it("a file importing 'fs' is refused with a clear message", async () => {
    const r = await runCli(['run', 'importsFs.ts'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^importsFs\.ts:\d+:\d+: .*can import only 'ipcscope', not 'fs'/);
  });

  it('a setup that throws names the file and line of the offending call', async () => {
    const r = await runCli(['run', 'setupThrows.ts', '--cores', '1'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^setupThrows\.ts:7:\d+: process 'p': core 1 does not exist/);
  });

  it('a program that throws still prints the summary, then the error with its location', async () => {
    const r = await runCli(['run', 'programThrows.ts', '--json'], dir);
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout) as { scriptErrors: unknown[]; faults: { type: string }[] };
    expect(s.scriptErrors).toHaveLength(1);
    expect(s.faults[0]?.type).toBe('exception');
    expect(r.stderr).toMatch(/^programThrows\.ts:12:\d+: 'p' threw Error: boom/);
  });

  it('the watchdog stops an endless loop, naming the process and line', async () => {
    const r = await runCli(['run', 'endlessLoop.ts', '--json', '--watchdog-ms', '50'], dir);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { stopReason: string }).stopReason).toBe('watchdog');
    expect(r.stderr).toMatch(/^endlessLoop\.ts:13: watchdog: 'spinner'/);
  });

  it('a missing file', async () => {
    const r = await runCli(['run', 'nothing-here.ts'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nothing-here.ts: cannot read the scenario file (no such file)');
  });
});

describe('exit 2: usage errors name the flag and point to --help', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown flag', ['run', ECHO, '--bogus'], /unknown option '--bogus'/],
    ['missing value', ['run', ECHO, '--cores'], /option '--cores' needs a value/],
    [
      'bad --cores',
      ['run', ECHO, '--cores', 'four'],
      /option '--cores' needs a whole number, got 'four'/,
    ],
    [
      '--cores out of range',
      ['run', ECHO, '--cores', '300'],
      /option '--cores' must be from 1 to 256/,
    ],
    [
      'bad number',
      ['run', ECHO, '--max-cycles', '1x'],
      /option '--max-cycles' needs a whole number/,
    ],
    [
      'unknown platform',
      ['run', ECHO, '--platform', 'pdp-11'],
      /option '--platform': unknown platform 'pdp-11'/,
    ],
    ['bad kernel', ['run', ECHO, '--kernel', 'numa'], /option '--kernel': unknown kernel 'numa'/],
    [
      '--param without NAME=VALUE',
      ['run', ECHO, '--param', 'calls'],
      /option '--param' needs NAME=VALUE/,
    ],
    [
      '--param of a name the scenario lacks',
      ['run', ECHO, '--param', 'think=5'],
      /unknown param 'think'/,
    ],
    ['missing FILE', ['run'], /missing the scenario FILE/],
    ['unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
    ['bad sweep list', ['sweep', ECHO, '--cores', '1,,2'], /option '--cores' has an empty item/],
  ];
  for (const [what, argv, message] of cases) {
    it(what, async () => {
      const r = await runCli(argv);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(message);
      expect(lines[1]).toMatch(/Try 'ipcscope( \w+)? --help'/);
    });
  }

  it('--help prints usage and exits 0', async () => {
    for (const argv of [
      ['--help'],
      ['run', '--help'],
      ['sweep', '--help'],
      ['platforms', '--help'],
    ]) {
      const r = await runCli(argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage/);
    }
  });
});
