// The Grant right of a classic reply cap comes from the receiver's endpoint cap, not the caller's
// (seL4 src/object/endpoint.c: receiveIPC -> setupCallerCap(sender, thread, capCanGrant of the
// receiver's cap); sendIPC -> setupCallerCap(thread, dest, the waiting receiver's stored
// blockingIPCCanGrant); sel4-reference.md §1.3, §1.5).
import { describe, expect, it } from 'vitest';
import type { Rights, Setup, Sys } from '../script/ipcscope';
import { consoleOf, runScenario } from '../testing/runScenario';

/** A server replying with a cap to `gift`; the client logs which caps it received. */
function replyWithCap(opts: { server: Rights; client: Rights; serverFirst: boolean }) {
  function* server(sys: Sys) {
    yield* sys.recv('ep');
    yield* sys.reply({ caps: ['gift'] });
  }
  function* client(sys: Sys) {
    const m = yield* sys.call('ep', { words: [1] });
    sys.log(`caps ${m.caps.join(',') || 'none'}`);
  }
  return runScenario({
    name: 'reply grant',
    machine: { cores: 1 },
    setup(k: Setup) {
      const ep = k.endpoint('ep');
      const gift = k.notification('gift');
      const caps = { ep: ep.cap({ rights: opts.server }), gift: gift.cap() };
      k.process('server', server, { priority: opts.serverFirst ? 200 : 50, caps });
      k.process('client', client, {
        priority: 100,
        caps: { ep: ep.cap({ rights: opts.client }) },
        receiveSlot: 'got',
      });
    },
  });
}

const GRANT: Rights = { read: true, write: true, grant: true, grantReply: false };
const NO_GRANT: Rights = { read: true, write: true, grant: false, grantReply: false };
const GRANT_REPLY: Rights = { read: false, write: true, grant: false, grantReply: true };

describe('reply cap Grant comes from the receiver (endpoint.c setupCallerCap)', () => {
  for (const serverFirst of [true, false]) {
    const path = serverFirst ? 'sendIPC' : 'receiveIPC';
    it(`classic: a caller with only GrantReply gets a cap back when the receiver's cap has Grant (${path}, §1.3)`, () => {
      const { sim } = replyWithCap({ server: GRANT, client: GRANT_REPLY, serverFirst });
      expect(consoleOf(sim, 'client')).toEqual(['caps got']);
    });

    it(`classic: a receiver whose cap lacks Grant cannot reply with caps, whatever the caller's rights (${path}, §1.3)`, () => {
      const { sim } = replyWithCap({
        server: NO_GRANT,
        client: { ...GRANT, grantReply: true },
        serverFirst,
      });
      expect(consoleOf(sim, 'client')).toEqual(['caps none']);
    });
  }
});
