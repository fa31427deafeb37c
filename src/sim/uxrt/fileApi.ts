// The client's open files (sel4-reference.md §4.1): open goes through the process server, which
// hands back a badged endpoint cap to the server in this process's receive slot; everything else
// on the descriptor goes straight to the server. Descriptors start at 3, lowest free first.
import type * as Api from '../script/ipcscope';
import type { ThreadCtx } from './context';
import { fsError, type FsError } from './errors';
import { layerMissing, measure, refused, type Outcome } from './measure';
import { SLOT } from './slots';
import {
  clunkFile,
  readFile,
  seekFile,
  writeFile,
  type FdEntry,
  type IoResult,
  type Via,
} from './transport';
import { vfsCall } from './vfsClient';
import { MSG } from './wire';

const FIRST_FD = 3;
export const MODE_CODE: Record<Api.OpenMode, number> = { r: 1, w: 2, rw: 3 };

type FileApi = Pick<
  Api.Sys,
  'open' | 'read' | 'write' | 'readreg' | 'writereg' | 'readbuf' | 'writebuf' | 'seek' | 'close'
>;

export function createFileApi(ctx: ThreadCtx): FileApi {
  const fds = new Map<number, FdEntry>();

  const entry = (fd: number, need: 'r' | 'w' | null): FdEntry | FsError => {
    const f = fds.get(fd);
    if (f === undefined) return fsError('EBADF', `fd ${fd} is not open`);
    if (need === 'r' && f.mode === 'w')
      return fsError('EBADF', `fd ${fd} is open for writing only`);
    if (need === 'w' && f.mode === 'r')
      return fsError('EBADF', `fd ${fd} is open for reading only`);
    return f;
  };

  function* open(path: string, mode: Api.OpenMode): Generator<Api.Request, Outcome<number>> {
    const off = layerMissing(ctx);
    if (off !== null) return refused(-off.code, off);
    if (!(mode in MODE_CODE)) {
      const e = fsError('EINVAL', `open mode ${JSON.stringify(mode)}: use 'r', 'w' or 'rw'`);
      return refused(-e.code, e);
    }
    let fd = FIRST_FD;
    while (fds.has(fd)) fd++;
    const slot = SLOT.fd(fd);
    // The receive slot lives in the IPC buffer (receiveCNode/Index, §1.3): a user-level store.
    const tcb = ctx.rt.tcb;
    const saved = tcb.receiveSlot;
    tcb.receiveSlot = slot;
    const res = yield* vfsCall(ctx, MSG.V_OPEN, [MODE_CODE[mode], fd], path, MSG.OPENED, 2);
    tcb.receiveSlot = saved;
    if (!('reply' in res)) return { value: -res.code, bytes: 0, transport: 'vfs', error: res };
    if (!res.reply.caps.includes(slot)) {
      const e = fsError('EIO', `the process server's reply carried no cap into '${slot}'`);
      return { value: -e.code, bytes: 0, transport: 'vfs', error: e };
    }
    const handle = res.reply.words[0] ?? 0;
    const server = res.text;
    fds.set(fd, {
      fd,
      slot,
      server,
      handle,
      path,
      mode,
      offset: 0,
      messages: ((res.reply.words[1] ?? 0) & 1) !== 0,
      region: `fbuf.${server}.${handle}`,
    });
    return { value: fd, bytes: 0, transport: 'vfs', error: null };
  }

  function* io(
    fd: number,
    need: 'r' | 'w' | null,
    run: (f: FdEntry) => Generator<Api.Request, IoResult, unknown>,
  ): Generator<Api.Request, Outcome<IoResult>> {
    const off = layerMissing(ctx);
    const f = off ?? entry(fd, need);
    if (!('slot' in f)) {
      return refused({ data: '', bytes: 0, error: f, transport: 'none' }, f);
    }
    const r = yield* run(f);
    return { value: r, bytes: r.bytes, transport: r.transport, error: r.error };
  }

  const pathOf = (fd: number): string => fds.get(fd)?.path ?? `fd ${fd}`;
  const asRead = (r: IoResult): Api.ReadResult => ({
    data: r.data,
    bytes: r.bytes,
    ...(r.error !== null ? { error: r.error.toString() } : {}),
  });
  const asCount = (r: IoResult): number => (r.error !== null ? -r.error.code : r.bytes);

  const reader = (op: string, via: Via) =>
    function* (fd: number, bytes: number): Generator<Api.Request, Api.ReadResult, unknown> {
      const body = io(fd, 'r', (f) => readFile(ctx, f, Number(bytes), via));
      return asRead(yield* measure(ctx, op, pathOf(fd), body));
    };
  const writer = (op: string, via: Via) =>
    function* (fd: number, data: string): Generator<Api.Request, number, unknown> {
      const body = io(fd, 'w', (f) => writeFile(ctx, f, String(data), via));
      return asCount(yield* measure(ctx, op, pathOf(fd), body));
    };

  return {
    open: (path, mode = 'r') => measure(ctx, 'open', String(path), open(String(path), mode)),
    read: reader('read', 'auto'),
    readreg: reader('readreg', 'reg'),
    readbuf: reader('readbuf', 'buf'),
    write: writer('write', 'auto'),
    writereg: writer('writereg', 'reg'),
    writebuf: writer('writebuf', 'buf'),
    *seek(fd, offset) {
      const body = io(fd, null, (f) => seekFile(ctx, f, Number(offset)));
      const r = yield* measure(ctx, 'seek', pathOf(fd), body);
      return r.error !== null ? -r.error.code : (fds.get(fd)?.offset ?? 0);
    },
    *close(fd) {
      const path = pathOf(fd);
      const body = io(fd, null, (f) => {
        fds.delete(fd);
        return clunkFile(ctx, f);
      });
      const r = yield* measure(ctx, 'close', path, body);
      return r.error !== null ? -r.error.code : 0;
    },
  };
}
