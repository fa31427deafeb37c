// MCS rules (sel4-reference.md §1.5, §1.9): Yield gives up the head refill (src/api/syscall.c
// handleYield); NBSendRecv and NBSendWait lend the SC to a passive receiver (src/object/
// endpoint.c sendIPC); a reply argument that is no reply object is a cap fault (syscall.c
// handleRecv -> lookupReply); a cancelled caller leaves its SC with the server (src/object/
// reply.c reply_remove_tcb); timeout faults (src/kernel/faulthandler.c handleTimeout,
// src/api/faults.c setMRs_fault); SCs bound to notifications (src/object/notification.c
// maybeDonateSchedContext, include/object/notification.h maybeReturnSchedContext).
import { describe, expect, it } from 'vitest';
import type { ReceivedMessage, Setup, Sys } from '../script/ipcscope';
import { consoleOf, eventsOf, runScenario, tcbOf } from '../testing/runScenario';
import { FAULT_LABEL } from './faults';

const PROFILE = { clockMHz: 100 }; // 1 us = 100 cycles

describe('MCS Yield (syscall.c handleYield -> chargeBudget(head.rAmount))', () => {
  it('MCS: Yield on a sporadic SC gives up the rest of the head refill and waits for the next one (§1.9)', () => {
    let after = -1;
    const { log } = runScenario({
      name: 'yield sporadic',
      machine: { cores: 1, mcs: true, profile: PROFILE },
      setup(k: Setup) {
        k.process(
          'a',
          function* (sys: Sys) {
            yield* sys.compute(10_000);
            yield* sys.yield();
            after = sys.now();
          },
          { budget: 1000, period: 10_000 },
        );
      },
    });
    expect(eventsOf(log, 'budgetExhausted', { thread: 'a' })[0]!.until).toBe(1_000_000);
    expect(after).toBeGreaterThanOrEqual(1_000_000);
  });

  it('MCS: Yield on a round-robin SC refills it and goes to the back of the queue (§1.9)', () => {
    const { sim, log } = runScenario({
      name: 'yield rr',
      machine: { cores: 1, mcs: true, profile: PROFILE },
      setup(k: Setup) {
        k.process('a', function* (sys: Sys) {
          yield* sys.yield();
          sys.log('a');
        });
        k.process('b', function* (sys: Sys) {
          yield* sys.compute(0); // no user time: only what follows counts
          sys.log('b');
        });
      },
    });
    expect(consoleOf(sim)).toEqual(['b', 'a']);
    expect(eventsOf(log, 'budgetExhausted')).toHaveLength(0);
  });

  it('classic: Yield only moves the thread to the back of its queue (handleYield)', () => {
    const { sim } = runScenario({
      name: 'yield classic',
      machine: { cores: 1, profile: PROFILE },
      setup(k: Setup) {
        k.process('a', function* (sys: Sys) {
          yield* sys.yield();
          sys.log(`a ${sys.now() < 1_000_000}`);
        });
        k.process('b', function* (sys: Sys) {
          yield* sys.compute(0); // no user time: only what follows counts
          sys.log('b');
        });
      },
    });
    expect(consoleOf(sim)).toEqual(['b', 'a true']);
  });
});

describe('NBSendRecv / NBSendWait donate (endpoint.c sendIPC, non-Call branch)', () => {
  for (const op of ['nbSendRecv', 'nbSendWait'] as const) {
    it(`MCS: ${op === 'nbSendRecv' ? 'NBSendRecv' : 'NBSendWait'} lends the SC to a passive receiver, which runs (sendIPC canDonate, §1.9)`, () => {
      function* worker(sys: Sys) {
        const m = yield* sys.recv('ep');
        sys.log(`worker got ${m.words[0]}`);
      }
      function* client(sys: Sys) {
        if (op === 'nbSendRecv') yield* sys.nbSendRecv('ep', { words: [7] }, 'back');
        else yield* sys.nbSendWait('ep', { words: [7] }, 'back');
      }
      const { sim, log } = runScenario({
        name: 'donate',
        machine: { cores: 1, mcs: true },
        setup(k: Setup) {
          const ep = k.endpoint('ep');
          const back = k.endpoint('back');
          k.process('worker', worker, { priority: 200, passive: true, caps: { ep: ep.cap() } });
          k.process('client', client, { priority: 100, caps: { ep: ep.cap(), back: back.cap() } });
        },
      });
      expect(consoleOf(sim, 'worker')).toEqual(['worker got 7']);
      expect(eventsOf(log, 'schedContextDonated', { from: 'client', to: 'worker' })).toHaveLength(
        1,
      );
    });
  }

  it('MCS: a plain Send does not lend the SC; the passive receiver gets the message and does not run (handleSyscall canDonate false)', () => {
    const { sim } = runScenario({
      name: 'send no donate',
      machine: { cores: 1, mcs: true },
      setup(k: Setup) {
        const ep = k.endpoint('ep');
        k.process(
          'worker',
          function* (sys: Sys) {
            yield* sys.recv('ep');
            sys.log('worker ran');
          },
          { priority: 200, passive: true, caps: { ep: ep.cap() } },
        );
        k.process(
          'client',
          function* (sys: Sys) {
            yield* sys.send('ep', { words: [1] });
          },
          { caps: { ep: ep.cap() } },
        );
      },
    });
    expect(consoleOf(sim, 'worker')).toEqual([]);
    expect(tcbOf(sim, 'worker').state).toBe('running');
  });
});

