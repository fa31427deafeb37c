// The debugger through the worker protocol: condition breakpoints with continue and
// reverse-continue, retroactive logpoints, run diffs, forks and attribution.
import { afterEach, describe, expect, it } from 'vitest';
import type { DebugBreakpoint } from '../../debugger/conditions';
import { QUEUE } from '../testing/debugFixtures';
import type { FromWorker } from '../../protocol/messages';
import { InProcessSimClient } from '../inProcessSimClient';
import { runFixture } from '../testing/fixtures';
import { SessionDriver } from '../testing/sessionDriver';

type Of<T extends FromWorker['type']> = Extract<FromWorker, { type: T }>;

const clients: InProcessSimClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.dispose();
});

async function loaded(source: string, overrides = {}): Promise<SessionDriver> {
  const c = new InProcessSimClient();
  clients.push(c);
  const d = new SessionDriver(c);
  await d.request({ type: 'setSpeed', eventsPerSecond: null });
  await d.request({ type: 'load', source, file: 'queue.ts', overrides });
  return d;
}

function one<T extends FromWorker['type']>(msgs: FromWorker[], type: T): Of<T> {
  const m = msgs.filter((x): x is Of<T> => x.type === type);
  expect(m.length, `one ${type}`).toBeGreaterThan(0);
  return m[m.length - 1]!;
}

const TWO_SENDERS: DebugBreakpoint = {
  id: 1,
  condition: { kind: 'endpointQueue', endpoint: 'ep', side: 'send', atLeast: 2 },
  enabled: true,
};

/** Where ep first holds two (or more) queued senders, each time, in a direct run. */
function twoSenderHits(): number[] {
  const { log } = runFixture(QUEUE);
  const out: number[] = [];
  let was = false;
  log.forEach((e, i) => {
    if (e.type !== 'objectChanged' || e.object !== 'ep') return;
    const now = e.state === 'send' && e.queue.length >= 2;
    if (now && !was) out.push(i);
    was = now;
  });
  return out;
}

/** Every problem the worker reported with a debugState. */
function allProblems(d: SessionDriver) {
  return d.messages.flatMap((m) => (m.type === 'debugState' ? m.problems : []));
}

/** The line of `text` in the source (1-based). */
function lineOf(source: string, text: string): number {
  return source.split('\n').findIndex((l) => l.includes(text)) + 1;
}

