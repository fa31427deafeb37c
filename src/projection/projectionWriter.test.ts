import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../sim/simEvents';
import { MIXED, PASSIVE, runFixture } from '../worker/testing/fixtures';
import { createProjection } from './initialProjection';
import { ProjectionWriter } from './projectionWriter';
import type { Projection } from './types';

function foldTo(base: Projection, log: SimEvent[], from: number, to: number): Projection {
  const w = new ProjectionWriter(base);
  w.applyAll(log.slice(from, to));
  return w.snapshot();
}

describe('ProjectionWriter', () => {
  it("the folded stats equal the engine's own counters at the end of a run", () => {
    for (const src of [MIXED, PASSIVE]) {
      const { sim, log, description } = runFixture(src);
      const p = foldTo(createProjection(description), log, 0, log.length);
      const s = sim.stats;
      expect(p.stats.syscalls).toBe(s.syscalls.total);
      expect(p.stats.fastpath).toBe(s.syscalls.fastpath);
      expect(p.stats.slowpath).toBe(s.syscalls.slowpath);
      expect(p.stats.byName).toEqual(s.syscalls.byName);
      expect(p.stats.slowpathReasons).toEqual(s.slowpathReasons);
      expect(p.stats.messages).toBe(s.messages);
      expect(p.stats.ipcEntries).toBe(s.ipcEntries);
      expect(p.stats.ipcKernelCycles).toBe(s.ipcKernelCycles);
      expect(p.stats.ipis).toBe(s.ipis);
      expect(p.stats.interrupts).toBe(s.interrupts);
      expect(p.stats.migrations).toBe(sim.lines.migrations);
      expect(p.stats.migrationCycles).toBe(sim.lines.cycles);
      const lock = sim.locks[0]!.stats;
      expect(p.locks[0]).toMatchObject({
        acquisitions: lock.acquisitions,
        contended: lock.contended,
        spinCycles: lock.spinCycles,
      });
      for (const rt of sim.threads) {
        if (rt === undefined) continue;
        const t = p.threads[rt.tcb.name]!;
        expect(t).toMatchObject({
          syscalls: rt.stats.syscalls,
          fastpath: rt.stats.fastpath,
          slowpath: rt.stats.slowpath,
          kernelCycles: rt.stats.kernelCycles,
          state: rt.tcb.state,
          core: rt.tcb.affinity,
        });
      }
      for (const [name, l] of sim.lines.lines) {
        if (l.migrations > 0)
          expect(p.lines[name]).toMatchObject({ migrations: l.migrations, cycles: l.cycles });
      }
    }
  });

  it('after every objectChanged the endpoint shows exactly its state and queue', () => {
    const { log, description } = runFixture(MIXED);
    const w = new ProjectionWriter(createProjection(description));
    let checked = 0;
    for (const e of log) {
      w.apply(e);
      if (e.type !== 'objectChanged' || e.kind !== 'endpoint') continue;
      const ep = w.current.endpoints[e.object]!;
      expect(ep.state).toBe(e.state);
      expect(ep.queue).toEqual(e.queue);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('a core runs the thread the last threadSwitched on it named, in the mode the last coreModeChanged said', () => {
    const { log, description } = runFixture(MIXED);
    const w = new ProjectionWriter(createProjection(description));
    const inKernel = new Set<number>();
    let modes = 0;
    for (const e of log) {
      w.apply(e);
      const c = w.current.cores[e.core]!;
      if (e.type === 'threadSwitched') expect(c.thread).toBe(e.to);
      if (e.type === 'syscallEntered' || e.type === 'interruptTaken') inKernel.add(e.core);
      if (e.type === 'syscallExited') inKernel.delete(e.core);
      if (e.type === 'coreModeChanged') {
        modes++;
        expect(c.mode).toBe(e.mode === 'interrupt' ? 'kernel' : e.mode);
        if (inKernel.has(e.core)) expect(['kernel', 'spinning', 'interrupt']).toContain(e.mode);
        else expect(e.mode).toBe(c.thread === c.idleThread ? 'idle' : 'user');
      }
      if (e.type === 'lockContended') expect(c.mode).toBe('kernel');
    }
    expect(modes).toBeGreaterThan(10);
  });

  it('a core that enters while another holds the big lock spins, queued in FIFO order', () => {
    const { log, description } = runFixture(MIXED);
    const w = new ProjectionWriter(createProjection(description));
    let spins = 0;
    for (const e of log) {
      w.apply(e);
      const lock = w.current.locks[0]!;
      if (e.type === 'coreModeChanged' && e.mode === 'spinning') {
        expect(w.current.cores[e.core]!.mode).toBe('spinning');
        spins++;
        expect(lock.holder !== null || lock.queue.length > 1).toBe(true);
        expect(lock.queue[lock.queue.length - 1]).toBe(e.core);
      }
      if (e.type === 'lockAcquired') expect(lock.holder).toBe(e.core);
    }
    expect(spins).toBeGreaterThan(0);
  });

  it('a published snapshot never changes when the writer folds on', () => {
    const { log, description } = runFixture(PASSIVE);
    const w = new ProjectionWriter(createProjection(description));
    w.applyAll(log.slice(0, 100));
    const early = w.snapshot();
    const frozen = JSON.stringify(early);
    w.applyAll(log.slice(100));
    w.snapshot();
    expect(JSON.stringify(early)).toBe(frozen);
    expect(early.index).toBe(100);
  });

  it('consecutive snapshots share every thread and endpoint the events between did not touch', () => {
    const { log, description } = runFixture(PASSIVE);
    const w = new ProjectionWriter(createProjection(description));
    w.applyAll(log.slice(0, 100));
    const a = w.snapshot();
    const between = log.slice(100, 104);
    w.applyAll(between);
    const b = w.snapshot();
    const named = new Set(between.flatMap((e) => Object.values(e).map(String)));
    for (const [name, t] of Object.entries(b.threads)) {
      if (!named.has(name)) expect(t).toBe(a.threads[name]);
    }
    for (const [name, ep] of Object.entries(b.endpoints)) {
      if (!named.has(name)) expect(ep).toBe(a.endpoints[name]);
    }
    // Written once in place after the first copy: a later snapshot sees every change.
    w.applyAll(log.slice(104));
    expect(w.snapshot().index).toBe(log.length);
  });

  it('folding forward to j and re-folding to i from the start gives the state first seen at i', () => {
    const { log, description } = runFixture(PASSIVE);
    const base = createProjection(description);
    const w = new ProjectionWriter(base);
    const seen: string[] = [];
    for (let i = 0; i < log.length; i++) {
      w.apply(log[i]!);
      if (i % 37 === 0) seen.push(JSON.stringify(w.snapshot()));
    }
    for (let k = seen.length - 1; k >= 0; k--) {
      expect(JSON.stringify(foldTo(base, log, 0, k * 37 + 1))).toBe(seen[k]);
    }
  });

  it('tracks a scheduling context lent to a passive server and given back (§1.9)', () => {
    const { log, description } = runFixture(PASSIVE);
    const w = new ProjectionWriter(createProjection(description));
    let lent = 0;
    for (const e of log) {
      w.apply(e);
      if (e.type === 'schedContextDonated') {
        const sc = w.current.schedContexts[e.sc]!;
        expect(sc.holder).toBe(e.to);
        expect(sc.home).not.toBe(e.to);
        expect(w.current.threads[e.to]!.sc).toBe(e.sc);
        lent++;
      }
      if (e.type === 'schedContextReturned') {
        expect(w.current.schedContexts[e.sc]!.holder).toBe(w.current.schedContexts[e.sc]!.home);
      }
    }
    expect(lent).toBeGreaterThan(0);
  });

  it('keeps each process namespace, the ports and the file operations as UX/RT reports them', () => {
    const src = fs.readFileSync(path.join(__dirname, '../scenarios/uxrt-union.ts'), 'utf8');
    const { log, description } = runFixture(src, {}, 20_000);
    const p = foldTo(createProjection(description), log, 0, log.length);
    const last = new Map<string, unknown>();
    for (const e of log) if (e.type === 'namespaceChanged') last.set(e.process, e.bindings);
    expect(Object.keys(p.namespaces).sort()).toEqual([...last.keys()].sort());
    for (const [proc, b] of last) expect(p.namespaces[proc]).toEqual(b);
    const ops = log.filter((e) => e.type === 'fileOperation');
    expect(ops.length).toBeGreaterThan(0);
    expect(p.stats.fileOps).toBe(ops.length);
    expect(p.stats.fileOpKernelEntries).toBe(ops.reduce((n, e) => n + e.kernelEntries, 0));
    expect(p.fileOps.map((o) => o.hops)).toEqual(ops.slice(-200).map((e) => e.hops));
    for (const e of log) if (e.type === 'portRegistered') expect(p.ports[e.port]).toBe(e.server);
  });
});
