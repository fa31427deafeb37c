// The system calls of the classic and MCS APIs (sel4-reference.md §1.1): which names a thread's
// requests carry on each kernel, and what the MCS-only combined calls do.
import { describe, expect, it } from 'vitest';
import type { Setup, Sys } from '../script/ipcscope';
import { consoleOf, eventsOf, runScenario } from '../testing/runScenario';

function* server(sys: Sys) {
  yield* sys.recv('ep');
  yield* sys.reply({ words: [1] });
  yield* sys.wait('n');
  yield* sys.nbWait('n');
}

function* client(sys: Sys) {
  yield* sys.call('ep', {});
  yield* sys.signal('n');
  yield* sys.yield();
}

function names(mcs: boolean): string[] {
  const { log } = runScenario({
    name: 'syscall names',
    machine: { cores: 1, mcs },
    setup(k: Setup) {
      const ep = k.endpoint('ep');
      const n = k.notification('n');
      k.process('server', server, { priority: 200, caps: { ep: ep.cap(), n: n.cap() } });
      k.process('client', client, { priority: 100, caps: { ep: ep.cap(), n: n.cap() } });
    },
  });
  return eventsOf(log, 'syscallEntered')
    .map((e) => e.syscall)
    .filter((s) => s !== 'TCB_Suspend');
}

describe('system calls (§1.1)', () => {
  it('classic: Reply is its own syscall, and Wait and NBWait are Recv and NBRecv (§1.1)', () => {
    expect(names(false)).toEqual(['Recv', 'Call', 'Reply', 'Recv', 'Signal', 'NBRecv', 'Yield']);
  });

  it('MCS: a reply is a Send on the reply object, and Wait and NBWait are their own syscalls (§1.1)', () => {
    expect(names(true)).toEqual(['Recv', 'Call', 'Send', 'Wait', 'Signal', 'NBWait', 'Yield']);
  });

  it('MCS: NBSendRecv sends without blocking, then receives in the same kernel entry (§1.1)', () => {
    function* relay(sys: Sys) {
      const m = yield* sys.nbSendRecv('out', { words: [5] }, 'in');
      sys.log(`relay received ${m.words[0]}`);
    }
    function* sink(sys: Sys) {
      const m = yield* sys.recv('out');
      sys.log(`sink received ${m.words[0]}`);
      yield* sys.send('in', { words: [6] });
    }
    const { sim, log } = runScenario({
      name: 'nbsendrecv',
      machine: { cores: 1, mcs: true },
      setup(k) {
        const out = k.endpoint('out');
        const inbox = k.endpoint('inbox');
        k.process('sink', sink, { priority: 200, caps: { out: out.cap(), in: inbox.cap() } });
        k.process('relay', relay, { priority: 100, caps: { out: out.cap(), in: inbox.cap() } });
      },
    });
    expect(consoleOf(sim)).toEqual(['sink received 5', 'relay received 6']);
    expect(eventsOf(log, 'syscallEntered', { thread: 'relay' })[0]!.syscall).toBe('NBSendRecv');
  });

  it('MCS: NBSendWait drops the send when nobody waits and still blocks in Wait (§1.1)', () => {
    function* relay(sys: Sys) {
      const m = yield* sys.nbSendWait('out', { words: [5] }, 'n');
      sys.log(`relay woke with badge ${m.badge}`);
    }
    function* late(sys: Sys) {
      yield* sys.signal('n');
    }
    const { sim, log } = runScenario({
      name: 'nbsendwait',
      machine: { cores: 1, mcs: true },
      setup(k) {
        const out = k.endpoint('out');
        const n = k.notification('n');
        k.process('relay', relay, { priority: 200, caps: { out: out.cap(), n: n.cap() } });
        k.process('late', late, { priority: 100, caps: { n: n.cap({ badge: 2 }) } });
      },
    });
    expect(consoleOf(sim)).toEqual(['relay woke with badge 2']);
    expect(eventsOf(log, 'messageTransferred')).toHaveLength(0);
  });
});
