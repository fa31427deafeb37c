// Answering one request at a file server (sel4-reference.md §4.1): the port protocol from the
// process server (badge 0: open, stat, readdir, create, remove, 9P-like) and the transport on
// open files (badge = the server's handle: read, write, clunk). Data arrives in registers or in
// the file's shared buffer; when the handlers want the other form the copy is made here.
import type * as Api from '../script/ipcscope';
import type { ThreadCtx } from './context';
import { fsError, parseHandlerError, type FsError } from './errors';
import { errorReply, statusReply } from './replies';
import { decodeLabel, FLAG, MSG } from './wire';

export interface OpenFile {
  path: string;
  /** 1 read, 2 write, 3 both. */
  mode: number;
  client: string;
  /** The rest of a reply too long for one message, sent on the client's CONT reads. */
  pendingRead: string | null;
  /** An oversize write being gathered from CONT messages. */
  pendingWrite: { offset: number; data: string } | null;
}

export interface ServerState {
  /** Port name (or process server name): names the shared buffers. */
  name: string;
  handlers: Api.FileServer;
  files: Map<number, OpenFile>;
  nextHandle: number;
  /** The rest of a directory listing for the process server's CONT request. */
  pendingNames: string | null;
}

export type Gen<T> = Generator<Api.Request, T, unknown>;
export type Stat = { type: 'file' | 'dir'; size: number; readOnly?: boolean };

export function createServerState(name: string, handlers: Api.FileServer): ServerState {
  return { name, handlers, files: new Map(), nextHandle: 1, pendingNames: null };
}

function isOp(x: unknown): x is Generator<Api.Request, unknown, unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const g = x as { next?: unknown; [Symbol.iterator]?: unknown };
  return typeof g.next === 'function' && typeof g[Symbol.iterator] === 'function';
}

/** A handler's answer: run it if it is an Op, and turn `{ error }` into an FsError. */
export function* settle<T>(x: Api.FileResult<T> | undefined, missing: FsError): Gen<T | FsError> {
  if (x === undefined) return missing;
  const v: unknown = isOp(x) ? yield* x : x;
  if (typeof v === 'object' && v !== null && 'error' in v) {
    return parseHandlerError(String(v.error));
  }
  return v as T;
}

export function statOf(h: Api.FileServer, path: string): Stat | null {
  if (h.stat !== undefined) return h.stat(path);
  if (path === '/') return { type: 'dir', size: 0 };
  return Array.isArray(h.readdir?.(path)) ? { type: 'dir', size: 0 } : { type: 'file', size: 0 };
}

function* work(ctx: ThreadCtx, h: Api.FileServer): Gen<void> {
  if (h.work !== undefined && h.work > 0) yield* ctx.sys.compute(h.work);
}

/** Open after the process server found the name here: allocate a handle (the fd cap's badge). */
export function* openHere(
  st: ServerState,
  path: string,
  mode: number,
  client: string,
): Gen<number | FsError> {
  const h = st.handlers;
  const s = statOf(h, path);
  if (s === null) return fsError('ENOENT', `'${path}' on '${st.name}'`);
  if (s.type === 'dir')
    return fsError('EISDIR', `'${path}' on '${st.name}' is a directory: use readdir`);
  if ((mode & 2) !== 0 && (s.readOnly === true || h.write === undefined)) {
    return fsError('EACCES', `'${path}' on '${st.name}' is read-only`);
  }
  if ((mode & 1) !== 0 && h.read === undefined) {
    return fsError('EACCES', `'${path}' on '${st.name}' is write-only`);
  }
  if (h.open !== undefined) {
    const names: Api.OpenMode[] = ['r', 'r', 'w', 'rw'];
    const r = yield* settle<true>(h.open(path, names[mode] ?? 'r', client), fsError('EIO'));
    if (typeof r === 'object') return r;
  }
  const handle = st.nextHandle++;
  st.files.set(handle, { path, mode, client, pendingRead: null, pendingWrite: null });
  return handle;
}

