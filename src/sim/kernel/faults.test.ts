// Cap faults (sel4-reference.md §1.3, DESIGN.md "Kernel"): a fault goes to the thread's fault
// endpoint as a Call-like message, or the thread stops when it has none; both are events.
import { describe, expect, it } from 'vitest';
import type { Setup, Sys } from '../script/ipcscope';
import { FAULT_LABEL } from './faults';
import { consoleOf, eventsOf, runScenario, tcbOf } from '../testing/runScenario';

function* caller(sys: Sys) {
  sys.log('calling an empty slot');
  yield* sys.call('missing', { words: [1] });
  sys.log('resumed after the fault');
}

describe('cap faults (§1.3)', () => {
  it('a Call on an empty slot raises a cap fault that goes to the fault endpoint (§1.3)', () => {
    function* handler(sys: Sys) {
      const f = yield* sys.recv('faults');
      sys.log(`fault label ${f.label} badge ${f.badge} slot #${f.words[1]}`);
      yield* sys.tcbSuspend('client');
      sys.log('client suspended');
    }
    const { sim, log } = runScenario({
      name: 'fault handled',
      machine: { cores: 1 },
      setup(k: Setup) {
        const faults = k.endpoint('faults');
        const client = k.process('client', caller, {
          priority: 100,
          caps: { fault: faults.cap({ rights: { write: true, grantReply: true }, badge: 3 }) },
          faultHandler: 'fault',
        });
        k.process('handler', handler, {
          priority: 200,
          caps: { faults: faults.cap({ rights: { read: true } }), client: client.cap() },
        });
      },
    });
    const raised = eventsOf(log, 'faultRaised', { thread: 'client' });
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ faultType: 'capFault', handler: 'faults' });
    expect(raised[0]!.detail).toMatch(/slot 'missing'.*empty slot/);
    const msg = eventsOf(log, 'messageTransferred', { from: 'client', to: 'handler' });
    expect(msg).toHaveLength(1);
    expect(msg[0]).toMatchObject({ kind: 'fault', label: FAULT_LABEL.capFault, badge: 3 });
    expect(consoleOf(sim, 'handler')).toEqual([
      `fault label ${FAULT_LABEL.capFault} badge 3 slot #-1`,
      'client suspended',
    ]);
    expect(consoleOf(sim, 'client')).toEqual(['calling an empty slot']);
    expect(tcbOf(sim, 'client').state).toBe('inactive');
    expect(eventsOf(log, 'threadStopped', { thread: 'client', reason: 'suspended' })).toHaveLength(
      1,
    );
  });

  it('a Call on an empty slot stops the thread when it has no fault endpoint (§1.3)', () => {
    const { sim, log } = runScenario({
      name: 'fault unhandled',
      machine: { cores: 1 },
      setup(k) {
        k.process('client', caller, {});
      },
    });
    expect(eventsOf(log, 'faultRaised', { thread: 'client' })[0]).toMatchObject({
      faultType: 'capFault',
      handler: null,
    });
    const stopped = eventsOf(log, 'threadStopped', { thread: 'client' });
    expect(stopped).toHaveLength(1);
    expect(stopped[0]!.reason).toMatch(/capFault/);
    expect(consoleOf(sim)).toEqual(['calling an empty slot']);
  });

  it('a fault endpoint cap without Grant or GrantReply cannot take the fault, so the thread stops (§1.3)', () => {
    const { log } = runScenario({
      name: 'unusable handler',
      machine: { cores: 1 },
      setup(k) {
        const faults = k.endpoint('faults');
        k.process('client', caller, {
          caps: { fault: faults.cap({ rights: { write: true } }) },
          faultHandler: 'fault',
        });
      },
    });
    expect(eventsOf(log, 'faultRaised')[0]!.handler).toBeNull();
    expect(eventsOf(log, 'threadStopped', { thread: 'client' })).toHaveLength(1);
  });

  it('a reply to a cap fault restarts the faulting system call (§1.3 handleFaultReply)', () => {
    function* handler(sys: Sys) {
      yield* sys.recv('faults');
      sys.log('replying');
      yield* sys.reply({ label: 0 });
    }
    const { log } = runScenario({
      name: 'fault restart',
      machine: { cores: 1 },
      setup(k) {
        const faults = k.endpoint('faults');
        k.process('handler', handler, { priority: 200, caps: { faults: faults.cap() } });
        k.process('client', caller, {
          priority: 100,
          caps: { fault: faults.cap() },
          faultHandler: 'fault',
        });
      },
    });
    // The restarted Call faults again: the slot is still empty and the handler is gone.
    const raised = eventsOf(log, 'faultRaised', { thread: 'client' });
    expect(raised.map((f) => f.handler)).toEqual(['faults', 'faults']);
    expect(eventsOf(log, 'syscallEntered', { thread: 'client', syscall: 'Call' })).toHaveLength(2);
  });
});
