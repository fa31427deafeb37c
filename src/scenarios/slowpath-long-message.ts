import { scenario, type Sys } from 'ipcscope';

// Out of the fastpath, way 1: a long message (sel4-reference.md §1.4, §1.7 condition 1).
// x86-64 has 4 physical message registers; a Call with more words must copy the rest through
// the IPC buffers, and the fastpath refuses it. What to watch: each Call's syscallExited says
// "slow" with the reason "6 message words > 4 message registers on x86-64", while the server's
// ReplyRecv, which answers with one word, stays on the fastpath. Try --param words=4.
export default scenario({
  name: 'Slowpath: a long message',
  description:
    'The echo client sends 6 message words per Call, but an x86-64 core has only 4 message ' +
    'registers. The words that do not fit go through the IPC buffer in memory, and the fastpath ' +
    'only handles messages that fit in registers, so every Call takes the slowpath: look for the ' +
    'reason "6 message words > 4 message registers on x86-64". The reply is one word, so the ' +
    "server's ReplyRecv still takes the fastpath. Set the param words to 4 and both go fast.",
  machine: { platform: 'skylake-i7', cores: 1, kernel: 'smp', mcs: false },
  seed: 1,
  params: { words: 6, calls: 3 },
  setup(k) {
    const ep = k.endpoint('echo');
    k.process('server', server, { core: 0, priority: 200, caps: { ep: ep.cap() } });
    k.process('client', client(k.params.words ?? 6, k.params.calls ?? 3), {
      core: 0,
      priority: 100,
      caps: { ep: ep.cap({ rights: { write: true, grantReply: true }, badge: 1 }) },
    });
  },
});

function* server(sys: Sys) {
  let msg = yield* sys.recv('ep');
  for (;;) {
    const sum = msg.words.reduce((a, b) => a + b, 0);
    msg = yield* sys.replyRecv('ep', { label: msg.label, words: [sum] });
  }
}

function client(words: number, calls: number) {
  return function* (sys: Sys) {
    for (let i = 0; i < calls; i++) {
      const msg = Array.from({ length: words }, (_, j) => i + j);
      const r = yield* sys.call('ep', { label: 1, words: msg });
      sys.log(`sent ${words} words, the server summed them to ${r.words[0]}`);
    }
  };
}
