import { scenario, type Sys } from 'ipcscope';

// Round robin within one priority (sel4-reference.md §1.8). Three threads share priority 100 on
// one core. What to watch: each Yield puts the caller at the tail of its priority's ready queue,
// so the console reads a, b, c, a, b, c; a thread at priority 50 runs only when all three are
// done. The last part has two threads computing longer than one time slice: the timer interrupt
// (interruptTaken: timer) preempts them and they alternate without any Yield.
export default scenario({
  name: 'Yield and time slices: round robin',
  description:
    'seL4 always runs the highest-priority ready thread; among equals it takes turns. Three ' +
    'threads at priority 100 log a line and Yield, three times: Yield moves the caller to the ' +
    'back of the queue, so they interleave. Then two threads compute for 2.5 time slices each ' +
    '(the profile sets a 1 MHz clock, so a 10 ms slice is 10,000 cycles): the timer preempts ' +
    'them and they alternate without asking. The thread at priority 50 waits until they finish.',
  machine: {
    platform: 'skylake-i7',
    cores: 1,
    kernel: 'smp',
    mcs: false,
    profile: { clockMHz: 1 },
  },
  seed: 1,
  setup(k) {
    for (const name of ['a', 'b', 'c']) k.process(name, yielder(name), { core: 0, priority: 100 });
    for (const name of ['x', 'y']) k.process(name, cruncher(name), { core: 0, priority: 90 });
    k.process('low', low, { core: 0, priority: 50 });
  },
});

function yielder(name: string) {
  return function* (sys: Sys) {
    for (let i = 0; i < 3; i++) {
      sys.log(`${name} turn ${i}`);
      yield* sys.yield();
    }
  };
}

function cruncher(name: string) {
  return function* (sys: Sys) {
    sys.log(`${name} starts at ${sys.now()}`);
    yield* sys.compute(25_000);
    sys.log(`${name} done at ${sys.now()}`);
  };
}

function* low(sys: Sys) {
  sys.log('low finally runs');
  yield* sys.compute(100);
}