describe('MCS reply argument (syscall.c handleRecv -> lookupReply)', () => {
  for (const op of ['recv', 'replyRecv'] as const) {
    it(`MCS: ${op === 'recv' ? 'Recv' : 'ReplyRecv'} whose reply argument is not a reply object raises a cap fault in the receive phase (§1.5)`, () => {
      const { sim, log } = runScenario({
        name: 'bad reply',
        machine: { cores: 1, mcs: true },
        setup(k: Setup) {
          const ep = k.endpoint('ep');
          k.process(
            'server',
            function* (sys: Sys) {
              if (op === 'recv') yield* sys.recv('ep', { reply: 'ep' });
              else yield* sys.replyRecv('ep', {}, { reply: 'ep' });
              sys.log('received');
            },
            { caps: { ep: ep.cap() } },
          );
        },
      });
      const f = eventsOf(log, 'faultRaised', { thread: 'server' });
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ faultType: 'capFault' });
      expect(f[0]!.detail).toMatch(/slot 'ep'.*not a reply object/);
      expect(consoleOf(sim)).toEqual([]);
    });
  }

  it('classic: the reply argument is ignored; Recv receives (no reply objects)', () => {
    const { log } = runScenario({
      name: 'classic reply arg',
      machine: { cores: 1 },
      setup(k: Setup) {
        const ep = k.endpoint('ep');
        k.process(
          'server',
          function* (sys: Sys) {
            yield* sys.recv('ep', { reply: 'ep' });
          },
          { caps: { ep: ep.cap() } },
        );
      },
    });
    expect(eventsOf(log, 'faultRaised')).toHaveLength(0);
    expect(
      eventsOf(log, 'threadBlocked', { thread: 'server', state: 'blockedOnReceive' }),
    ).toHaveLength(1);
  });
});

describe('cancelled callers of a passive server (reply.c reply_remove_tcb)', () => {
  it('MCS: suspending a caller blocked on the reply breaks the chain but its SC stays with the server (§1.9)', () => {
    function* server(sys: Sys) {
      yield* sys.recv('ep');
      sys.log('serving');
      yield* sys.compute(1000);
      yield* sys.tcbSuspend('client');
      sys.log('suspended the client');
      yield* sys.reply({});
      sys.log('replied to nobody');
    }
    const { sim, log } = runScenario({
      name: 'cancelled caller',
      machine: { cores: 1, mcs: true },
      setup(k: Setup) {
        const ep = k.endpoint('ep');
        const client = k.process(
          'client',
          function* (sys: Sys) {
            yield* sys.call('ep', {});
            sys.log('client back');
          },
          { priority: 100, caps: { ep: ep.cap() } },
        );
        k.process('server', server, {
          priority: 200,
          passive: true,
          caps: { ep: ep.cap(), client: client.cap() },
        });
      },
    });
    expect(consoleOf(sim, 'server')).toEqual([
      'serving',
      'suspended the client',
      'replied to nobody',
    ]);
    expect(eventsOf(log, 'schedContextReturned')).toHaveLength(0);
    expect(tcbOf(sim, 'server').sc?.name).toBe('client.sc');
    expect(tcbOf(sim, 'client').sc).toBeNull();
    expect(tcbOf(sim, 'client').state).toBe('inactive');
  });

  it('classic: suspending a caller deletes the reply cap; the server replies to nobody (§1.5)', () => {
    const { sim } = runScenario({
      name: 'cancelled caller classic',
      machine: { cores: 1 },
      setup(k: Setup) {
        const ep = k.endpoint('ep');
        const client = k.process(
          'client',
          function* (sys: Sys) {
            yield* sys.call('ep', {});
            sys.log('client back');
          },
          { priority: 100, caps: { ep: ep.cap() } },
        );
        k.process(
          'server',
          function* (sys: Sys) {
            yield* sys.recv('ep');
            yield* sys.tcbSuspend('client');
            yield* sys.reply({});
            sys.log('replied');
          },
          { priority: 200, caps: { ep: ep.cap(), client: client.cap() } },
        );
      },
    });
    expect(consoleOf(sim)).toEqual(['replied']);
  });
});

