// Kernel time is charged (sel4-reference.md §1.8, §1.9). Classic: src/kernel/thread.c timerTick
// takes the running thread's time slice whatever it does. MCS: include/kernel/thread.h
// updateTimestamp / checkBudget / commitTime and src/kernel/thread.c chargeBudget charge all
// time since the last kernel entry, user and kernel, to the current SC, checked on every entry.
import { describe, expect, it } from 'vitest';
import type { Setup, Sys } from '../script/ipcscope';
import { consoleOf, eventsOf, runScenario } from '../testing/runScenario';

// clockMHz 100: 1 us = 100 cycles; the classic slice is 10 ms = 1,000,000 cycles.
const PROFILE = { clockMHz: 100 };
const SLICE = 1_000_000;

describe('time accounting (thread.c timerTick, chargeBudget)', () => {
  it('classic: a thread that only makes system calls is preempted for an equal-priority thread after its time slice (thread.c timerTick, §1.8)', () => {
    let bRan = -1;
    function* spinner(sys: Sys) {
      while (sys.now() < 3 * SLICE) yield* sys.nbSend('ep', { words: [1] });
    }
    function* other(sys: Sys) {
      yield* sys.compute(0); // no user time: only what follows counts
      bRan = sys.now();
    }
    const { log } = runScenario({
      name: 'syscalls only',
      machine: { cores: 1, profile: PROFILE },
      setup(k: Setup) {
        const ep = k.endpoint('ep');
        k.process('a', spinner, { priority: 100, caps: { ep: ep.cap() } });
        k.process('b', other, { priority: 100 });
      },
    });
    // a runs first; without kernel time charged, b would wait until a is done (3 slices).
    expect(bRan).toBeGreaterThanOrEqual(SLICE);
    expect(bRan).toBeLessThan(SLICE + 10_000);
    expect(eventsOf(log, 'interruptTaken', { kind: 'timer' }).length).toBeGreaterThanOrEqual(1);
  });

  it('MCS: the same thread on a round-robin SC is preempted after its budget, kernel time included (chargeBudget, §1.9)', () => {
    let bRan = -1;
    function* spinner(sys: Sys) {
      while (sys.now() < 3_000_000) yield* sys.nbSend('ep', { words: [1] });
    }
    const { log } = runScenario({
      name: 'syscalls only, MCS',
      machine: { cores: 1, mcs: true, profile: PROFILE },
      setup(k: Setup) {
        const ep = k.endpoint('ep');
        k.process('a', spinner, {
          priority: 100,
          caps: { ep: ep.cap() },
          budget: 1000,
          period: 1000,
        });
        k.process(
          'b',
          function* (sys: Sys) {
            yield* sys.compute(0); // no user time: only what follows counts
            bRan = sys.now();
          },
          { priority: 100, budget: 1000, period: 1000 },
        );
      },
    });
    // a's 1000 us budget, less MIN_BUDGET (20 us): an entry that would leave less than that in
    // the head refill ends the timeslice (checkBudget, refill_sufficient).
    expect(bRan).toBeGreaterThanOrEqual(100_000 - 2_000);
    expect(bRan).toBeLessThan(110_000);
    expect(eventsOf(log, 'budgetExhausted')).toHaveLength(0); // round robin: never throttled
  });

  it('MCS: a client that only Calls a passive server is throttled by its budget (updateTimestamp, checkBudget, §1.9)', () => {
    function* server(sys: Sys) {
      yield* sys.recv('ep');
      for (;;) yield* sys.replyRecv('ep', {});
    }
    let calls = 0;
    function* client(sys: Sys) {
      while (sys.now() < 5_000_000) {
        yield* sys.call('ep', {});
        calls++;
      }
    }
    const { log } = runScenario({
      name: 'passive calls',
      machine: { cores: 1, mcs: true, profile: PROFILE },
      setup(k: Setup) {
        const ep = k.endpoint('ep');
        k.process('server', server, { priority: 200, passive: true, caps: { ep: ep.cap() } });
        // 100 us of every 1000 us.
        k.process('client', client, {
          priority: 100,
          caps: { ep: ep.cap() },
          budget: 100,
          period: 1000,
        });
      },
    });
    const exhausted = eventsOf(log, 'budgetExhausted', { sc: 'client.sc' });
    expect(exhausted.length).toBeGreaterThanOrEqual(40);
    // Each exhaustion waits for the refill a period after the budget was first used.
    for (const e of exhausted) expect(e.until).toBeGreaterThan(e.t);
    // Calls only happen inside the budget: about 10% of the time.
    const busy = eventsOf(log, 'syscallExited', { syscall: 'Call' }).reduce(
      (s, e) => s + e.cycles,
      0,
    );
    expect(busy).toBeLessThan(0.11 * 5_000_000);
    expect(calls).toBeGreaterThan(0);
  });

  it('classic: a blocked thread keeps what is left of its slice; the tick is taken when the kernel is left (timerTick)', () => {
    const { sim } = runScenario({
      name: 'compute then yield',
      machine: { cores: 1, profile: PROFILE },
      setup(k: Setup) {
        k.process('a', function* (sys: Sys) {
          yield* sys.compute(SLICE / 2);
          sys.log(`a at ${sys.now()}`);
          yield* sys.compute(SLICE);
          sys.log(`a done ${sys.now()}`);
        });
        k.process('b', function* (sys: Sys) {
          yield* sys.compute(0); // no user time: only what follows counts
          sys.log(`b at ${sys.now()}`);
        });
      },
    });
    const lines = consoleOf(sim);
    // a is preempted once its slice (not its second compute) runs out, b runs, then a finishes.
    expect(lines[0]).toMatch(/^a at/);
    expect(lines[1]).toMatch(/^b at/);
    const bAt = Number(lines[1]!.split(' ')[2]);
    expect(bAt).toBeGreaterThanOrEqual(SLICE);
    expect(bAt).toBeLessThan(SLICE + 10_000);
  });
});
