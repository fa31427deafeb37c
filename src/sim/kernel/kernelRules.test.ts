// Rules on both kernels: TCB_Resume restarts a blocked thread (src/kernel/thread.c restart,
// isStopped); fault and error messages use seL4's layout (src/api/faults.c setMRs_fault,
// libsel4 errors.h, arch shared_types.bf seL4_Fault tags); MCP bounds TCB_SetPriority
// (src/object/tcb.c checkPrio); message fields have the widths of the word size (libsel4
// mode_include/{32,64}/sel4/shared_types.bf seL4_MessageInfo; sel4-reference.md §1.3, §1.4).
import { describe, expect, it } from 'vitest';
import type { ReceivedMessage, Setup, Sys } from '../script/ipcscope';
import { consoleOf, eventsOf, runScenario, tcbOf } from '../testing/runScenario';
import { FAULT_LABEL } from './faults';

const KERNELS = [false, true] as const;
const kname = (mcs: boolean) => (mcs ? 'MCS' : 'classic');

describe('TCB_Resume on a blocked thread (thread.c restart)', () => {
  for (const mcs of KERNELS) {
    it(`${kname(mcs)}: resuming a thread blocked in Recv cancels the IPC and makes the system call again (restart, isStopped)`, () => {
      function* waiter(sys: Sys) {
        const m = yield* sys.recv('ep');
        sys.log(`waiter got ${m.words[0]}`);
      }
      function* boss(sys: Sys) {
        yield* sys.tcbResume('waiter');
        yield* sys.send('ep', { words: [5] });
      }
      const { sim, log } = runScenario({
        name: 'resume blocked',
        machine: { cores: 1, mcs },
        setup(k: Setup) {
          const ep = k.endpoint('ep');
          const w = k.process('waiter', waiter, { priority: 200, caps: { ep: ep.cap() } });
          k.process('boss', boss, { priority: 100, caps: { ep: ep.cap(), waiter: w.cap() } });
        },
      });
      // The Recv ran twice: once before the resume, once after it (restarted).
      expect(eventsOf(log, 'syscallEntered', { thread: 'waiter', syscall: 'Recv' })).toHaveLength(
        2,
      );
      expect(consoleOf(sim, 'waiter')).toEqual(['waiter got 5']);
    });
  }
});

