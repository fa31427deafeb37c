// MCS refills are seL4's sporadic-server refill list (src/kernel/sporadic.c: refill_new,
// refill_budget_check, refill_unblock_check, schedule_used; sel4-reference.md §1.9), checked on
// the refill functions and through whole runs.
import { describe, expect, it } from 'vitest';
import { Line } from './lines';
import type { SchedContext } from './objects';
import type { Setup, Sys } from '../script/ipcscope';
import { eventsOf, runScenario } from '../testing/runScenario';
import { refillBudgetCheck, refillNew, refillUnblockCheck } from './sporadic';

function sc(budget: number, period: number, maxRefills = 2): SchedContext {
  const s: SchedContext = {
    kind: 'schedContext',
    name: 't.sc',
    line: new Line('sc.t'),
    image: 0,
    core: 0,
    budget,
    period,
    refills: [],
    maxRefills,
    badge: 0,
    ntfn: null,
    tcb: null,
    home: null,
    consumed: 0,
  };
  refillNew(s, 0);
  return s;
}

const sum = (s: SchedContext) => s.refills.reduce((a, r) => a + r.amount, 0);

describe('sporadic refills (sporadic.c)', () => {
  it('a used part of the head refill comes back one period after the head time (refill_budget_check)', () => {
    const s = sc(100, 1000, 4);
    refillBudgetCheck(s, 30, 5);
    expect(s.refills).toEqual([
      { time: 30, amount: 70 },
      { time: 1000, amount: 30 },
    ]);
    expect(sum(s)).toBe(100);
  });

  it('a budget used up whole is released exactly one period after it was consumed (refill_budget_check, handle_overrun)', () => {
    const s = sc(100, 1000);
    refillBudgetCheck(s, 100, 5);
    expect(s.refills).toEqual([{ time: 1000, amount: 100 }]);
  });

  it('the refill list never holds more than max refills; a full list merges into the tail (schedule_used)', () => {
    const s = sc(100, 1000, 3);
    let t = 0;
    for (let i = 0; i < 6; i++) {
      refillBudgetCheck(s, 10, 5);
      t += 50;
      s.refills[0]!.time = Math.max(s.refills[0]!.time, t);
      expect(s.refills.length).toBeLessThanOrEqual(3);
      expect(sum(s)).toBe(100);
    }
  });

  it('a head refill left below MIN_BUDGET merges into the next one (refill_budget_check)', () => {
    const s = sc(100, 1000, 4);
    refillBudgetCheck(s, 97, 5);
    expect(s.refills).toEqual([{ time: 1000 - 3, amount: 100 }]);
  });

  it('a thread that slept long gets its full budget back once, from now (refill_unblock_check)', () => {
    const s = sc(100, 1000, 4);
    refillBudgetCheck(s, 40, 5); // [{40, 60}, {1000, 40}]
    expect(refillUnblockCheck(s, 50_000)).toBe(true);
    expect(s.refills).toEqual([{ time: 50_000, amount: 100 }]);
  });

  it('a refill not yet due is not moved by a wake-up (refill_unblock_check, refill_ready)', () => {
    const s = sc(100, 1000);
    refillBudgetCheck(s, 100, 5); // [{1000, 100}]
    expect(refillUnblockCheck(s, 500)).toBe(false);
    expect(s.refills).toEqual([{ time: 1000, amount: 100 }]);
  });
});

// clockMHz 100: budget 1000 us = 100,000 cycles of every 10,000 us = 1,000,000.
const PROFILE = { clockMHz: 100 };

describe('sporadic refills in a run (sporadic.c, thread.c postpone/awaken)', () => {
  it('a thread that exhausts its budget mid-period is released one period after its refill time, never in the past (§1.9)', () => {
    function* worker(sys: Sys) {
      yield* sys.compute(250_000);
    }
    const { log } = runScenario({
      name: 'budget',
      machine: { cores: 1, mcs: true, profile: PROFILE },
      setup(k: Setup) {
        k.process('worker', worker, { budget: 1000, period: 10_000 });
      },
    });
    const exhausted = eventsOf(log, 'budgetExhausted', { thread: 'worker' });
    expect(exhausted.map((e) => e.until)).toEqual([1_000_000, 2_000_000]);
    for (const e of exhausted) expect(e.until).toBeGreaterThanOrEqual(e.t);
    const refills = eventsOf(log, 'schedContextRefilled', { sc: 'worker.sc' });
    for (const r of refills) {
      expect(r.refills.length).toBeLessThanOrEqual(2);
      expect(r.refills.reduce((a, x) => a + x.amount, 0)).toBe(100_000);
    }
  });

  it('a thread that sleeps for many periods wakes with one full budget, not a burst of several (refill_unblock_check)', () => {
    let woke = -1;
    function* sleeper(sys: Sys) {
      yield* sys.compute(50_000);
      yield* sys.wait('n');
      woke = sys.now();
      yield* sys.compute(250_000);
    }
    function* waker(sys: Sys) {
      yield* sys.compute(10_000_000);
      yield* sys.signal('n');
    }
    const { log } = runScenario({
      name: 'sleep',
      machine: { cores: 2, mcs: true, profile: PROFILE },
      setup(k: Setup) {
        const n = k.notification('n');
        k.process('sleeper', sleeper, {
          core: 0,
          budget: 1000,
          period: 10_000,
          caps: { n: n.cap() },
        });
        k.process('waker', waker, { core: 1, caps: { n: n.cap() } });
      },
    });
    const first = eventsOf(log, 'budgetExhausted', { thread: 'sleeper' })[0]!;
    // One budget (100,000 cycles, less MIN_BUDGET) after waking, released a period after it.
    expect(first.t - woke).toBeGreaterThan(95_000);
    expect(first.t - woke).toBeLessThanOrEqual(100_000);
    expect(first.until).toBeGreaterThanOrEqual(woke + 1_000_000 - 5_000);
    expect(first.until).toBeLessThanOrEqual(woke + 1_000_000);
  });

  it('with extra refills, a thread that blocks often keeps each used piece separately, up to max refills (refill_budget_check, schedule_used)', () => {
    function* bursty(sys: Sys) {
      for (let i = 0; i < 20; i++) {
        yield* sys.compute(5_000);
        yield* sys.wait('tick');
      }
    }
    function* ticker(sys: Sys) {
      for (let i = 0; i < 20; i++) {
        yield* sys.compute(30_000);
        yield* sys.signal('tick');
      }
    }
    const run = (extraRefills: number) =>
      runScenario({
        name: 'bursty',
        machine: { cores: 2, mcs: true, profile: PROFILE },
        setup(k: Setup) {
          const n = k.notification('tick');
          k.process('bursty', bursty, {
            core: 0,
            budget: 1000,
            period: 10_000,
            extraRefills,
            caps: { tick: n.cap() },
          });
          k.process('ticker', ticker, { core: 1, caps: { tick: n.cap() } });
        },
      });
    const most = (extraRefills: number) =>
      Math.max(
        ...eventsOf(run(extraRefills).log, 'schedContextRefilled', { sc: 'bursty.sc' }).map(
          (e) => e.refills.length,
        ),
      );
    expect(most(0)).toBe(2);
    expect(most(6)).toBeGreaterThan(2);
    expect(most(6)).toBeLessThanOrEqual(8);
  });
});
