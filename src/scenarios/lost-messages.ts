import { scenario, type Sys } from 'ipcscope';

// Where messages go missing (sel4-reference.md §1.2, §1.3). seL4 reports nothing for a send that
// cannot be delivered when nobody could be told. What to watch: the NBSend while the server is
// busy finds no receiver and is dropped (no messageTransferred); the Send through a cap without
// the Write right vanishes silently; the same mistake with Call comes back as an error, because
// a Call has someone to answer. Only the last, well-formed Send reaches the server.
export default scenario({
  name: 'Lost messages: NBSend and missing rights',
  description:
    'Three ways to lose a message and one way to be told. NBSend never blocks: if no receiver ' +
    'waits at that moment, the message is dropped. A Send through a cap without the Write right ' +
    'fails silently, because there is nobody to report the error to. A Call through the same ' +
    "cap returns an error instead. Compare the client's console with what the server received.",
  machine: { platform: 'skylake-i7', cores: 1, kernel: 'smp', mcs: false },
  seed: 1,
  setup(k) {
    const ep = k.endpoint('inbox');
    k.process('server', server, { core: 0, priority: 50, caps: { ep: ep.cap() } });
    k.process('client', client, {
      core: 0,
      priority: 100,
      caps: {
        ep: ep.cap({ rights: { write: true, grantReply: true } }),
        readOnly: ep.cap({ rights: { read: true, grantReply: true } }),
      },
    });
  },
});

function* server(sys: Sys) {
  for (;;) {
    const m = yield* sys.recv('ep');
    sys.log(`server received message ${m.words[0]}`);
  }
}

function* client(sys: Sys) {
  yield* sys.nbSend('ep', { words: [1] });
  sys.log('1: NBSend returned (nobody was waiting: dropped)');
  yield* sys.send('readOnly', { words: [2] });
  sys.log('2: Send without Write returned (lost silently)');
  const r = yield* sys.call('readOnly', { words: [3] });
  sys.log(`3: Call without Write: ${r.error ?? 'no error'}`);
  yield* sys.send('ep', { words: [4] }); // the server is not waiting yet: the client queues
  sys.log('4: Send delivered');
}
