// Scheduling (sel4-reference.md §1.8, §1.10): the highest-priority runnable thread runs; round
// robin within a priority on time-slice expiry; Yield to the tail; possibleSwitchTo switches
// directly on the same core and queues on another, with a reschedule IPI only when needed.
import { describe, expect, it } from 'vitest';
import type { Setup, Sys } from '../script/ipcscope';
import { highestReadyPrio, tcbSchedAppend, tcbSchedDequeue, tcbSchedEnqueue } from './scheduler';
import {
  buildSim,
  consoleOf,
  eventsOf,
  indexOf,
  runScenario,
  TEST_LIMITS,
  tcbOf,
} from '../testing/runScenario';

const logger = (name: string) =>
  function* (sys: Sys) {
    sys.log(name);
    yield* sys.compute(10);
  };

describe('scheduling (§1.8)', () => {
  it('tcbSchedEnqueue puts a thread at the head of its priority queue, tcbSchedAppend at the tail (§1.8)', () => {
    const sim = buildSim({
      name: 'queue ends',
      machine: { cores: 1 },
      setup(k: Setup) {
        for (const n of ['a', 'b', 'c', 'd']) k.process(n, logger(n), { priority: 50 });
      },
    });
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((n) => tcbOf(sim, n));
    const k = sim.k;
    sim.fx.begin(0, 0);
    for (const t of [a, b, c, d]) tcbSchedDequeue(k, t!);
    const q = sim.world.state.nodes[0]!.readyQueues[50]!;
    expect(q).toEqual([]);
    tcbSchedEnqueue(k, a!); // alone in its queue
    tcbSchedEnqueue(k, b!);
    tcbSchedAppend(k, c!);
    tcbSchedEnqueue(k, d!);
    expect(q.map((t) => t.name)).toEqual(['d', 'b', 'a', 'c']);
  });

  it('the highest ready priority is read from the two-level ready bitmap, and a queue that empties clears its bits (§1.8)', () => {
    const prios = [0, 31, 32, 200, 255];
    const sim = buildSim({
      name: 'bitmap',
      machine: { cores: 1 },
      setup(k: Setup) {
        for (const p of prios) k.process(`p${p}`, logger(`p${p}`), { priority: p });
      },
    });
    const k = sim.k;
    const n = sim.world.state.nodes[0]!;
    sim.fx.begin(0, 0);
    const ts = prios.map((p) => tcbOf(sim, `p${p}`));
    for (const t of ts) tcbSchedDequeue(k, t);
    expect(highestReadyPrio(n)).toBe(-1);
    expect(n.readyL1).toBe(0);
    for (const t of ts) tcbSchedAppend(k, t);
    expect(highestReadyPrio(n)).toBe(255);
    // Taken out from the top: each time the next priority down, across bitmap words.
    for (const want of [200, 32, 31, 0, -1]) {
      tcbSchedDequeue(
        k,
        ts.find((t) => t.priority === highestReadyPrio(n))!,
      );
      expect(highestReadyPrio(n)).toBe(want);
    }
    expect([...n.readyBitmap].every((w) => w === 0) && n.readyL1 === 0).toBe(true);
  });

  it('the highest-priority runnable thread runs (§1.8)', () => {
    const { sim } = runScenario({
      name: 'priorities',
      machine: { cores: 1 },
      setup(k: Setup) {
        k.process('p10', logger('p10'), { priority: 10 });
        k.process('p250', logger('p250'), { priority: 250 });
        k.process('p100', logger('p100'), { priority: 100 });
      },
    });
    expect(consoleOf(sim)).toEqual(['p250', 'p100', 'p10']);
  });

  it('threads of one priority share the core round robin when the time slice expires (§1.8)', () => {
    const worker = (name: string) =>
      function* (sys: Sys) {
        yield* sys.compute(25_000);
        sys.log(`${name} done`);
      };
    // clockMHz 1 makes the 10 ms time slice (5 ticks of 2 ms) 10,000 cycles.
    const { sim, log } = runScenario({
      name: 'round robin',
      machine: { cores: 1, profile: { clockMHz: 1 } },
      setup(k) {
        k.process('a', worker('a'), { priority: 100 });
        k.process('b', worker('b'), { priority: 100 });
      },
    });
    const switches = eventsOf(log, 'threadSwitched').map((e) => e.to);
    expect(switches.slice(0, 6)).toEqual(['a', 'b', 'a', 'b', 'a', 'b']);
    expect(eventsOf(log, 'interruptTaken', { kind: 'timer' })).toHaveLength(4);
    expect(consoleOf(sim)).toEqual(['a done', 'b done']);
    const firstTimer = eventsOf(log, 'interruptTaken', { kind: 'timer' })[0]!;
    expect(firstTimer.t).toBeGreaterThanOrEqual(10_000);
    expect(firstTimer.t).toBeLessThan(11_000);
  });

  it('Yield moves the caller to the tail of its priority queue (§1.8 handleYield)', () => {
    const yielder = (name: string) =>
      function* (sys: Sys) {
        for (let i = 0; i < 2; i++) {
          sys.log(`${name}${i}`);
          yield* sys.yield();
        }
      };
    const { sim } = runScenario({
      name: 'yield',
      machine: { cores: 1 },
      setup(k) {
        for (const n of ['a', 'b', 'c']) k.process(n, yielder(n), { priority: 100 });
        k.process('low', logger('low'), { priority: 50 });
      },
    });
    expect(consoleOf(sim)).toEqual(['a0', 'b0', 'c0', 'a1', 'b1', 'c1', 'low']);
  });

  it('Yield with no other thread at its priority keeps running (§1.8)', () => {
    function* alone(sys: Sys) {
      yield* sys.yield();
      sys.log('still here');
    }
    const { sim, log } = runScenario({
      name: 'yield alone',
      machine: { cores: 1 },
      setup(k) {
        k.process('alone', alone, { priority: 100 });
        k.process('low', logger('low'), { priority: 50 });
      },
    });
    expect(consoleOf(sim)).toEqual(['still here', 'low']);
    const yieldExit = indexOf(log, 'syscallExited', { syscall: 'Yield' });
    expect(indexOf(log, 'threadSwitched', { to: 'low' })).toBeGreaterThan(yieldExit);
  });

  it('possibleSwitchTo: an IPC that wakes a higher-priority thread on this core switches to it directly (§1.8)', () => {
    function* receiver(sys: Sys) {
      yield* sys.recv('ep');
      sys.log('receiver runs');
    }
    function* sender(sys: Sys) {
      yield* sys.send('ep', {});
      sys.log('sender continues');
    }
    const { sim, log } = runScenario({
      name: 'direct switch',
      machine: { cores: 1 },
      setup(k) {
        const ep = k.endpoint('ep');
        k.process('receiver', receiver, { priority: 200, caps: { ep: ep.cap() } });
        k.process('sender', sender, { priority: 100, caps: { ep: ep.cap() } });
      },
    });
    expect(consoleOf(sim)).toEqual(['receiver runs', 'sender continues']);
    // The Send's kernel entry chooses the receiver; the core runs it from the entry's end (the
    // entry belongs to the sender, so the switch is reported right after its exit).
    const send = indexOf(log, 'syscallEntered', { syscall: 'Send' });
    const sw = indexOf(log, 'threadSwitched', { from: 'sender', to: 'receiver' });
    expect(sw).toBeGreaterThan(send);
    expect(sw).toBe(indexOf(log, 'syscallExited', { syscall: 'Send' }) + 1);
  });

  it('possibleSwitchTo: a woken lower-priority thread is queued and the current thread continues (§1.8)', () => {
    function* receiver(sys: Sys) {
      yield* sys.recv('ep');
      sys.log('receiver runs');
    }
    function* sender(sys: Sys) {
      yield* sys.send('ep', {});
      sys.log('sender continues');
    }
    const sim = buildSim({
      name: 'enqueue',
      machine: { cores: 1 },
      setup(k) {
        const ep = k.endpoint('ep');
        k.process('sender', sender, { priority: 100, caps: { ep: ep.cap() } });
        k.process('receiver', receiver, { priority: 50, caps: { ep: ep.cap() } });
      },
    });
    // Run until the receiver waits, then until the sender has left the Send.
    while (eventsOf(sim.log, 'syscallExited', { syscall: 'Send' }).length === 0) sim.step();
    expect(tcbOf(sim, 'receiver').queued).toBe(true);
    expect(sim.world.state.nodes[0]!.readyQueues[50]).toContain(tcbOf(sim, 'receiver'));
    sim.run(TEST_LIMITS);
    expect(consoleOf(sim)).toEqual(['sender continues', 'receiver runs']);
  });
});

