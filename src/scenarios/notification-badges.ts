import { scenario, type Sys } from 'ipcscope';

// Notifications OR badges together (sel4-reference.md §1.6). Three drivers signal one
// notification, each through a cap with its own badge bit, before the waiter gets to run; the
// waiter's one Wait returns all three bits at once. What to watch: notificationSignalled shows
// the word growing 1, 3, 7; the waiter wakes once and decodes the bits. Then a late driver
// signals while the waiter is already blocked: the badge is handed over directly and the word
// never leaves 0.
export default scenario({
  name: 'Notifications: badges OR together',
  description:
    'A notification is one word of bits, not a queue of messages. Three drivers (disk, net, ' +
    'timer) signal it through caps badged 1, 2 and 4 while the handler, at lower priority, has ' +
    "not run yet. Each Signal ORs its badge into the word, so the handler's single Wait returns " +
    '7 and it can tell from the bits who signalled, but not how often. Later, a driver signals ' +
    'while the handler is blocked in Wait: the kernel hands the badge straight to the waiter.',
  machine: { platform: 'a57-tx1', cores: 1, kernel: 'smp', mcs: false },
  seed: 1,
  setup(k) {
    const irq = k.notification('irq');
    const names = ['disk', 'net', 'timer'];
    names.forEach((name, i) => {
      k.process(name, driver(name), {
        core: 0,
        priority: 200,
        caps: { irq: irq.cap({ rights: { write: true }, badge: 1 << i }) },
      });
    });
    k.process('handler', handler(names), {
      core: 0,
      priority: 100,
      caps: { irq: irq.cap({ rights: { read: true } }) },
    });
    k.process('late', driver('late'), {
      core: 0,
      priority: 50,
      caps: { irq: irq.cap({ rights: { write: true }, badge: 8 }) },
    });
  },
});

function driver(name: string) {
  return function* (sys: Sys) {
    sys.log(`${name} signals`);
    yield* sys.signal('irq');
  };
}

function handler(names: string[]) {
  return function* (sys: Sys) {
    for (let round = 0; round < 2; round++) {
      const m = yield* sys.wait('irq');
      const who = [...names, 'late'].filter((_, i) => (m.badge & (1 << i)) !== 0);
      sys.log(`woke with word ${m.badge}: ${who.join(' + ')}`);
    }
  };
}
