// The process server (VFS), an ordinary thread (sel4-reference.md §4.1 architecture notes): it
// waits on its endpoint and tells its callers apart by badge — a process's requests (pid + 1), a
// process's faults (FAULT_BADGE_BASE + pid), reads and writes on the files it serves itself
// (VFS_FILE_BADGE_BASE + handle) — and answers each with one ReplyRecv.
import type * as Api from '../script/ipcscope';
import { contextOf } from './context';
import { fsError } from './errors';
import { namespaceOp } from './nsOps';
import { procHandlers } from './procfs';
import { errorReply } from './replies';
import { handleFault } from './recovery';
import { createServerState, fileRequest } from './serverCore';
import { FAULT_BADGE_BASE, SLOT, VFS_FILE_BADGE_BASE } from './slots';
import type { VfsCtx } from './vfsCtx';
import { fileOp, namesReply } from './vfsOps';
import { decodeLabel, FLAG, MSG } from './wire';

type Gen<T> = Generator<Api.Request, T, unknown>;

function vfsContext(sys: Api.Sys): VfsCtx {
  const ctx = contextOf(sys);
  const world = ctx.runtime.world!;
  const v: VfsCtx = {
    ...ctx,
    image: ctx.rt.tcb.image,
    world,
    files: createServerState(ctx.name, {}),
    pendingNames: new Map(),
    byPid: [],
  };
  for (const p of world.procs.values()) v.byPid[p.pid] = p;
  v.files.handlers = procHandlers(v);
  return v;
}

/** At boot: announce the ports and namespaces of this image (the Namespace view starts here). */
function boot(v: VfsCtx): void {
  const core = v.rt.tcb.affinity;
  for (const p of v.world.ports.values()) {
    if (p.image === v.image)
      v.runtime.emit(core, { type: 'portRegistered', port: p.name, server: p.server });
  }
  for (const p of v.world.procs.values()) {
    if (p.tcb.image === v.image && p.parent === null) v.runtime.emitNamespace(core, p.name);
  }
}

function* request(v: VfsCtx, pid: number, msg: Api.ReceivedMessage): Gen<Api.Message> {
  const w = v.runtime.wire;
  const proc = v.byPid[pid];
  if (proc === undefined)
    return errorReply(w, fsError('EINVAL', `no process with badge ${pid + 1}`));
  const l = decodeLabel(msg.label);
  if ((l.flags & FLAG.CONT) !== 0 && l.type === MSG.V_READDIR) {
    return namesReply(v, pid, v.pendingNames.get(pid) ?? '');
  }
  const r = (yield* fileOp(v, proc, l.type, msg)) ?? (yield* namespaceOp(v, proc, l.type, msg));
  return r ?? errorReply(w, fsError('EINVAL', `request type ${l.type} is not a VFS request`));
}

/** One message: a reply to send, or null when there is nobody to answer (a fault). */
function* dispatch(v: VfsCtx, msg: Api.ReceivedMessage): Gen<Api.Message | null> {
  const b = msg.badge;
  if (b >= VFS_FILE_BADGE_BASE) return yield* fileRequest(v, v.files, b - VFS_FILE_BADGE_BASE, msg);
  if (b >= FAULT_BADGE_BASE) {
    yield* handleFault(v, b - FAULT_BADGE_BASE, msg);
    return null;
  }
  if (b >= 1) return yield* request(v, b - 1, msg);
  return errorReply(v.runtime.wire, fsError('EINVAL', 'unbadged message to the process server'));
}

/** The process server's program (one per kernel image; see setup.ts). */
export function* vfsProgram(sys: Api.Sys): Gen<void> {
  const v = vfsContext(sys);
  boot(v);
  let msg = yield* sys.recv(SLOT.self);
  for (;;) {
    const reply = yield* dispatch(v, msg);
    msg = reply === null ? yield* sys.recv(SLOT.self) : yield* sys.replyRecv(SLOT.self, reply);
  }
}
