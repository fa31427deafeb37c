import { describe, expect, it } from 'vitest';
import { MIXED, PASSIVE, runFixture } from '../worker/testing/fixtures';
import { createProjection } from './initialProjection';
import { ProjectionWriter } from './projectionWriter';
import { MODES, OFF, spanAt, TimelineModel } from './timeline';
import { deltaBuffers } from './timelineDelta';
import type { MachineDescription } from './types';
import type { SimEvent } from '../sim/simEvents';

function build(description: MachineDescription, log: SimEvent[]): TimelineModel {
  const tl = new TimelineModel(description);
  const w = new ProjectionWriter(createProjection(description));
  for (const e of log) {
    w.apply(e);
    tl.add(e, w.current.cores[e.core]);
  }
  return tl;
}

describe('TimelineModel', () => {
  it('lists a message cut at seL4_MsgMaxLength among the console lines, and no other message', () => {
    const { log, description } = runFixture(MIXED);
    const first = log.findIndex((e) => e.type === 'messageTransferred');
    expect(first).toBeGreaterThanOrEqual(0);
    const cut = log.map((e, i) =>
      i === first && e.type === 'messageTransferred' ? { ...e, length: 120, requested: 130 } : e,
    );
    const tl = build(description, cut);
    const messages = Array.from(tl.console.index).filter(
      (i) => cut[i]!.type === 'messageTransferred',
    );
    expect(messages).toEqual([log[first]!.seq]);
  });

  it("a core's span at any event time shows the mode and thread the projection has there", () => {
    for (const src of [MIXED, PASSIVE]) {
      const { log, description } = runFixture(src);
      const tl = new TimelineModel(description);
      const w = new ProjectionWriter(createProjection(description));
      for (let i = 0; i < log.length; i++) {
        const e = log[i]!;
        w.apply(e);
        tl.add(e, w.current.cores[e.core]);
        // Only the last event at an instant defines the span (several can share a time).
        if (log[i + 1]?.t === e.t) continue;
        for (const c of w.current.cores) {
          const s = tl.cores[c.id]!;
          const k = spanAt(s, e.t);
          expect(MODES[s.mode[k]!]).toBe(c.mode);
          expect(s.other[k]).toBe(tl.thread(c.thread));
        }
      }
    }
  });

  it('a thread runs on at most one core at a time, and is off between runs', () => {
    const { log, description } = runFixture(PASSIVE);
    const tl = build(description, log);
    const server = tl.threads[tl.thread('server')]!;
    expect(server.mode).toContain(OFF);
    const cores = new Set(server.other.filter((_, k) => server.mode[k] !== OFF));
    expect(cores.size).toBe(2); // the passive server follows its clients to both cores (§1.9)
  });

  it('records every message and slowpath exit as a point in time', () => {
    const { log, description } = runFixture(MIXED);
    const tl = build(description, log);
    expect(tl.messages.t.length).toBe(log.filter((e) => e.type === 'messageTransferred').length);
    const slow = log.filter(
      (e) => e.type === 'syscallExited' && e.path === 'slow' && !e.syscall.startsWith('interrupt'),
    );
    expect(Array.from(tl.slowpaths.index)).toEqual(slow.map((e) => e.seq));
    expect(tl.count).toBe(log.length);
  });

  it('a page mirror fed the deltas holds the same timeline as the worker', () => {
    const { log, description } = runFixture(MIXED);
    const worker = new TimelineModel(description);
    const page = new TimelineModel(description);
    const w = new ProjectionWriter(createProjection(description));
    log.forEach((e, i) => {
      w.apply(e);
      worker.add(e, w.current.cores[e.core]);
      if (i % 7 === 0) page.applyDelta(structuredClone(worker.takeDelta()));
    });
    page.applyDelta(worker.takeDelta());
    expect({ ...page, sent: null }).toEqual({ ...worker, sent: null });
  });

  it('a worker model that forgets what it sent feeds the page the same timeline as one that keeps it', () => {
    const { log, description } = runFixture(MIXED);
    const keeping = new TimelineModel(description);
    const forgetting = new TimelineModel(description, { forgetSent: true });
    const pageA = new TimelineModel(description);
    const pageB = new TimelineModel(description);
    const w = new ProjectionWriter(createProjection(description));
    let longest = 0;
    log.forEach((e, i) => {
      w.apply(e);
      keeping.add(e, w.current.cores[e.core]);
      forgetting.add(e, w.current.cores[e.core]);
      if (i % 5 === 0) {
        pageA.applyDelta(structuredClone(keeping.takeDelta()));
        pageB.applyDelta(structuredClone(forgetting.takeDelta()));
      }
      longest = Math.max(
        longest,
        forgetting.messages.t.length,
        ...forgetting.cores.map((c) => c.start.length),
      );
    });
    pageA.applyDelta(keeping.takeDelta());
    pageB.applyDelta(forgetting.takeDelta());
    expect(pageB.cores).toEqual(pageA.cores);
    expect(pageB.threads).toEqual(pageA.threads);
    expect(pageB.messages).toEqual(pageA.messages);
    expect(pageB.migrations).toEqual(pageA.migrations);
    expect(pageB.slowpaths).toEqual(pageA.slowpaths);
    expect(pageB.console).toEqual(pageA.console);
    expect(pageA.messages.t.length).toBeGreaterThan(20);
    // What the forgetting model holds stays as short as what one delta carries.
    expect(longest).toBeLessThan(pageA.messages.t.length);
  });

  it('a delta carries all its columns in one buffer, filled to its end', () => {
    const { log, description } = runFixture(MIXED);
    const worker = new TimelineModel(description, { forgetSent: true });
    const w = new ProjectionWriter(createProjection(description));
    for (const e of log.slice(0, 300)) {
      w.apply(e);
      worker.add(e, w.current.cores[e.core]);
    }
    const d = worker.takeDelta();
    const buffers = deltaBuffers(d);
    expect(buffers).toHaveLength(1);
    const columns = [
      ...[...d.cores, ...d.threads].flatMap((t) => [t.start, t.mode, t.other, t.index]),
      ...d.points.flatMap((p) => Object.values(p.columns)),
    ];
    const used = columns.reduce((n, c) => n + c.length, 0);
    expect(used * 8).toBe(buffers[0]!.byteLength);
  });
});
