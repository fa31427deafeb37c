import { describe, expect, it } from 'vitest';
import { createProjection } from './initialProjection';
import { deadlockDetail } from './deadlock';
import { ProjectionWriter } from './projectionWriter';
import { MIXED, runFixture } from '../worker/testing/fixtures';
import type { Projection } from './types';

function endOf(overrides: Parameters<typeof runFixture>[1] = {}): Projection {
  const { log, description } = runFixture(MIXED, overrides, 2000);
  const w = new ProjectionWriter(createProjection(description));
  for (const e of log) w.apply(e);
  return w.current;
}

describe('deadlockDetail', () => {
  it('names a thread left waiting to send or for a reply, and nothing when all rest in Recv', () => {
    const p = endOf();
    const names = Object.keys(p.threads);
    expect(names.length).toBeGreaterThan(1);
    for (const t of Object.values(p.threads)) {
      t.state = 'blockedOnReceive';
      t.stopped = null;
    }
    expect(deadlockDetail(p)).toBeNull();
    const client = p.threads[names[0]!]!;
    client.state = 'blockedOnSend';
    client.blockedOn = 'ep';
    expect(deadlockDetail(p)).toBe(
      `deadlocked: ${client.name} blocked on ep with nobody to answer.`,
    );
    const other = p.threads[names[1]!]!;
    other.state = 'blockedOnReply';
    expect(deadlockDetail(p)).toContain(`; also ${other.name}`);
    client.stopped = 'capFault';
    other.stopped = 'capFault';
    expect(deadlockDetail(p)).toBeNull();
  });
});