/**
 * A receiver waits in Recv on core 1; a sender on core 0 first wakes an optional compute hog on
 * core 1 (through a notification), then sends to the receiver while the hog computes.
 */
function crossCore(hogPriority: number | null) {
  function* receiver(sys: Sys) {
    yield* sys.recv('ep');
    sys.log('receiver runs');
  }
  function* hog(sys: Sys) {
    yield* sys.wait('go');
    yield* sys.compute(20_000);
    sys.log('hog done');
  }
  function* sender(sys: Sys) {
    yield* sys.compute(2_000); // both threads on core 1 are blocked by now
    if (hogPriority !== null) yield* sys.signal('go');
    yield* sys.compute(3_000); // the hog is computing by now
    yield* sys.send('ep', {});
  }
  return buildSim({
    name: 'cross-core wake-up',
    machine: { cores: 2 },
    setup(k) {
      const ep = k.endpoint('ep');
      const go = k.notification('go');
      k.process('receiver', receiver, { core: 1, priority: 100, caps: { ep: ep.cap() } });
      if (hogPriority !== null)
        k.process('hog', hog, { core: 1, priority: hogPriority, caps: { go: go.cap() } });
      k.process('sender', sender, {
        core: 0,
        priority: 100,
        caps: { ep: ep.cap(), go: go.cap() },
      });
    },
  });
}

