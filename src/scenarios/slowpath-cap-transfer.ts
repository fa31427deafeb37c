import { scenario, type Sys } from 'ipcscope';

// Out of the fastpath, way 2: a cap in the message (sel4-reference.md §1.3, §1.7 condition 1).
// The client hands the server a notification cap with its first Call; the fastpath carries no
// caps. What to watch: the first Call is slow ("2 caps transferred: the fastpath carries no
// caps"); the server receives extraCaps 2, the notification cap lands in its one receive slot
// 'done', and the second cap, which names the very endpoint of the Call, is unwrapped: only its
// badge arrives (capsUnwrapped bit 1). The server signals the received cap; the later Calls carry
// no caps and take the fastpath.
export default scenario({
  name: 'Slowpath: a cap transfer',
  description:
    'The client sends two caps with its first Call: a notification cap and a badged cap to the ' +
    'endpoint it is calling. The fastpath never transfers caps, so that Call is slow. The server ' +
    "names one receive slot ('done'): the notification cap lands there. The endpoint cap is " +
    '"unwrapped": seL4 delivers only its badge (capsUnwrapped has bit 1 set). The server then ' +
    "signals the notification it was given and the client sees the badge. The client's Call cap " +
    'has the Grant right; without it the caps would be dropped and only the words would go.',
  machine: { platform: 'skylake-i7', cores: 1, kernel: 'smp', mcs: false },
  seed: 1,
  setup(k) {
    const ep = k.endpoint('service');
    const done = k.notification('done');
    k.process('server', server, {
      core: 0,
      priority: 200,
      caps: { ep: ep.cap() },
      receiveSlot: 'done',
    });
    k.process('client', client, {
      core: 0,
      priority: 100,
      caps: {
        ep: ep.cap({ rights: { write: true, grant: true }, badge: 1 }),
        done: done.cap({ badge: 0x4 }),
        self: ep.cap({ rights: { write: true }, badge: 0x99 }),
      },
    });
  },
});

function* server(sys: Sys) {
  let msg = yield* sys.recv('ep');
  for (;;) {
    for (let i = 0; i < msg.extraCaps; i++) {
      if (msg.capsUnwrapped & (1 << i)) {
        sys.log(`cap ${i} named this endpoint: unwrapped, badge ${msg.unwrappedBadges[i]}`);
      } else sys.log(`cap ${i} transferred into slot '${msg.caps[0]}'`);
    }
    if (msg.caps.includes('done')) yield* sys.signal('done');
    msg = yield* sys.replyRecv('ep', { words: [msg.extraCaps] });
  }
}

function* client(sys: Sys) {
  yield* sys.call('ep', { label: 1, words: [0], caps: ['done', 'self'] });
  const n = yield* sys.poll('done');
  sys.log(`the server signalled the cap it received: badge ${n.badge}`);
  for (let i = 1; i < 3; i++) {
    const r = yield* sys.call('ep', { label: 1, words: [i] });
    sys.log(`plain Call ${i}: the server saw ${r.words[0]} caps`);
  }
}
