// A process's requests to its process server (the VFS protocol, sel4-reference.md §4.1 "port
// (VFS) message types"): one Call on the process's badged cap, paths packed into the message
// words; a reply too long for one message comes in parts, each fetched with a CONT request.
import type * as Api from '../script/ipcscope';
import { MSG_MAX_LENGTH } from '../kernel/transfer';
import type { ThreadCtx } from './context';
import { fsError, type FsError } from './errors';
import { expectReply } from './replies';
import { SLOT } from './slots';
import { decodeLabel, FLAG, wordsFor } from './wire';

export interface VfsReply {
  reply: Api.ReceivedMessage;
  /** The reply's text, all parts joined. */
  text: string;
}

/** Words of the reply's header (before its text), by reply type. */
export function* vfsCall(
  ctx: ThreadCtx,
  type: number,
  header: number[],
  text: string,
  replyType: number,
  replyHeader: number,
): Generator<Api.Request, VfsReply | FsError, unknown> {
  const w = ctx.runtime.wire;
  const words = wordsFor(w, header.length, text.length);
  if (words > MSG_MAX_LENGTH) {
    return fsError(
      'ENAMETOOLONG',
      `the request takes ${words} message words (${text.length} bytes of names); one message carries ${MSG_MAX_LENGTH}`,
    );
  }
  let r = yield* ctx.sys.call(SLOT.vfs, w.message(type, 0, header, text));
  let err = expectReply(w, r, replyType, SLOT.vfs);
  if (err !== null) return err;
  const first = r;
  let all = w.text(r, replyHeader);
  while ((decodeLabel(r.label).flags & FLAG.CONT) !== 0) {
    r = yield* ctx.sys.call(SLOT.vfs, w.message(type, FLAG.CONT, [], ''));
    err = expectReply(w, r, replyType, SLOT.vfs);
    if (err !== null) return err;
    all += w.text(r, 0);
  }
  return { reply: first, text: all };
}
