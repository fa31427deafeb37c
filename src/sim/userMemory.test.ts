// User memory traffic through sys.touch (DESIGN.md "Machine"; sel4-reference.md §3.3): the
// lines of a shared region a program writes move to its core, and a reader on another core
// fetches them from there at the topology's transfer cost.
import { describe, expect, it } from 'vitest';
import type * as Api from './script/ipcscope';
import { transferCost } from './machine/platform';
import { findPlatform } from './machine/platforms';
import { eventsOf, runScenario } from './testing/runScenario';

type Range = { offset?: number; bytes?: number };

/** A writer on core 0 touches `write`, then a reader on core 1 touches `read` of one region. */
function writeThenRead(write: Range, read: Range): Api.ScenarioSpec {
  return {
    name: 'write then read',
    setup(k) {
      const buf = k.sharedRegion('buf', 4096);
      k.process(
        'writer',
        function* (sys: Api.Sys) {
          yield* sys.touch(buf.name, { ...write, write: true });
        },
        { core: 0, priority: 200 },
      );
      k.process(
        'reader',
        function* (sys: Api.Sys) {
          yield* sys.compute(100_000);
          yield* sys.touch(buf.name, { ...read, write: false });
        },
        { core: 1, priority: 200 },
      );
    },
  };
}

const xeon = findPlatform('xeon-2s')!;

describe('sys.touch: user-level cache-line traffic (§3.3)', () => {
  it('a read on another core fetches every line the range covers from the core that wrote it', () => {
    const spec = writeThenRead({ bytes: 256 }, { offset: 64, bytes: 100 });
    const { log } = runScenario(spec, { platform: 'xeon-2s', cores: 2 });
    const moved = eventsOf(log, 'cacheLineMigrated').filter((e) => e.line.startsWith('user.'));
    // Bytes 64..163 are lines 1 and 2 of the four the writer owns (64-byte lines).
    expect(moved.map((e) => [e.line, e.from, e.to])).toEqual([
      ['user.buf.1', 0, 1],
      ['user.buf.2', 0, 1],
    ]);
    expect(moved.every((e) => e.cycles === transferCost(xeon, 0, 1))).toBe(true);
  });

  it('a range whose offset is not a whole number of bytes stops the thread with a message naming the call', () => {
    const spec = writeThenRead({ bytes: 64 }, { offset: 1.5, bytes: 64 });
    const { sim, log } = runScenario(spec, { platform: 'xeon-2s', cores: 2 });
    expect(sim.scriptErrors.map((e) => [e.thread, e.message])).toEqual([
      ['reader', "'reader': sys.touch('buf'): offset 1.5 is not a whole number of bytes >= 0"],
    ]);
    expect(eventsOf(log, 'threadStopped', { thread: 'reader' })).toHaveLength(1);
  });
});