describe("fault and error messages in seL4's layout (faults.c setMRs_fault, errors.h)", () => {
  for (const mcs of KERNELS) {
    it(`${kname(mcs)}: a cap fault carries IP, address, in-receive-phase, lookup failure type + 1 and bits left in MR0..MR4 (setMRs_fault)`, () => {
      let f: ReceivedMessage | null = null;
      runScenario({
        name: 'cap fault layout',
        machine: { cores: 1, mcs },
        setup(k: Setup) {
          const faults = k.endpoint('faults');
          const ep = k.endpoint('ep');
          k.process(
            'client',
            function* (sys: Sys) {
              yield* sys.recv('ep'); // no Read right: a cap fault in the receive phase
            },
            {
              priority: 100,
              caps: { ep: ep.cap({ rights: { write: true } }), fault: faults.cap() },
              faultHandler: 'fault',
            },
          );
          k.process(
            'handler',
            function* (sys: Sys) {
              f = yield* sys.recv('faults');
            },
            { priority: 200, caps: { faults: faults.cap() } },
          );
        },
      });
      expect(f!.label).toBe(FAULT_LABEL.capFault);
      expect(f!.label).toBe(1);
      // IP (not modelled: 0), the cap's address (slot #1), in receive phase, missing capability.
      expect(f!.words).toEqual([0, 1, 1, 2, 0]);
    });

    it(`${kname(mcs)}: an invocation error's label is the seL4_Error code (InvalidCapability = 2, RangeError = 4)`, () => {
      const seen: ReceivedMessage[] = [];
      runScenario({
        name: 'error codes',
        machine: { cores: 1, mcs },
        setup(k: Setup) {
          const ep = k.endpoint('ep');
          k.process(
            'a',
            function* (sys: Sys) {
              seen.push(yield* sys.call('ep', {})); // endpoint cap without Write
              seen.push(yield* sys.setPriority(300));
            },
            { caps: { ep: ep.cap({ rights: { read: true, grantReply: true } }) } },
          );
        },
      });
      expect(seen.map((m) => m.label)).toEqual([2, 4]);
      expect(seen[0]!.error).toMatch(/^InvalidCapability/);
    });

    it(`${kname(mcs)}: the maximum controlled priority, not the priority, bounds TCB_SetPriority (tcb.c checkPrio)`, () => {
      const seen: ReceivedMessage[] = [];
      const { sim } = runScenario({
        name: 'mcp',
        machine: { cores: 1, mcs },
        setup(k: Setup) {
          const t = k.process(
            'target',
            function* (sys: Sys) {
              yield* sys.compute(1);
            },
            { priority: 10 },
          );
          k.process(
            'boss',
            function* (sys: Sys) {
              seen.push(yield* sys.setPriority(150, 'target')); // above priority, within MCP
              seen.push(yield* sys.setPriority(201, 'target')); // above MCP
            },
            { priority: 100, mcp: 200, caps: { target: t.cap() } },
          );
        },
      });
      expect(seen[0]!.error).toBeUndefined();
      expect(seen[1]!.error).toMatch(/^RangeError: priority 201 is above the caller's MCP \(200\)/);
      expect(seen[1]!.label).toBe(4);
      expect(tcbOf(sim, 'target').priority).toBe(150);
    });
  }
});

describe('message field widths follow the word size (shared_types.bf seL4_MessageInfo)', () => {
  function carry(platform: string, label: number, words: number[]) {
    let got: ReceivedMessage | null = null;
    const { log } = runScenario(
      {
        name: 'widths',
        machine: { cores: 1 },
        setup(k: Setup) {
          const ep = k.endpoint('ep');
          k.process(
            'rx',
            function* (sys: Sys) {
              got = yield* sys.recv('ep');
            },
            { priority: 200, caps: { ep: ep.cap() } },
          );
          k.process(
            'tx',
            function* (sys: Sys) {
              yield* sys.send('ep', { label, words });
            },
            { caps: { ep: ep.cap() } },
          );
        },
      },
      { platform },
    );
    return { got: got!, log };
  }

  it('on a 32-bit ISA the label keeps 20 bits and every word 32 (AArch32, §1.4)', () => {
    const { got } = carry('a9-sabre', 2 ** 20 + 3, [2 ** 32 + 7, -1]);
    expect(got.label).toBe(3);
    expect(got.words).toEqual([7, 2 ** 32 - 1]);
  });

  it('on a 64-bit ISA the label keeps 52 bits and words pass whole (x86-64, §1.4)', () => {
    const { got } = carry('skylake-i7', 2 ** 52 + 3, [2 ** 40 + 7]);
    expect(got.label).toBe(3);
    expect(got.words).toEqual([2 ** 40 + 7]);
    expect(carry('skylake-i7', 2 ** 20 + 3, []).got.label).toBe(2 ** 20 + 3);
  });

  it('a message longer than 120 words is cut to 120 and the event says how many were asked for (seL4_MsgMaxLength)', () => {
    const { got, log } = carry(
      'skylake-i7',
      0,
      Array.from({ length: 130 }, (_, i) => i),
    );
    expect(got.length).toBe(120);
    expect(got.requested).toBe(130);
    expect(eventsOf(log, 'messageTransferred')[0]).toMatchObject({ length: 120, requested: 130 });
    // Not cut: the event's requested equals its length; the receiver sees no `requested`.
    const short = carry('skylake-i7', 0, [1]);
    expect(eventsOf(short.log, 'messageTransferred')[0]!.requested).toBe(1);
    expect(short.got.requested).toBeUndefined();
  });
});