function runUntilSendExits(sim: ReturnType<typeof crossCore>): void {
  while (eventsOf(sim.log, 'syscallExited', { syscall: 'Send' }).length === 0) sim.step();
}

/** Reschedule IPIs sent by the Send's kernel entry or later. */
function ipisAfterSend(sim: ReturnType<typeof crossCore>) {
  const send = indexOf(sim.log, 'syscallEntered', { syscall: 'Send' });
  return eventsOf(sim.log.slice(send), 'ipiSent', { kind: 'reschedule' });
}

describe('cross-core wake-up (§1.10)', () => {
  it("a thread woken from another core goes into its own core's ready queue (§1.10 possibleSwitchTo)", () => {
    const sim = crossCore(200);
    runUntilSendExits(sim);
    const receiver = tcbOf(sim, 'receiver');
    expect(sim.world.state.nodes[1]!.readyQueues[100]).toContain(receiver);
    expect(sim.world.state.nodes[0]!.readyQueues[100]).not.toContain(receiver);
    expect(sim.world.state.nodes[1]!.curThread.name).toBe('hog');
  });

  it('a reschedule IPI goes to an idle target core (§1.10 remoteQueueUpdate)', () => {
    const sim = crossCore(null);
    sim.run(TEST_LIMITS);
    expect(ipisAfterSend(sim)).toEqual([expect.objectContaining({ from: 0, to: 1 })]);
    expect(consoleOf(sim)).toEqual(['receiver runs']);
  });

  it('no IPI goes to a core running a higher-priority thread; the woken thread waits its turn (§1.10)', () => {
    const sim = crossCore(200);
    sim.run(TEST_LIMITS);
    expect(ipisAfterSend(sim)).toHaveLength(0);
    expect(consoleOf(sim)).toEqual(['hog done', 'receiver runs']);
  });

  it('a remote call stalls the core running a thread that is being suspended: it stops at once (§1.10)', () => {
    let done = 0;
    function* hog(sys: Sys) {
      yield* sys.compute(50_000);
      done = sys.now();
    }
    function* boss(sys: Sys) {
      yield* sys.compute(10_000);
      yield* sys.setPriority(150, 'hog'); // a running thread on another core: no harm done
      yield* sys.tcbSuspend('hog');
      yield* sys.compute(100_000);
      yield* sys.tcbResume('hog');
    }
    const { log } = runScenario({
      name: 'remote stall',
      machine: { cores: 2 },
      setup(k) {
        const h = k.process('hog', hog, { core: 1, priority: 100 });
        k.process('boss', boss, { core: 0, priority: 200, caps: { hog: h.cap() } });
      },
    });
    expect(eventsOf(log, 'ipiSent', { kind: 'remoteCall', to: 1 }).length).toBeGreaterThan(0);
    const stopped = eventsOf(log, 'threadStopped', { thread: 'hog' })[0]!.t;
    const resumed = eventsOf(log, 'syscallEntered', { syscall: 'TCB_Resume' })[0]!.t;
    // The hog made no progress while suspended: it needs its full 50,000 cycles outside that gap.
    expect(done - (resumed - stopped)).toBeGreaterThanOrEqual(50_000);
  });

  it('a thread stalled while its core spins for the lock restarts its system call after resume (§1.10)', () => {
    function* t(sys: Sys) {
      for (let i = 0; i < 50; i++) yield* sys.yield();
      sys.log('t done');
    }
    function* boss(sys: Sys) {
      yield* sys.compute(1_000); // t is queued for the lock behind this core now
      yield* sys.tcbSuspend('t');
      yield* sys.compute(5_000);
      yield* sys.tcbResume('t');
    }
    const { sim, log } = runScenario({
      name: 'stall while spinning',
      machine: { cores: 2 },
      setup(k) {
        const h = k.process('t', t, { core: 1, priority: 100 });
        k.process('boss', boss, { core: 0, priority: 200, caps: { t: h.cap() } });
      },
    });
    const yields = eventsOf(log, 'syscallExited', { thread: 't', syscall: 'Yield' });
    const stalled = yields.filter((e) => e.reason?.startsWith('stalled by a remote call'));
    expect(stalled).toHaveLength(1);
    expect(yields.length - stalled.length).toBe(50);
    const suspended = eventsOf(log, 'threadStopped', { thread: 't' })[0]!.t;
    const resumed = eventsOf(log, 'syscallEntered', { syscall: 'TCB_Resume' })[0]!.t;
    const during = eventsOf(log, 'syscallEntered', { thread: 't' }).filter(
      (e) => e.t > suspended && e.t < resumed,
    );
    expect(during).toEqual([]);
    expect(consoleOf(sim)).toEqual(['t done']);
  });

  it('a reschedule IPI goes to a core running a lower-priority thread, which is preempted (§1.10)', () => {
    const sim = crossCore(10);
    sim.run(TEST_LIMITS);
    expect(ipisAfterSend(sim)).toEqual([expect.objectContaining({ from: 0, to: 1 })]);
    expect(consoleOf(sim)).toEqual(['receiver runs', 'hog done']);
  });
});
