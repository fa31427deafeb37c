import { describe, expect, it } from 'vitest';
import { PASSIVE, runFixture } from '../worker/testing/fixtures';
import { createProjection } from './initialProjection';
import { applyDelta, diffProjection, isEmptyDelta } from './projectionDelta';
import { ProjectionWriter } from './projectionWriter';
import type { Projection } from './types';

describe('projection deltas', () => {
  it('applying the diff of two snapshots to the first gives the second', () => {
    const { log, description } = runFixture(PASSIVE);
    const w = new ProjectionWriter(createProjection(description));
    const snaps: Projection[] = [w.snapshot()];
    log.forEach((e, i) => {
      w.apply(e);
      if (i % 11 === 0) snaps.push(w.snapshot());
    });
    for (let i = 1; i < snaps.length; i++) {
      const d = structuredClone(diffProjection(snaps[i - 1]!, snaps[i]!));
      expect(applyDelta(snaps[i - 1]!, d)).toEqual(snaps[i]);
    }
    // Chained over the whole run, as the page applies them.
    let page = snaps[0]!;
    for (let i = 1; i < snaps.length; i++)
      page = applyDelta(page, diffProjection(snaps[i - 1]!, snaps[i]!));
    expect(page).toEqual(snaps[snaps.length - 1]);
  });

  it('carries only what changed, and leaves the rest the same objects', () => {
    const { log, description } = runFixture(PASSIVE);
    const w = new ProjectionWriter(createProjection(description));
    w.applyAll(log.slice(0, 200));
    const a = w.snapshot();
    const e = log.slice(200).find((x) => x.type === 'objectChanged')!;
    w.applyAll(log.slice(200, e.seq + 1));
    const b = w.snapshot();
    const d = diffProjection(a, b);
    const next = applyDelta(a, d);
    expect(Object.keys(d.records.threads ?? {}).length).toBeLessThan(Object.keys(b.threads).length);
    for (const [name, t] of Object.entries(next.threads)) {
      if (!(name in (d.records.threads ?? {}))) expect(t).toBe(a.threads[name]);
    }
    expect(isEmptyDelta(diffProjection(b, b))).toBe(true);
  });
});