function namesReply(ctx: ThreadCtx, st: ServerState, names: string): Api.Message {
  const w = ctx.runtime.wire;
  const cap = w.messageBytes(0);
  st.pendingNames = names.length > cap ? names.slice(cap) : null;
  return w.message(MSG.NAMES, st.pendingNames !== null ? FLAG.CONT : 0, [], names.slice(0, cap));
}

/** A request from the process server on the unbadged port cap. */
export function* portRequest(
  ctx: ThreadCtx,
  st: ServerState,
  msg: Api.ReceivedMessage,
): Gen<Api.Message> {
  const w = ctx.runtime.wire;
  const h = st.handlers;
  const l = decodeLabel(msg.label);
  const text = w.text(msg, l.type === MSG.P_OPEN ? 1 : 0);
  const fail = (e: FsError): Api.Message => errorReply(w, e);
  yield* work(ctx, h);
  switch (l.type) {
    case MSG.P_OPEN: {
      const [path = '/', client = ''] = text.split('\0');
      const r = yield* openHere(st, path, msg.words[0] ?? 1, client);
      if (typeof r !== 'number') return fail(r);
      return w.message(MSG.OPENED, 0, [r, h.messages === true ? 1 : 0]);
    }
    case MSG.P_STAT: {
      const s = statOf(h, text);
      if (s === null) return fail(fsError('ENOENT', `'${text}' on '${st.name}'`));
      return w.message(MSG.STAT, 0, [s.type === 'dir' ? 2 : 1, s.size]);
    }
    case MSG.P_READDIR: {
      if ((l.flags & FLAG.CONT) !== 0) return namesReply(ctx, st, st.pendingNames ?? '');
      const names = h.readdir?.(text) ?? null;
      if (names === null) {
        const s = statOf(h, text);
        if (s === null) return fail(fsError('ENOENT', `'${text}' on '${st.name}'`));
        if (s.type !== 'dir') return fail(fsError('ENOTDIR', `'${text}' on '${st.name}'`));
      }
      return namesReply(ctx, st, (names ?? []).join('\n'));
    }
    case MSG.P_CREATE:
    case MSG.P_REMOVE: {
      const create = l.type === MSG.P_CREATE;
      const f = create ? h.create?.(text) : h.remove?.(text);
      const verb = create ? 'create' : 'remove';
      const r = yield* settle<boolean>(f, fsError('EACCES', `'${st.name}' does not ${verb} files`));
      if (typeof r === 'object') return fail(r);
      if (!r) return fail(fsError(create ? 'EEXIST' : 'ENOENT', `'${text}' on '${st.name}'`));
      return statusReply(w, 0);
    }
    default:
      return fail(fsError('EINVAL', `port request type ${l.type} is not known`));
  }
}

/** Take the data of a WRITE: from registers or the shared buffer, converting for the handlers. */
function* incoming(
  ctx: ThreadCtx,
  st: ServerState,
  region: string,
  msg: Api.ReceivedMessage,
): Gen<string> {
  const l = decodeLabel(msg.label);
  const api = st.handlers.api ?? 'unix';
  if ((l.flags & FLAG.BUF) !== 0) {
    const data = (ctx.runtime.buffers.get(region) ?? '').slice(0, l.length);
    if (data.length > 0) {
      yield* ctx.sys.touch(region, { bytes: data.length, write: false });
      ctx.runtime.addCopied(ctx.name, data.length);
    }
    return data;
  }
  const data = ctx.runtime.wire.unpack(msg.words.slice(1), l.length);
  if (api === 'buf' && data.length > 0) {
    // A buffer-API server reads its data from the buffer: the registers are copied there first.
    ctx.runtime.buffers.set(region, data);
    yield* ctx.sys.touch(region, { bytes: data.length, write: true });
    ctx.runtime.addCopied(ctx.name, data.length);
  }
  return data;
}

