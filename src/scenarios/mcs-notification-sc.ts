import { scenario, type Sys } from 'ipcscope';

// The usual MCS driver (sel4-reference.md §1.9; seL4 src/object/notification.c
// maybeDonateSchedContext, include/object/notification.h maybeReturnSchedContext): a passive
// driver thread with no scheduling context of its own waits on its interrupt notification, to
// which an SC is bound. Each interrupt (here a device thread on another core signalling) lends
// the notification's SC to the driver, which handles the interrupt on that budget and gives the
// SC back when it waits again. Between interrupts clients Call the same driver through an
// endpoint bound to the same thread: those requests run on the clients' own SCs.
export default scenario({
  name: 'MCS: a driver on its notification’s scheduling context',
  description:
    'A driver on MCS is often passive: it has no budget of its own. Its interrupt notification ' +
    'carries one (an SC bound to the notification), so interrupt work is paid from the ' +
    'interrupt’s budget and client requests from the clients’. Watch schedContextDonated ' +
    'irq.sc -> driver on each signal and schedContextReturned driver -> irq when it waits ' +
    'again; a client Call lends client.sc instead. Select the driver: the inspector shows the ' +
    'SC it runs on now and its refills.',
  machine: { platform: 'skylake-i7', cores: 2, kernel: 'smp', mcs: true },
  seed: 1,
  params: { interrupts: 3 },
  setup(k) {
    const irq = k.notification('irq', { sc: { budget: 200, period: 1000 } });
    const req = k.endpoint('requests');
    const n = k.params.interrupts ?? 3;
    k.process('driver', driver, {
      core: 0,
      priority: 220,
      passive: true,
      caps: { irq: irq.cap(), req: req.cap() },
      boundNotification: 'irq',
    });
    k.process('device', device(n), {
      core: 1,
      priority: 100,
      caps: { irq: irq.cap({ rights: { write: true } }) },
    });
    k.process('client', client(n), {
      core: 0,
      priority: 100,
      caps: { req: req.cap({ rights: { write: true, grantReply: true } }) },
    });
  },
});

// One loop serves both: a Recv on the endpoint returns early when the bound notification is
// signalled (sel4-reference.md §1.6). Both arrive with badge 0 here, so the driver tells them
// apart by the label: clients send label 1, a signal delivers label 0.
function* driver(sys: Sys) {
  let m = yield* sys.recv('req');
  for (;;) {
    if (m.label === 1) {
      yield* sys.compute(2000); // a request, on the client's budget
      m = yield* sys.replyRecv('req', { words: [1] });
    } else {
      sys.log('interrupt handled');
      yield* sys.compute(5000); // interrupt work, on irq.sc
      m = yield* sys.recv('req');
    }
  }
}

function device(n: number) {
  return function* (sys: Sys) {
    for (let i = 0; i < n; i++) {
      yield* sys.compute(300_000);
      yield* sys.signal('irq');
    }
  };
}

function client(n: number) {
  return function* (sys: Sys) {
    for (let i = 0; i < n; i++) {
      yield* sys.compute(450_000);
      yield* sys.call('req', { label: 1, words: [i] });
      sys.log(`request ${i} served`);
    }
  };
}
