import { scenario, type Sys } from 'ipcscope';

// A cap fault caught by a fault handler (sel4-reference.md §1.3; DESIGN.md "Kernel"). The client
// Calls a slot with no cap in it. seL4 answers with a cap fault, sent as a message to the
// client's fault endpoint. What to watch: faultRaised (handler 'faults'), then a
// messageTransferred of kind 'fault' from the client to the handler, whose label says "cap
// fault" and whose words name the slot; the handler logs it and suspends the client through a
// TCB cap (threadStopped: suspended). A second client with no fault handler makes the same
// mistake and simply stops.
const CAP_FAULT = 1; // seL4_Fault_CapFault

export default scenario({
  name: 'Cap fault caught by a fault handler',
  description:
    "The client calls the slot 'log', which holds no cap: in seL4 that is not an error code, it " +
    'is a fault. The kernel blocks the client and sends a fault message to the endpoint named by ' +
    'its fault handler slot. A supervisor thread receives it, reads the fault type from the ' +
    "label and the slot from the words, and suspends the client with TCB_Suspend on the client's " +
    'TCB cap. The lone client has no fault handler: its fault just stops it. Both cases show up ' +
    'as faultRaised events, the first with a handler, the second without.',
  machine: { platform: 'skylake-i7', cores: 1, kernel: 'smp', mcs: false },
  seed: 1,
  setup(k) {
    const faults = k.endpoint('faults');
    const client = k.process('client', buggy('client'), {
      core: 0,
      priority: 100,
      caps: { fault: faults.cap({ rights: { write: true, grantReply: true }, badge: 1 }) },
      faultHandler: 'fault',
    });
    k.process('supervisor', supervisor, {
      core: 0,
      priority: 200,
      caps: { faults: faults.cap({ rights: { read: true } }), client: client.cap() },
    });
    k.process('lone', buggy('lone'), { core: 0, priority: 50 });
  },
});

function buggy(name: string) {
  return function* (sys: Sys) {
    sys.log(`${name}: calling slot 'log', which is empty`);
    yield* sys.call('log', { words: [42] });
    sys.log(`${name}: never printed`);
  };
}

function* supervisor(sys: Sys) {
  const f = yield* sys.recv('faults');
  const kind = f.label === CAP_FAULT ? 'cap fault' : `fault type ${f.label}`;
  const slot = f.words[0]! < 0 ? 'a slot name the client never had' : `slot #${f.words[0]}`;
  const phase = f.words[1] === 1 ? 'receive' : 'send';
  sys.log(`${kind} from badge ${f.badge}: lookup of ${slot} failed in the ${phase} phase`);
  yield* sys.tcbSuspend('client');
  sys.log('client suspended');
}