describe('timeout faults (faulthandler.c handleTimeout, faults.c setMRs_fault)', () => {
  it("MCS: a passive server that runs out of its client's budget while serving sends a timeout fault with the SC badge and consumed time (§1.9)", () => {
    let fault: ReceivedMessage | null = null;
    function* server(sys: Sys) {
      yield* sys.recv('ep');
      yield* sys.compute(500_000); // far more than the client's 1000 us budget
      sys.log('server finished');
    }
    function* handler(sys: Sys) {
      fault = yield* sys.recv('timeouts');
      sys.log(`timeout from badge ${fault.badge}`);
    }
    const { sim, log } = runScenario({
      name: 'timeout',
      machine: { cores: 1, mcs: true, profile: PROFILE },
      setup(k: Setup) {
        const ep = k.endpoint('ep');
        const timeouts = k.endpoint('timeouts');
        k.process('server', server, {
          priority: 200,
          passive: true,
          caps: { ep: ep.cap(), tf: timeouts.cap({ badge: 9 }) },
          timeoutHandler: 'tf',
        });
        k.process(
          'client',
          function* (sys: Sys) {
            yield* sys.call('ep', {});
          },
          { priority: 100, caps: { ep: ep.cap() }, budget: 1000, period: 10_000, scBadge: 42 },
        );
        k.process('handler', handler, { priority: 250, caps: { timeouts: timeouts.cap() } });
      },
    });
    const raised = eventsOf(log, 'faultRaised', { thread: 'server', faultType: 'timeout' });
    expect(raised).toHaveLength(1);
    expect(raised[0]!.handler).toBe('timeouts');
    expect(fault!.label).toBe(FAULT_LABEL.timeout);
    expect(fault!.badge).toBe(9);
    expect(fault!.words[0]).toBe(42); // seL4_Timeout_Data: the SC's badge
    expect(fault!.words[1]).toBeGreaterThanOrEqual(98_000); // seL4_Timeout_Consumed
    expect(consoleOf(sim, 'server')).toEqual([]);
    // The handler was waiting, so the server now waits for its reply.
    expect(tcbOf(sim, 'server').state).toBe('blockedOnReply');
  });

  it('MCS: without a timeout handler the same server just waits for the next refill (endTimeslice -> postpone)', () => {
    const { sim, log } = runScenario({
      name: 'no timeout handler',
      machine: { cores: 1, mcs: true, profile: PROFILE },
      setup(k: Setup) {
        const ep = k.endpoint('ep');
        k.process(
          'server',
          function* (sys: Sys) {
            yield* sys.recv('ep');
            yield* sys.compute(150_000);
            sys.log('server finished');
          },
          { priority: 200, passive: true, caps: { ep: ep.cap() } },
        );
        k.process(
          'client',
          function* (sys: Sys) {
            yield* sys.call('ep', {});
          },
          { priority: 100, caps: { ep: ep.cap() }, budget: 1000, period: 10_000 },
        );
      },
    });
    expect(eventsOf(log, 'faultRaised')).toHaveLength(0);
    expect(eventsOf(log, 'budgetExhausted', { thread: 'server', sc: 'client.sc' }).length).toBe(1);
    expect(consoleOf(sim, 'server')).toEqual(['server finished']);
  });
});

describe('SC bound to a notification (notification.c maybeDonateSchedContext)', () => {
  it("MCS: a passive driver woken by a notification runs on the notification's SC and gives it back when it waits again (§1.9)", () => {
    function* driver(sys: Sys) {
      for (let i = 0; i < 2; i++) {
        yield* sys.wait('irq');
        sys.log('driver ran');
      }
    }
    function* device(sys: Sys) {
      for (let i = 0; i < 2; i++) {
        yield* sys.compute(1000);
        yield* sys.signal('irq');
      }
    }
    const { sim, log } = runScenario({
      name: 'bound sc',
      machine: { cores: 1, mcs: true },
      setup(k: Setup) {
        const irq = k.notification('irq', { sc: { budget: 500, period: 1000 } });
        k.process('driver', driver, { priority: 200, passive: true, caps: { irq: irq.cap() } });
        k.process('device', device, { priority: 100, caps: { irq: irq.cap() } });
      },
    });
    expect(consoleOf(sim, 'driver')).toEqual(['driver ran', 'driver ran']);
    expect(eventsOf(log, 'schedContextDonated', { sc: 'irq.sc', to: 'driver' })).toHaveLength(2);
    expect(eventsOf(log, 'schedContextReturned', { sc: 'irq.sc', from: 'driver' })).toHaveLength(1);
  });

  it('MCS: without a bound SC the passive waiter is woken but cannot run (isSchedulable)', () => {
    const { sim } = runScenario({
      name: 'no bound sc',
      machine: { cores: 1, mcs: true },
      setup(k: Setup) {
        const irq = k.notification('irq');
        k.process(
          'driver',
          function* (sys: Sys) {
            yield* sys.wait('irq');
            sys.log('driver ran');
          },
          { priority: 200, passive: true, caps: { irq: irq.cap() } },
        );
        k.process(
          'device',
          function* (sys: Sys) {
            yield* sys.signal('irq');
          },
          { caps: { irq: irq.cap() } },
        );
      },
    });
    expect(consoleOf(sim, 'driver')).toEqual([]);
  });
});
