import { describe, expect, it } from 'vitest';
import { MIXED, runFixture } from '../worker/testing/fixtures';
import { entryContext } from './entryContext';
import { EventLog } from './eventLog';

describe('entryContext', () => {
  it('finds the kernel entry around an event, with its path, reason and migrated lines', () => {
    const { log } = runFixture(MIXED);
    const enc = new EventLog();
    for (const e of log) enc.add(e);
    let slow = 0;
    for (const exit of log.filter((e) => e.type === 'syscallExited')) {
      const ctx = entryContext(enc, exit.seq)!;
      expect(ctx.exit).toBe(exit.seq);
      expect(ctx.path).toBe(exit.path);
      expect(ctx.reason).toBe(exit.reason ?? null);
      const enter = log[ctx.enter]!;
      expect(['syscallEntered', 'interruptTaken']).toContain(enter.type);
      expect(enter.core).toBe(exit.core);
      const moved = log
        .slice(ctx.enter, exit.seq)
        .filter((e) => e.type === 'cacheLineMigrated' && e.core === exit.core);
      expect(ctx.migrations.map((m) => m.index)).toEqual(moved.map((e) => e.seq));
      if (exit.path === 'slow') slow++;
    }
    expect(slow).toBeGreaterThan(0);
  });

  it('knows no entry for an event between two entries on its core', () => {
    const { log } = runFixture(MIXED);
    const enc = new EventLog();
    for (const e of log) enc.add(e);
    const exit = log.find((e) => e.type === 'syscallExited')!;
    const after = log.find(
      (e) => e.seq > exit.seq && e.core === exit.core && e.type === 'lockReleased',
    )!;
    expect(entryContext(enc, after.seq)).toBeNull();
  });

  it('reports an entry whose exit lies beyond the log it may see as still open', () => {
    const { log } = runFixture(MIXED);
    const enc = new EventLog();
    for (const e of log) enc.add(e);
    const exit = log.find((e) => e.type === 'syscallExited')!;
    const ctx = entryContext(enc, exit.seq - 1, exit.seq)!;
    expect(ctx.exit).toBeNull();
    expect(ctx.path).toBeNull();
  });
});
