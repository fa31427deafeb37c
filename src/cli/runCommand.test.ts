import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, writeScenarios } from './testScenarios';

const ECHO = 'src/scenarios/echo.ts';

let dir = '';
beforeAll(() => {
  dir = writeScenarios();
});

function json(stdout: string): Record<string, unknown> {
  return JSON.parse(stdout) as Record<string, unknown>;
}

/** Replace every leaf of a JSON value by its type name. */
function shapeOf(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shapeOf);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shapeOf(x)]));
  }
  return v === null ? 'null' : typeof v;
}

const THREAD_SHAPE = {
  core: 'number',
  state: 'string',
  syscalls: 'number',
  fastpath: 'number',
  slowpath: 'number',
  userCycles: 'number',
  kernelCycles: 'number',
};
const CONSOLE_SHAPE = { thread: 'string', t: 'number', text: 'string' };

describe('ipcscope run --json', () => {
  it('prints every field of the contract with the right types (DESIGN.md "The command line")', async () => {
    const r = await runCli(['run', ECHO, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const s = json(r.stdout);
    expect(shapeOf(s)).toMatchObject({
      scenario: 'string',
      config: {
        platform: 'string',
        cores: 'number',
        kernel: 'string',
        mcs: 'boolean',
        seed: 'number',
        params: { calls: 'number' },
      },
      stopReason: 'string',
      cycles: 'number',
      events: 'number',
      traceHash: 'string',
      syscalls: { total: 'number', fastpath: 'number', slowpath: 'number', byName: {} },
      slowpathReasons: {},
      ipc: { messages: 'number' },
      ipis: 'number',
      cacheLines: { migrations: 'number', cycles: 'number' },
      lock: { acquisitions: 'number', contended: 'number', spinCycles: 'number' },
      threads: {
        server: THREAD_SHAPE,
        client: THREAD_SHAPE,
      },
      faults: [],
      console: [CONSOLE_SHAPE, CONSOLE_SHAPE, CONSOLE_SHAPE],
    });
    expect(s).toMatchObject({
      scenario: 'Call / ReplyRecv echo',
      config: { platform: 'skylake-i7', cores: 1, kernel: 'smp', mcs: false, seed: 1 },
      stopReason: 'idle',
      syscalls: { total: 8, fastpath: 6, slowpath: 2, byName: { Call: 3, ReplyRecv: 3, Recv: 1 } },
      ipc: { messages: 6 },
      ipis: 0,
    });
    expect(s.traceHash).toMatch(/^[0-9a-f]{16}$/);
    expect(Object.keys(s.threads as object)).toEqual(['server', 'client']);
    const counts = [
      ...Object.values((s.syscalls as { byName: Record<string, unknown> }).byName),
      ...Object.values(s.slowpathReasons as Record<string, unknown>),
    ];
    for (const n of counts) expect(typeof n).toBe('number');
    expect((s.console as { text: string }[])[0]?.text).toContain('reply 0');
  });

  it('lets flags override the scenario machine and params', async () => {
    const r = await runCli([
      'run',
      ECHO,
      '--json',
      '--platform',
      'a9-sabre',
      '--cores',
      '2',
      '--kernel',
      'multikernel',
      '--mcs',
      '--seed',
      '9',
      '--param',
      'calls=5',
    ]);
    expect(r.code).toBe(0);
    const s = json(r.stdout);
    expect(s.config).toEqual({
      platform: 'a9-sabre',
      cores: 2,
      kernel: 'multikernel',
      mcs: true,
      seed: 9,
      params: { calls: 5 },
    });
    expect((s.ipc as { messages: number }).messages).toBe(10);
  });

  it('gives the same traceHash for the same seed twice', async () => {
    const a = json(
      (await runCli(['run', join(dir, 'crossCore.ts'), '--json', '--seed', '3'])).stdout,
    );
    const b = json(
      (await runCli(['run', join(dir, 'crossCore.ts'), '--json', '--seed', '3'])).stdout,
    );
    expect(a.traceHash).toBe(b.traceHash);
    expect(a.events).toBe(b.events);
  });

  it('runs a scenario file from a folder outside the repo', async () => {
    const r = await runCli(['run', 'crossCore.ts', '--json'], dir);
    expect(r.code).toBe(0);
    const s = json(r.stdout);
    expect(s.scenario).toBe('cross-core echo');
    expect((s.ipc as { messages: number }).messages).toBe(8);
    expect(s.console).toMatchObject([{ thread: 'client', text: 'done' }]);
  });

  it('stops at --max-cycles and --max-events as a normal end (exit 0)', async () => {
    const c = await runCli(['run', ECHO, '--json', '--max-cycles', '1000']);
    expect(c.code).toBe(0);
    expect(json(c.stdout)).toMatchObject({ stopReason: 'maxCycles', cycles: 1000 });
    const e = await runCli(['run', ECHO, '--json', '--max-events', '10']);
    expect(e.code).toBe(0);
    const s = json(e.stdout);
    expect(s.stopReason).toBe('maxEvents');
    expect(s.events).toBeGreaterThanOrEqual(10);
  });

  it('prints a readable report without --json', async () => {
    const r = await runCli(['run', ECHO]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Call / ReplyRecv echo');
    expect(r.stdout).toMatch(/stopped\s+idle at cycle/);
    expect(r.stdout).toMatch(/syscalls\s+8 \(fastpath 6, slowpath 2/);
    expect(r.stdout).toContain('Recv has no fastpath');
    expect(r.stdout).toMatch(/server\s+0\s+200\s+blockedOnReceive/);
    expect(r.stdout).toContain('client: reply 2');
  });
});

describe('ipcscope run --events and --trace', () => {
  it('--events writes one JSON object per event, as many lines as the summary counts', async () => {
    const out = join(dir, 'events.jsonl');
    const r = await runCli(['run', 'crossCore.ts', '--json', '--events', out], dir);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(json(r.stdout).events as number);
    const events = lines.map(
      (l) => JSON.parse(l) as { seq: number; t: number; core: number; type: string },
    );
    events.forEach((e, i) => {
      expect(e.seq).toBe(i);
      expect(typeof e.type).toBe('string');
    });
    expect(events.some((e) => e.type === 'messageTransferred')).toBe(true);
  });

  it('--trace writes trace-event JSON with metadata, slices and message flows', async () => {
    const out = join(dir, 'trace.json');
    const r = await runCli(['run', 'crossCore.ts', '--trace', out], dir);
    expect(r.code).toBe(0);
    const trace = JSON.parse(readFileSync(out, 'utf8')) as {
      traceEvents: { ph: string; name: string; id?: number; args?: { name?: string } }[];
    };
    const phases = new Set(trace.traceEvents.map((e) => e.ph));
    for (const ph of ['M', 'X', 's', 'f']) expect(phases).toContain(ph);
    const names = trace.traceEvents
      .filter((e) => e.name === 'thread_name')
      .map((e) => e.args?.name);
    expect(names).toEqual(expect.arrayContaining(['core 0', 'core 1', 'server', 'client']));
    const starts = trace.traceEvents.filter((e) => e.ph === 's').map((e) => e.id);
    const ends = trace.traceEvents.filter((e) => e.ph === 'f').map((e) => e.id);
    expect(starts).toHaveLength(8);
    expect(ends.sort()).toEqual(starts.sort());
  });
});
