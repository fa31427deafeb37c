// Each condition kind, evaluated over real runs: the hits land on the events where the machine
// first satisfies the condition (a state condition hits where it turns true, not while it holds).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createProjection } from '../projection/initialProjection';
import { ProjectionWriter } from '../projection/projectionWriter';
import { runFixture } from '../worker/testing/fixtures';
import type { Condition } from './conditions';
import { describeCondition } from './conditions';
import type { Machine } from './evaluators';
import { at, BUDGET, FAULTY, QUEUE, scanFor } from '../worker/testing/debugFixtures';

const CAT = readFileSync(new URL('../scenarios/uxrt-cat.ts', import.meta.url), 'utf8');

/** Indices where `holds(state after event i)` turns true, computed by folding directly. */
function risingEdges(source: string, holds: (p: Machine) => boolean, o = {}): number[] {
  const run = runFixture(source, o);
  const w = new ProjectionWriter(createProjection(run.description));
  const out: number[] = [];
  let was = holds(w.current);
  run.log.forEach((e, i) => {
    w.apply(e);
    const now = holds(w.current);
    if (now && !was) out.push(i);
    was = now;
  });
  return out;
}

describe('semantic breakpoint conditions', () => {
  it('endpointQueue hits where an endpoint first holds two queued senders, each time it comes to', () => {
    const { run, hits } = scanFor(QUEUE, {
      kind: 'endpointQueue',
      endpoint: 'ep',
      side: 'send',
      atLeast: 2,
    });
    expect(hits.length).toBeGreaterThan(1);
    for (const i of hits) {
      const e = at(run, i);
      expect(e.type === 'objectChanged' && e.state === 'send' && e.queue.length).toBe(2);
    }
    expect(hits).toEqual(
      risingEdges(
        QUEUE,
        (p) => p.endpoints.ep!.state === 'send' && p.endpoints.ep!.queue.length >= 2,
      ),
    );
  });

  it('endpointQueue with a count never reached does not hit, and "any endpoint" matches by name', () => {
    expect(
      scanFor(QUEUE, { kind: 'endpointQueue', endpoint: 'ep', side: 'send', atLeast: 4 }).hits,
    ).toEqual([]);
    const any = scanFor(QUEUE, { kind: 'endpointQueue', endpoint: null, side: 'send', atLeast: 3 });
    expect(any.hits.length).toBe(1);
    const recv = scanFor(QUEUE, {
      kind: 'endpointQueue',
      endpoint: null,
      side: 'recv',
      atLeast: 1,
    });
    expect(
      recv.hits.every((i) => {
        const e = at(recv.run, i);
        return e.type === 'objectChanged' && e.state === 'recv';
      }),
    ).toBe(true);
    expect(recv.hits.length).toBeGreaterThan(0);
  });

  it('threadState hits on the event that puts the thread into the state', () => {
    const { run, hits } = scanFor(QUEUE, {
      kind: 'threadState',
      thread: 'client1',
      state: 'blockedOnReply',
    });
    expect(hits.length).toBe(3);
    for (const i of hits) {
      const e = at(run, i);
      expect(e.type === 'threadBlocked' && e.thread === 'client1' && e.state).toBe(
        'blockedOnReply',
      );
    }
    // Each client ends once: three threads go inactive, each hit names one of them.
    const inactive = scanFor(QUEUE, { kind: 'threadState', thread: null, state: 'inactive' });
    const who = inactive.hits.map((i) => {
      const e = at(inactive.run, i);
      return 'thread' in e ? e.thread : '';
    });
    expect(who.sort()).toEqual(['client1', 'client2', 'client3']);
  });

  it('lineOwner hits on every migration of the line; crossSocket only on moves between sockets', () => {
    const all = scanFor(QUEUE, { kind: 'lineOwner', line: null, crossSocket: false });
    const migrations = all.run.log.filter((e) => e.type === 'cacheLineMigrated').length;
    expect(all.hits.length).toBe(migrations);
    // On one socket nothing crosses; spread over two sockets of a xeon-2s, lines do.
    expect(scanFor(QUEUE, { kind: 'lineOwner', line: null, crossSocket: true }).hits).toEqual([]);
    const two = scanFor(
      QUEUE,
      { kind: 'lineOwner', line: null, crossSocket: true },
      { cores: 32, params: { spread: 8 } },
    );
    expect(two.hits.length).toBeGreaterThan(0);
    for (const i of two.hits) {
      const e = at(two.run, i);
      expect(e.type === 'cacheLineMigrated' && e.from < 16 !== e.to < 16).toBe(true);
    }
    const first = at(all.run, all.hits[0]!);
    const name = first.type === 'cacheLineMigrated' ? first.line : '';
    const one = scanFor(QUEUE, { kind: 'lineOwner', line: name, crossSocket: false });
    expect(
      one.hits.every((i) => {
        const e = at(one.run, i);
        return e.type === 'cacheLineMigrated' && e.line === name;
      }),
    ).toBe(true);
  });

  it('coreIdleWhileReady hits where a core idles with a woken thread waiting for it (the IPI is on its way)', () => {
    const { run, hits } = scanFor(QUEUE, { kind: 'coreIdleWhileReady', core: null });
    expect(hits.length).toBeGreaterThan(0);
    // Per core: where that core turns idle-with-work-waiting, computed by folding directly.
    const direct = new Set<number>();
    for (let core = 0; core < 4; core++) {
      for (const i of risingEdges(
        QUEUE,
        (p) =>
          p.cores[core]!.mode === 'idle' &&
          Object.values(p.threads).some(
            (t) => t.core === core && t.state === 'running' && t.runningOn === null,
          ),
      ))
        direct.add(i);
    }
    expect(hits).toEqual([...direct].sort((a, b) => a - b));
    // A wake-up on another core is what leaves a ready thread behind an idle core.
    expect(hits.some((i) => at(run, i).type === 'threadWoken')).toBe(true);
  });

  it('lockContended hits only on waits longer than the threshold', () => {
    const any = scanFor(QUEUE, { kind: 'lockContended', cycles: 0 });
    const waits = any.hits.map((i) => {
      const e = at(any.run, i);
      return e.type === 'lockContended' ? e.waitCycles : -1;
    });
    expect(waits.length).toBeGreaterThan(0);
    const mid = [...waits].sort((a, b) => a - b)[Math.floor(waits.length / 2)]!;
    const long = scanFor(QUEUE, { kind: 'lockContended', cycles: mid });
    expect(long.hits.length).toBe(waits.filter((w) => w > mid).length);
  });

  it('scExhausted hits on every budgetExhausted of the thread (MCS)', () => {
    const { run, hits } = scanFor(BUDGET, { kind: 'scExhausted', thread: 'worker' });
    expect(hits.length).toBe(run.log.filter((e) => e.type === 'budgetExhausted').length);
    expect(hits.length).toBeGreaterThan(0);
    expect(scanFor(BUDGET, { kind: 'scExhausted', thread: 'other' }).hits).toEqual([]);
  });

  it('fault hits on the cap fault of a Call on an empty slot', () => {
    const { run, hits } = scanFor(FAULTY, { kind: 'fault', thread: null });
    expect(hits.length).toBe(1);
    const e = at(run, hits[0]!);
    expect(e.type === 'faultRaised' && e.thread).toBe('client');
  });

  it('fileOpCost hits on file operations above the threshold: the open, not the reads', () => {
    const { run, hits } = scanFor(CAT, { kind: 'fileOpCost', entries: 2 });
    const ops = hits.map((i) => at(run, i));
    expect(ops.length).toBeGreaterThan(0);
    for (const e of ops) expect(e.type === 'fileOperation' && e.kernelEntries).toBeGreaterThan(2);
    expect(ops.some((e) => e.type === 'fileOperation' && e.op === 'open')).toBe(true);
    expect(ops.some((e) => e.type === 'fileOperation' && e.op === 'read')).toBe(false);
  });

  it('event conditions keep the old breakpoints: a slowpath exit', () => {
    const { run, hits } = scanFor(QUEUE, { kind: 'event', match: { kind: 'slowpath' } });
    expect(hits.length).toBeGreaterThan(0);
    for (const i of hits) expect(at(run, i).type).toBe('syscallExited');
  });

  it('an expression hits where it turns true, with the machine and the event in view', () => {
    const holds = (p: Machine) => (p.endpoints.ep?.queue.length ?? 0) >= 3;
    const { hits } = scanFor(QUEUE, { kind: 'expression', source: 'x' }, {}, (m) => holds(m));
    expect(hits).toEqual(risingEdges(QUEUE, holds));
    expect(hits.length).toBe(1);
  });

  it('a condition that throws is switched off and reported with the event index', () => {
    const { scanner, hits } = scanFor(QUEUE, { kind: 'expression', source: 'x' }, {}, (m, e) => {
      if (e !== null && e.seq === 10) throw new Error('boom');
      return m.index > 5;
    });
    expect(hits).toEqual([5]);
    expect(scanner.failures).toEqual([{ id: 1, index: 10, message: 'boom' }]);
  });

  it('every kind has a sentence', () => {
    const kinds: Condition[] = [
      { kind: 'endpointQueue', endpoint: 'ep', side: 'send', atLeast: 2 },
      { kind: 'coreIdleWhileReady', core: 1 },
      { kind: 'lineOwner', line: null, crossSocket: true },
    ];
    expect(kinds.map(describeCondition)).toEqual([
      'endpoint ep holds ≥ 2 queued senders',
      'core 1 idles while a thread is ready on it',
      'any cache line crosses a socket',
    ]);
  });
});