describe('continue and reverse-continue', () => {
  it('continue stops just after each hit in turn; reverse-continue lands exactly on the previous hit', async () => {
    const hits = twoSenderHits();
    expect(hits.length).toBeGreaterThanOrEqual(3);
    const d = await loaded(QUEUE);
    await d.request({ type: 'setConditions', breakpoints: [TWO_SENDERS] });
    for (const h of hits) {
      const stop = new Promise<void>((r) => {
        const t = setInterval(() => {
          if (d.last('stopped')?.index === h + 1) {
            clearInterval(t);
            r();
          }
        }, 5);
      });
      await d.request({ type: 'continue', direction: 1 });
      await stop;
      expect(d.cursor).toBe(h + 1);
      expect(d.last('stopped')!.detail).toContain('endpoint ep holds ≥ 2 queued senders');
    }
    // Now at the last hit: back to the one before, then the one before that, then the start.
    for (let k = hits.length - 2; k >= 0; k--) {
      const msgs = await d.request({ type: 'continue', direction: -1 });
      expect(one(msgs, 'stopped').reason).toBe('breakpoint');
      expect(d.cursor).toBe(hits[k]! + 1);
      const ep = d.projection!.endpoints.ep!;
      expect([ep.state, ep.queue.length]).toEqual(['send', 2]);
      expect(one(msgs, 'debugState').counts[1]).toBe(k + 1);
    }
    const back = await d.request({ type: 'continue', direction: -1 });
    expect(one(back, 'stopped').reason).toBe('runStart');
    expect(d.cursor).toBe(0);
  });

  it('reverse-continue from the end of a run finds the last hit without running forward', async () => {
    const hits = twoSenderHits();
    const d = await loaded(QUEUE);
    await d.runToStop();
    await d.request({ type: 'setConditions', breakpoints: [TWO_SENDERS] });
    await d.request({ type: 'continue', direction: -1 });
    expect(d.cursor).toBe(hits[hits.length - 1]! + 1);
  });

  it('a disabled breakpoint does not stop the run; the old event breakpoints stop continue too', async () => {
    const d = await loaded(QUEUE);
    await d.request({ type: 'setConditions', breakpoints: [{ ...TWO_SENDERS, enabled: false }] });
    const stop = await d.runToStop();
    expect(stop.reason).toBe('idle');
    const e = await loaded(QUEUE);
    await e.request({
      type: 'setBreakpoints',
      breakpoints: [{ kind: 'eventType', type: 'threadStopped' }],
    });
    const first = await e.runToStop();
    expect(first.reason).toBe('breakpoint');
    const at = e.cursor;
    expect(e.mirror.get(at - 1).type).toBe('threadStopped');
    await e.runToStop();
    expect(e.cursor).toBeGreaterThan(at);
    await e.request({ type: 'continue', direction: -1 });
    expect(e.cursor).toBe(at);
  });

  it('a free-form condition compiles in the worker; its errors name the line and column', async () => {
    const d = await loaded(QUEUE);
    const msgs = await d.request({
      type: 'setConditions',
      breakpoints: [
        {
          id: 1,
          enabled: true,
          condition: { kind: 'expression', source: 'machine.endpoints.ep!.queue.length >= 3' },
        },
        {
          id: 2,
          enabled: true,
          condition: { kind: 'expression', source: 'machine.endpoints.ep.queue.length >=' },
        },
        {
          id: 3,
          enabled: true,
          condition: {
            kind: 'expression',
            source: 'const q = machine.endpoints.nope;\nreturn q.queue.length > 0;',
          },
        },
      ],
    });
    // #2 does not compile; #3 compiles and throws the first time it runs, at the start.
    const problems = one(msgs, 'debugState').problems;
    expect(problems.map((p) => p.id)).toEqual([2, 3]);
    expect(problems[0]!.message).toMatch(/^condition #2 \(line \d+, column \d+\): syntax error/);
    expect(problems[0]!.index).toBeNull();
    expect(problems[1]!.message).toMatch(/^condition #3 \(line 2, column \d+\): TypeError/);
    expect([problems[1]!.index, problems[1]!.line]).toEqual([0, 2]);
    await d.runToStop();
    expect(d.last('debugState')!.counts[1]).toBe(1);
  });

  it('a condition cannot change the machine it looks at', async () => {
    const d = await loaded(QUEUE);
    await d.request({
      type: 'setConditions',
      breakpoints: [
        {
          id: 1,
          enabled: true,
          condition: {
            kind: 'expression',
            source: '(machine.threads.client1!.state = "idle") === "idle"',
          },
        },
      ],
    });
    await d.runToStop();
    expect(allProblems(d)[0]!.message).toContain('the machine is read-only');
  });
});

describe('retroactive logpoints', () => {
  const line = lineOf(QUEUE, "const r = yield* sys.call('ep'");

  it("a logpoint's values equal what the script logs when edited to log it, and the run is unchanged", async () => {
    const plain = runFixture(QUEUE);
    const d = await loaded(QUEUE);
    await d.runToStop();
    const msgs = await d.request({
      type: 'setLogpoints',
      logpoints: [{ id: 7, line, expression: '`i=${i} on ${sys.name}`' }],
    });
    const lp = one(msgs, 'logpoints');
    expect(lp.problems).toEqual([]);
    expect(lp.traceHash).toBe(plain.sim.traceHash);
    // The same events as without the logpoint.
    expect(d.mirror.length).toBe(plain.log.length);
    for (let i = 0; i < plain.log.length; i++) expect(d.mirror.get(i)).toEqual(plain.log[i]);

    // The script edited by hand: sys.log at the start of the same line.
    const lines = QUEUE.split('\n');
    const text = lines[line - 1]!;
    const indent = text.length - text.trimStart().length;
    lines[line - 1] =
      `${text.slice(0, indent)}sys.log(\`i=\${i} on \${sys.name}\`); ${text.slice(indent)}`;
    const edited = runFixture(lines.join('\n'));
    const written = edited.log
      .map((e, index) => ({ e, index }))
      .filter((x) => x.e.type === 'consoleWritten');
    expect(lp.hits.map((h) => [h.thread, h.value])).toEqual(
      written.map((x) => (x.e.type === 'consoleWritten' ? [x.e.thread, x.e.text] : [])),
    );
    // Each value was taken where the edited script wrote it (less the console events before).
    expect(lp.hits.map((h) => h.index)).toEqual(written.map((x, k) => x.index - k));
    expect(lp.hits.length).toBe(9);
  });

  it('removing the logpoints re-simulates without them; a bad line or expression is refused', async () => {
    const d = await loaded(QUEUE);
    await d.runToStop();
    const bad = await d.request({
      type: 'setLogpoints',
      logpoints: [
        { id: 1, line: 1, expression: 'x' },
        { id: 2, line, expression: 'i +' },
        { id: 3, line: lineOf(QUEUE, 'machine: {'), expression: 'x' },
      ],
    });
    const probs = one(bad, 'logpoints').problems;
    expect(probs.map((p) => p.id).sort()).toEqual([2, 3]);
    expect(probs.find((p) => p.id === 3)!.message).toContain('does not start a statement');
    expect(probs.find((p) => p.id === 2)!.message).toContain(`does not compile at line ${line}`);
    const none = await d.request({ type: 'setLogpoints', logpoints: [] });
    expect(one(none, 'logpoints').hits).toEqual([]);
  });

  it('a load with logpoints records them from the start, as setLogpoints does after it', async () => {
    const lps = [{ id: 3, line, expression: 'i' }];
    const c = new InProcessSimClient();
    clients.push(c);
    const d = new SessionDriver(c);
    await d.request({ type: 'setSpeed', eventsPerSecond: null });
    const load = await d.request({
      type: 'load',
      source: QUEUE,
      file: 'queue.ts',
      overrides: {},
      logpoints: lps,
    });
    expect(one(load, 'logpoints')).toMatchObject({ reset: true, hits: [], problems: [] });
    await d.runToStop();
    const streamed = d.messages.flatMap((m) => (m.type === 'logpoints' ? m.hits : []));
    const after = await loaded(QUEUE);
    await after.runToStop();
    const set = one(await after.request({ type: 'setLogpoints', logpoints: lps }), 'logpoints');
    expect(streamed).toEqual(set.hits);
    expect(streamed.map((h) => h.value)).toEqual(set.hits.map((h) => h.value));
    expect(streamed).toHaveLength(9);
  });

  it('a re-simulation during a run stops the run, and the page hears it', async () => {
    const d = await loaded(QUEUE);
    await d.request({ type: 'setSpeed', eventsPerSecond: 10 });
    await d.request({ type: 'run' });
    const msgs = await d.request({
      type: 'setLogpoints',
      logpoints: [{ id: 1, line, expression: 'i' }],
    });
    expect(one(msgs, 'stopped').reason).toBe('paused');
    expect(one(msgs, 'loaded')).toBeDefined();
  });

  it('a logpoint whose expression throws shows the error as its value', async () => {
    const d = await loaded(QUEUE);
    await d.runToStop();
    const msgs = await d.request({
      type: 'setLogpoints',
      logpoints: [{ id: 1, line, expression: 'nope.x' }],
    });
    expect(one(msgs, 'logpoints').hits[0]!.value).toBe(
      'error: ReferenceError: nope is not defined',
    );
  });
});

describe('run diff', () => {
  /** Clients make `extra` more Signal calls after their third Call: the runs part there. */
  const PARTING = QUEUE.replace(
    "const r = yield* sys.call('ep', { label: 1, words: [i] });",
    "const r = yield* sys.call('ep', { label: 1, words: [i] });\n    if (i === 1 && sys.name === 'client2') for (let j = 0; j < k0; j++) yield* sys.yield();",
  )
    .replace('params: { busy: 20000, spread: 1 }', 'params: { busy: 20000, spread: 1, extra: 0 }')
    .replace('function* client(sys: Sys) {', 'let k0 = 0;\nfunction* client(sys: Sys) {')
    .replace('  setup(k) {', '  setup(k) {\n    k0 = k.params.extra ?? 0;');

  it('finds the first divergence at the event where one variant does something else', async () => {
    const a = runFixture(PARTING, { params: { extra: 0 } });
    const b = runFixture(PARTING, { params: { extra: 1 } });
    // Expected: client2's second Call returns and then A goes on while B yields.
    const known = b.log.findIndex((e) => e.type === 'syscallEntered' && e.syscall === 'Yield');
    expect(known).toBeGreaterThan(0);
    const d = await loaded(PARTING);
    const msgs = await d.request({
      type: 'diff',
      a: { label: 'A', source: PARTING, file: 'p.ts', overrides: { params: { extra: 0 } } },
      b: { label: 'B', source: PARTING, file: 'p.ts', overrides: { params: { extra: 1 } } },
    });
    const diff = one(msgs, 'diff').diff;
    expect(diff.structural!.index).toBe(known);
    for (let i = 0; i < known; i++) expect(a.log[i]).toEqual({ ...b.log[i] });
    expect(diff.structural!.b).toContain('"syscall":"Yield"');
    expect(diff.a.traceHash).toBe(a.sim.traceHash);
    expect(diff.b.traceHash).toBe(b.sim.traceHash);
    const syscalls = diff.rows.find((r) => r.metric === 'syscalls')!;
    expect(syscalls.b! - syscalls.a!).toBe(1);
  });

  it('the same configuration twice has no divergence; another platform differs in timing first', async () => {
    const d = await loaded(QUEUE);
    const v = { label: 'A', source: QUEUE, file: 'q.ts', overrides: {} };
    const same = one(await d.request({ type: 'diff', a: v, b: { ...v, label: 'B' } }), 'diff').diff;
    expect([same.structural, same.timing]).toEqual([null, null]);
    const other = one(
      await d.request({
        type: 'diff',
        a: v,
        b: { ...v, label: 'B', overrides: { platform: 'a9-sabre' } },
      }),
      'diff',
    ).diff;
    expect(other.timing).not.toBeNull();
    expect(other.timing!.index).toBeLessThanOrEqual(other.structural?.index ?? Infinity);
    expect(other.rows.find((r) => r.metric === 'cycles')!.a).toBe(runFixture(QUEUE).log.at(-1)!.t);
  });
});

describe('what-if forks', () => {
  const LIVE = QUEUE.replace(
    'yield* sys.compute(100 + r.words[0]);',
    'yield* sys.compute(k1.params.think + r.words[0]);',
  )
    .replace(
      'function* client(sys: Sys) {',
      'let k1: { params: Record<string, number> };\nfunction* client(sys: Sys) {',
    )
    .replace('  setup(k) {', '  setup(k) {\n    k1 = k;')
    .replace(
      'params: { busy: 20000, spread: 1 }',
      'params: { busy: 20000, spread: 1, think: 100 }',
    );

  it('a parameter changed at the cursor keeps the prefix and changes what follows; branches switch and diff', async () => {
    const d = await loaded(LIVE);
    await d.runToStop();
    const total = d.mirror.length;
    await d.request({ type: 'seek', index: 150 });
    const msgs = await d.request({
      type: 'fork',
      params: { think: 50_000 },
      label: 'slow clients',
    });
    const br = one(msgs, 'branches');
    expect(br.branches.map((b) => b.label)).toEqual(['main', 'slow clients']);
    expect(br.current).toBe(1);
    expect(d.cursor).toBe(150);
    const plain = runFixture(LIVE);
    for (let i = 0; i < 150; i++) expect(d.mirror.get(i)).toEqual(plain.log[i]);
    const diff = one(await d.request({ type: 'diffBranches', a: 0, b: 1 }), 'diff').diff;
    expect(diff.structural!.index).toBeGreaterThanOrEqual(150);
    expect(diff.b.cycles).toBeGreaterThan(diff.a.cycles);
    await d.request({ type: 'switchBranch', id: 0 });
    expect(d.mirror.length).toBe(total);
  });
});

describe('attribution', () => {
  it('the chain from a client imposes time, kernel cycles and migrations on the server', async () => {
    const d = await loaded(QUEUE);
    await d.runToStop();
    const a = one(
      await d.request({ type: 'attribution', thread: 'client1' }),
      'attribution',
    ).attribution;
    expect(a.hops.map((h) => [h.thread, h.depth, h.requests])).toEqual([
      ['client1', 0, 0],
      ['server', 1, 3],
    ]);
    const server = a.hops[1]!;
    expect(server.imposedCycles).toBeGreaterThan(0);
    expect(server.kernelCycles).toBeGreaterThan(0);
    expect(server.imposedCycles).toBeGreaterThanOrEqual(server.kernelCycles);
  });
});
