import { scenario, type Sys } from 'ipcscope';

// A bound notification wakes a server out of Recv (sel4-reference.md §1.6). The server waits on
// its endpoint for client Calls, and a device on core 1 signals the notification bound to the
// server. What to watch: a signal that arrives while the server is blocked in Recv cancels the
// receive and the server returns with the notification badge (0x100), which it tells apart from
// client badges (1); a signal that arrives while the server is busy is only recorded (the
// notification goes active), so its next ReplyRecv leaves the fastpath ("bound notification
// 'irq' is active") and the pending signal is consumed before the endpoint is looked at.
const IRQ_BADGE = 0x100;

export default scenario({
  name: 'Bound notification: interrupts and calls in one loop',
  description:
    'One server, two sources of work: clients Call its endpoint, and a device signals a ' +
    'notification bound to the server thread. Because the notification is bound, a signal wakes ' +
    'the server even while it waits in Recv on the endpoint; the badge tells the server which ' +
    `kind of wake-up it got (${IRQ_BADGE} for the device, 1 for the client). Watch the server's ` +
    'console and the slowpath reasons: a signal that lands while the server is working only ' +
    'marks the notification active, and the next ReplyRecv takes the slowpath to deliver it.',
  machine: { platform: 'skylake-i7', cores: 2, kernel: 'smp', mcs: false },
  seed: 1,
  params: { calls: 4, irqs: 3 },
  setup(k) {
    const ep = k.endpoint('service');
    const irq = k.notification('irq');
    k.process('server', server, {
      core: 0,
      priority: 200,
      caps: { ep: ep.cap(), irq: irq.cap({ rights: { read: true } }) },
      boundNotification: 'irq',
    });
    k.process('client', client(k.params.calls ?? 4), {
      core: 0,
      priority: 100,
      caps: { ep: ep.cap({ rights: { write: true, grantReply: true }, badge: 1 }) },
    });
    k.process('device', device(k.params.irqs ?? 3), {
      core: 1,
      priority: 100,
      caps: { irq: irq.cap({ rights: { write: true }, badge: IRQ_BADGE }) },
    });
  },
});

function* server(sys: Sys) {
  let msg = yield* sys.recv('ep');
  for (;;) {
    if (msg.badge === IRQ_BADGE) {
      sys.log('woken by the device (notification badge)');
      msg = yield* sys.recv('ep');
    } else {
      sys.log(`call ${msg.words[0]} from badge ${msg.badge}`);
      yield* sys.compute(3000); // the work: the device may signal meanwhile
      msg = yield* sys.replyRecv('ep', { words: msg.words });
    }
  }
}

function client(calls: number) {
  return function* (sys: Sys) {
    for (let i = 0; i < calls; i++) {
      yield* sys.call('ep', { words: [i] });
      yield* sys.compute(4000);
    }
  };
}

function device(irqs: number) {
  return function* (sys: Sys) {
    for (let i = 0; i < irqs; i++) {
      yield* sys.compute(5000);
      yield* sys.signal('irq');
    }
  };
}
