// The client side of the transport (sel4-reference.md §4.1): every call on an open file is a
// read (N bytes at an offset -> data or error) or a write (N bytes at an offset -> status), sent
// with one seL4 Call straight to the server on the file's badged cap. Data travels in message
// registers or, with only the header in registers, through the file's shared buffer; oversize
// transfers go as a chain of messages flagged CONT. Seek is a zero-length read; close is a clunk.
import type * as Api from '../script/ipcscope';
import type { ThreadCtx } from './context';
import { fsError, type FsError } from './errors';
import { expectReply } from './replies';
import { decodeLabel, FLAG, MSG } from './wire';

export interface FdEntry {
  fd: number;
  /** The slot holding the badged endpoint cap to the server. */
  slot: string;
  /** The serving process's port (or process server) name. */
  server: string;
  /** The server's handle for this open file (the cap's badge). */
  handle: number;
  path: string;
  mode: Api.OpenMode;
  offset: number;
  /** A message-special file (reads return whole messages). */
  messages: boolean;
  /** The shared buffer region of this open file. */
  region: string;
}

export type Via = 'auto' | 'reg' | 'buf';

export interface IoResult {
  data: string;
  bytes: number;
  error: FsError | null;
  transport: string;
}

type Io = Generator<Api.Request, IoResult, unknown>;

function transportOf(ctx: ThreadCtx, buf: boolean, maxWords: number): string {
  if (buf) return 'buf';
  return maxWords > ctx.runtime.wire.physicalMRs ? 'ipcbuf' : 'reg';
}

function fail(e: FsError, transport = 'none', data = ''): IoResult {
  return { data, bytes: data.length, error: e, transport };
}

export function* readFile(ctx: ThreadCtx, f: FdEntry, count: number, via: Via): Io {
  const w = ctx.runtime.wire;
  if (!Number.isInteger(count) || count < 0) {
    return fail(fsError('EINVAL', `read of ${count} bytes`));
  }
  if (via === 'reg' && count > w.messageBytes(0)) {
    return fail(
      fsError(
        'EMSGSIZE',
        `readreg of ${count} bytes: one message carries at most ${w.messageBytes(0)} (120 words of ${w.bytesPerWord} bytes); use read or readbuf`,
      ),
    );
  }
  const useBuf = via === 'buf' || (via === 'auto' && count > w.readRegBytes);
  const n = Math.min(count, w.maxLength);
  let data = '';
  let truncated = false;
  let maxWords = 1;
  for (let cont = false; ; cont = true) {
    const flags = (useBuf ? FLAG.BUF : 0) | (cont ? FLAG.CONT : 0);
    const r = yield* ctx.sys.call(f.slot, {
      label: w.label(MSG.READ, flags, n),
      words: [f.offset],
    });
    const err = expectReply(w, r, MSG.DATA, f.slot);
    if (err !== null) return fail(err, transportOf(ctx, useBuf, maxWords), data);
    maxWords = Math.max(maxWords, r.length);
    const l = decodeLabel(r.label);
    if ((l.flags & FLAG.BUF) !== 0) {
      data += (ctx.runtime.buffers.get(f.region) ?? '').slice(0, l.length);
      if (l.length > 0) {
        yield* ctx.sys.touch(f.region, { bytes: l.length, write: false });
        ctx.runtime.addCopied(ctx.name, l.length);
      }
    } else {
      data += w.unpack(r.words, l.length);
    }
    if ((l.flags & FLAG.TRUNC) !== 0) truncated = true;
    if ((l.flags & FLAG.CONT) === 0) break;
  }
  f.offset += data.length;
  const transport = transportOf(ctx, useBuf, maxWords);
  if (truncated) {
    const e = fsError(
      'ETRUNCATED',
      `the message did not fit in ${count} bytes; the first ${data.length} arrived, the rest is lost`,
    );
    return fail(e, transport, data);
  }
  return { data, bytes: data.length, error: null, transport };
}

export function* writeFile(ctx: ThreadCtx, f: FdEntry, data: string, via: Via): Io {
  const w = ctx.runtime.wire;
  if (via === 'reg' && data.length > w.messageBytes(1)) {
    return fail(
      fsError(
        'EMSGSIZE',
        `writereg of ${data.length} bytes: one message carries at most ${w.messageBytes(1)} after the offset; use write or writebuf`,
      ),
    );
  }
  const useBuf = via === 'buf' || (via === 'auto' && data.length > w.writeRegBytes);
  const size = useBuf ? w.bufferBytes : w.messageBytes(1);
  const chunks: string[] = [];
  for (let i = 0; i < data.length; i += size) chunks.push(data.slice(i, i + size));
  if (chunks.length === 0) chunks.push('');
  let written = 0;
  let maxWords = 1;
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    const flags = (useBuf ? FLAG.BUF : 0) | (i < chunks.length - 1 ? FLAG.CONT : 0);
    let msg: Api.Message;
    if (useBuf) {
      ctx.runtime.buffers.set(f.region, chunk);
      if (chunk.length > 0) {
        yield* ctx.sys.touch(f.region, { bytes: chunk.length, write: true });
        ctx.runtime.addCopied(ctx.name, chunk.length);
      }
      msg = { label: w.label(MSG.WRITE, flags, chunk.length), words: [f.offset] };
    } else {
      msg = w.message(MSG.WRITE, flags, [f.offset], chunk);
    }
    maxWords = Math.max(maxWords, msg.words!.length);
    const r = yield* ctx.sys.call(f.slot, msg);
    const err = expectReply(w, r, MSG.STATUS, f.slot);
    if (err !== null) return fail(err, transportOf(ctx, useBuf, maxWords));
    if (i === chunks.length - 1) written = r.words[0] ?? 0;
  }
  f.offset += written;
  return { data: '', bytes: written, error: null, transport: transportOf(ctx, useBuf, maxWords) };
}

/** Seek: a zero-length read at the new offset (§4.1), so the server sees and may refuse it. */
export function* seekFile(ctx: ThreadCtx, f: FdEntry, offset: number): Io {
  const w = ctx.runtime.wire;
  if (!Number.isInteger(offset) || offset < 0) {
    return fail(fsError('EINVAL', `seek to ${offset}: offsets are whole numbers from 0`));
  }
  const r = yield* ctx.sys.call(f.slot, { label: w.label(MSG.READ, 0, 0), words: [offset] });
  const err = expectReply(w, r, MSG.DATA, f.slot);
  if (err !== null) return fail(err, 'reg');
  f.offset = offset;
  return { data: '', bytes: 0, error: null, transport: 'reg' };
}

/** Clunk at the server, then drop the cap: the slot is free for the next open. */
export function* clunkFile(ctx: ThreadCtx, f: FdEntry): Io {
  const w = ctx.runtime.wire;
  const r = yield* ctx.sys.call(f.slot, { label: w.label(MSG.CLUNK, 0, 0), words: [] });
  const err = expectReply(w, r, MSG.STATUS, f.slot);
  yield* ctx.sys.cnodeDelete(f.slot);
  return { data: '', bytes: 0, error: err, transport: 'reg' };
}