/** Send read data back: in registers or through the shared buffer, as the client asked. */
function* outgoing(
  ctx: ThreadCtx,
  st: ServerState,
  f: OpenFile,
  region: string,
  data: string,
  flags: number,
): Gen<Api.Message> {
  const w = ctx.runtime.wire;
  const buf = (flags & FLAG.BUF) !== 0;
  const cap = buf ? w.bufferBytes : w.messageBytes(0);
  const chunk = data.slice(0, cap);
  f.pendingRead = data.length > cap ? data.slice(cap) : null;
  const out = flags | (f.pendingRead !== null ? FLAG.CONT : 0);
  if (buf) {
    ctx.runtime.buffers.set(region, chunk);
    if (chunk.length > 0) {
      yield* ctx.sys.touch(region, { bytes: chunk.length, write: true });
      ctx.runtime.addCopied(ctx.name, chunk.length);
    }
    return { label: w.label(MSG.DATA, out, chunk.length), words: [] };
  }
  if ((st.handlers.api ?? 'unix') === 'buf' && chunk.length > 0) {
    // A buffer-API server wrote its answer into the buffer: copy it into the registers.
    yield* ctx.sys.touch(region, { bytes: chunk.length, write: false });
    ctx.runtime.addCopied(ctx.name, chunk.length);
  }
  return w.message(MSG.DATA, out, [], chunk);
}

/** A read, write or clunk on the open file with this handle (the badge of the client's cap). */
export function* fileRequest(
  ctx: ThreadCtx,
  st: ServerState,
  handle: number,
  msg: Api.ReceivedMessage,
): Gen<Api.Message> {
  const w = ctx.runtime.wire;
  const h = st.handlers;
  const fail = (e: FsError): Api.Message => errorReply(w, e);
  const f = st.files.get(handle);
  if (f === undefined) return fail(fsError('EBADF', `no open file ${handle} at '${st.name}'`));
  const region = `fbuf.${st.name}.${handle}`;
  const l = decodeLabel(msg.label);
  switch (l.type) {
    case MSG.READ: {
      const want = l.flags & FLAG.BUF;
      if ((l.flags & FLAG.CONT) !== 0)
        return yield* outgoing(ctx, st, f, region, f.pendingRead ?? '', want);
      if (l.length === 0) return w.message(MSG.DATA, 0, []); // seek: a zero-length read
      if ((f.mode & 1) === 0)
        return fail(fsError('EBADF', `'${f.path}' was opened for writing only`));
      yield* work(ctx, h);
      const off = msg.words[0] ?? 0;
      const r = yield* settle<string>(
        h.read?.(f.path, off, l.length, f.client),
        fsError('EACCES', `'${f.path}' cannot be read`),
      );
      if (typeof r === 'object') return fail(r);
      let data = String(r);
      let trunc = 0;
      if (data.length > l.length) {
        if (h.messages === true) trunc = FLAG.TRUNC;
        data = data.slice(0, l.length);
      }
      return yield* outgoing(ctx, st, f, region, data, want | trunc);
    }
    case MSG.WRITE: {
      if ((f.mode & 2) === 0)
        return fail(fsError('EBADF', `'${f.path}' was opened for reading only`));
      const data = yield* incoming(ctx, st, region, msg);
      const p = f.pendingWrite;
      const offset = p?.offset ?? msg.words[0] ?? 0;
      if ((l.flags & FLAG.CONT) !== 0) {
        f.pendingWrite = { offset, data: (p?.data ?? '') + data };
        return statusReply(w, 0);
      }
      f.pendingWrite = null;
      yield* work(ctx, h);
      const all = (p?.data ?? '') + data;
      const r = yield* settle<number>(
        h.write?.(f.path, offset, all, f.client),
        fsError('EACCES', `'${f.path}' cannot be written`),
      );
      if (typeof r === 'object') return fail(r);
      return statusReply(w, Number(r));
    }
    case MSG.CLUNK:
      h.clunk?.(f.path, f.client);
      st.files.delete(handle);
      return statusReply(w, 0);
    default:
      return fail(fsError('EINVAL', `file request type ${l.type} is not known`));
  }
}
