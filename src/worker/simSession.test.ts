import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createProjection } from '../projection/initialProjection';
import { ProjectionWriter } from '../projection/projectionWriter';
import { PROTOCOL_VERSION } from '../protocol/messages';
import { InProcessSimClient } from './inProcessSimClient';
import { SimSession } from './simSession';
import { MIXED, PASSIVE, runFixture } from './testing/fixtures';
import { SessionDriver } from './testing/sessionDriver';
import { CHECKPOINT_EVERY } from './sessionLimits';

const clients: InProcessSimClient[] = [];

function driver(): SessionDriver {
  const c = new InProcessSimClient();
  clients.push(c);
  return new SessionDriver(c);
}

afterEach(() => {
  for (const c of clients.splice(0)) c.dispose();
});

async function loaded(source: string, file = 'fixture.ts', overrides = {}): Promise<SessionDriver> {
  const d = driver();
  await d.request({ type: 'setSpeed', eventsPerSecond: null });
  await d.request({ type: 'load', source, file, overrides });
  return d;
}

describe('SimSession', () => {
  it('load describes the machine and sends the projection before the first event', async () => {
    const d = await loaded(MIXED);
    const l = d.last('loaded')!;
    expect(l.scenario.name).toBe('mixed paths');
    expect(l.description.cores.map((c) => c.image)).toEqual([0, 0]);
    expect(d.projection).toEqual(createProjection(l.description));
    expect(d.cursor).toBe(0);
  });

  it('runs to the end; the mirrored log equals the engine log and the last snapshot its fold', async () => {
    const d = await loaded(MIXED);
    const stop = await d.runToStop();
    const { log, description } = runFixture(MIXED);
    expect(stop.reason).toBe('idle');
    expect(stop.total).toBe(log.length);
    expect(d.cursor).toBe(log.length);
    for (let i = 0; i < log.length; i++) expect(d.mirror.get(i)).toEqual(log[i]);
    const w = new ProjectionWriter(createProjection(description));
    w.applyAll(log);
    expect(d.projection).toEqual(w.snapshot());
  });

  it('while running, the projection built from deltas is the fold of the log up to the cursor', async () => {
    const d = await loaded(PASSIVE);
    const desc = d.last('loaded')!.description;
    let checked = 0;
    d.onDelta = (dr) => {
      const w = new ProjectionWriter(createProjection(desc));
      w.applyAll(dr.mirror.range(0, dr.cursor));
      expect(dr.projection).toEqual(w.snapshot());
      checked++;
    };
    // At most 100 events a slice (speed / 10): the run takes several slices, each with a delta.
    await d.request({ type: 'setSpeed', eventsPerSecond: 1000 });
    await d.runToStop();
    expect(checked).toBeGreaterThan(1);
  });

  it('stepping forward then back event by event shows the same projections', async () => {
    const d = await loaded(PASSIVE);
    const forward: string[] = [JSON.stringify(d.projection)];
    for (let i = 0; i < 60; i++) {
      await d.request({ type: 'step', unit: 'event', direction: 1 });
      expect(d.cursor).toBe(i + 1);
      forward.push(JSON.stringify(d.projection));
    }
    for (let i = 59; i >= 0; i--) {
      await d.request({ type: 'step', unit: 'event', direction: -1 });
      expect(d.cursor).toBe(i);
      expect(JSON.stringify(d.projection)).toBe(forward[i]);
    }
  });

  it('a step by kernel entry ends just after a syscallExited, by message just after a transfer', async () => {
    const d = await loaded(MIXED);
    for (let i = 0; i < 5; i++) {
      await d.request({ type: 'step', unit: 'entry', direction: 1 });
      expect(d.mirror.get(d.cursor - 1).type).toBe('syscallExited');
    }
    const at = d.cursor;
    await d.request({ type: 'step', unit: 'entry', direction: -1 });
    expect(d.mirror.get(d.cursor - 1).type).toBe('syscallExited');
    for (let i = d.cursor; i < at - 1; i++) expect(d.mirror.get(i).type).not.toBe('syscallExited');
    await d.request({ type: 'step', unit: 'message', direction: 1 });
    expect(d.mirror.get(d.cursor - 1).type).toBe('messageTransferred');
  });

  it('stops a run right after the event a breakpoint names', async () => {
    const d = await loaded(MIXED);
    await d.request({ type: 'setBreakpoints', breakpoints: [{ kind: 'slowpath' }] });
    let stop = await d.runToStop();
    expect(stop.reason).toBe('breakpoint');
    const e = d.mirror.get(d.cursor - 1);
    expect(e).toMatchObject({ type: 'syscallExited', path: 'slow' });
    await d.request({ type: 'setBreakpoints', breakpoints: [{ kind: 'thread', thread: 'far' }] });
    stop = await d.runToStop();
    expect(stop.reason).toBe('breakpoint');
    expect(JSON.stringify(d.mirror.get(d.cursor - 1))).toContain('"far"');
    await d.request({
      type: 'setBreakpoints',
      breakpoints: [{ kind: 'eventType', type: 'consoleWritten' }],
    });
    await d.runToStop();
    expect(d.mirror.get(d.cursor - 1).type).toBe('consoleWritten');
  });

  it('a seek across checkpoints gives the fold of the log up to that index', async () => {
    const source = fs.readFileSync(
      path.join(__dirname, '../scenarios/exp-smp-pingpong.ts'),
      'utf8',
    );
    const d = await loaded(source, 'exp-smp-pingpong.ts');
    const target = 2 * CHECKPOINT_EVERY + 123;
    await d.request({ type: 'seek', index: target });
    expect(d.cursor).toBe(target);
    const desc = d.last('loaded')!.description;
    const w = new ProjectionWriter(createProjection(desc));
    w.applyAll(d.mirror.range(0, target));
    expect(d.projection).toEqual(w.snapshot());
    await d.request({ type: 'seek', index: CHECKPOINT_EVERY - 1 });
    const w2 = new ProjectionWriter(createProjection(desc));
    w2.applyAll(d.mirror.range(0, CHECKPOINT_EVERY - 1));
    expect(d.projection).toEqual(w2.snapshot());
  });

  it('reports a syntax error with its line and a setup error with the line that caused it', async () => {
    const d = await loaded(
      "import { scenario } from 'ipcscope';\nexport default scenario({ name: 'x', setup(k) { k.endpoint( } });\n",
    );
    expect(d.errors()[0]).toMatchObject({ kind: 'load', file: 'fixture.ts', line: 2 });
    const d2 = await loaded(
      "import { scenario } from 'ipcscope';\nexport default scenario({ name: 'x', setup(k) {\n  k.process('p', function* () {}, { core: 9 });\n} });\n",
    );
    expect(d2.errors()[0]).toMatchObject({ kind: 'setup', line: 3 });
    expect(d2.errors()[0]!.message).toMatch(/core 9 does not exist/);
  });

  it('reports an exception in a program as a runtime error naming the thread and line', async () => {
    const d = await loaded(
      "import { scenario } from 'ipcscope';\nexport default scenario({ name: 'x', setup(k) {\n  k.process('p', function* (sys) {\n    yield* sys.yield();\n    throw new Error('boom');\n  });\n} });\n",
    );
    await d.runToStop();
    expect(d.errors()[0]).toMatchObject({ kind: 'runtime', thread: 'p', line: 5 });
  });

  it('refuses messages of another protocol version', () => {
    const seen: string[] = [];
    const session = new SimSession({
      post: (m) => seen.push(m.type),
      now: () => 0,
      defer: () => {},
    });
    session.handle({ v: PROTOCOL_VERSION + 1, seq: 1, type: 'run' });
    expect(seen).toEqual(['error', 'done']);
  });

  it(
    'every built-in scenario loads and its first events cross the boundary intact',
    { timeout: 60_000 },
    async () => {
      const dir = path.join(__dirname, '../scenarios');
      const files = fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.ts') && !f.includes('.test.') && f !== 'catalog.ts');
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        const d = await loaded(fs.readFileSync(path.join(dir, f), 'utf8'), f);
        expect(d.errors(), f).toEqual([]);
        await d.request({ type: 'seek', index: 5000 });
        const { log } = runFixture(fs.readFileSync(path.join(dir, f), 'utf8'), {}, 6000);
        const n = Math.min(d.mirror.length, log.length, 5000);
        for (let i = 0; i < n; i++) expect(d.mirror.get(i), `${f} event ${i}`).toEqual(log[i]);
      }
    },
  );
});
