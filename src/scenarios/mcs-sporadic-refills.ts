import { scenario, type Sys } from 'ipcscope';

// Sporadic-server refills on MCS (sel4-reference.md §1.9; seL4 src/kernel/sporadic.c). A sensor
// thread has 500 us of budget in every 4 ms, with room for 8 refills. It works in short bursts
// and waits for a tick between them, so each burst's time comes back as its own refill one
// period after it was used (refill_budget_check). Then it sleeps for a long time and wakes
// with one full budget, merged from all its refills (refill_unblock_check). Finally it tries
// to compute for 1.25 ms at once: after 500 us the budget is gone (budgetExhausted) and it waits in
// the release queue until its next refill; the core idles meanwhile.
export default scenario({
  name: 'MCS: sporadic refills',
  description:
    'On MCS a budget is not a fixed slice that comes back every period: seL4 keeps a list of ' +
    'refills, each a piece of budget usable from some time. The sensor (500 us of every 4 ms, ' +
    'up to 8 refills) works in bursts between ticks: select it and watch its scheduling ' +
    "context's refill list in the inspector grow, one refill per burst, each one period after " +
    'the burst used it. After a long sleep the refills merge into one full budget. Its last ' +
    'job is longer than the budget: budgetExhausted says when the next refill comes, the core ' +
    'idles until then, and no release is ever in the past.',
  machine: { platform: 'skylake-i7', cores: 2, kernel: 'smp', mcs: true },
  seed: 1,
  params: { bursts: 5 },
  setup(k) {
    const tick = k.notification('tick');
    const bursts = k.params.bursts ?? 5;
    k.process('sensor', sensor(bursts), {
      core: 0,
      priority: 150,
      budget: 500,
      period: 4000,
      extraRefills: 6,
      caps: { tick: tick.cap() },
    });
    k.process('timer', timer(bursts), { core: 1, priority: 100, caps: { tick: tick.cap() } });
  },
});

const US = 3400; // 1 us at 3.4 GHz

function sensor(bursts: number) {
  return function* (sys: Sys) {
    for (let i = 0; i < bursts; i++) {
      yield* sys.compute(50 * US); // a 50 us burst
      yield* sys.wait('tick');
    }
    yield* sys.wait('tick'); // a long sleep: 10 ms
    const woke = sys.now();
    yield* sys.compute(1250 * US); // two and a half budgets' worth of work
    sys.log(`1.25 ms of work took ${((sys.now() - woke) / 1000 / US).toFixed(2)} ms of wall time`);
  };
}

function timer(bursts: number) {
  return function* (sys: Sys) {
    for (let i = 0; i < bursts; i++) {
      yield* sys.compute(500 * US);
      yield* sys.signal('tick');
    }
    yield* sys.compute(10_000 * US);
    yield* sys.signal('tick');
  };
}
