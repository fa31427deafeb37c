// The process server's namespace operations (sel4-reference.md §4.2; 9front bind(2), fork(2)):
// bind and mount with replace/before/after and the create flag, evaluated when made; unmount;
// and spawn, which gives a child a copy of its parent's namespace or the same one.
import type * as Api from '../script/ipcscope';
import { fsError, FsError } from './errors';
import type { Member } from './namespace';
import { cleanPath, type CleanPath } from './paths';
import { FLAG_NAMES } from './pathApi';
import { errorReply, statusReply } from './replies';
import { firstExisting, isDirCode } from './resolve';
import type { UxrtProc } from './uxrtWorld';
import { SLOT } from './slots';
import type { VfsCtx } from './vfsCtx';
import { nsOf } from './vfsOps';
import { MSG } from './wire';

type Gen<T> = Generator<Api.Request, T, unknown>;

interface Side {
  members: string[];
  dir: boolean;
}

/** What `name` names now: a whole union if it is a mount point, else its first existing member. */
function* sideOf(v: VfsCtx, proc: UxrtProc, path: CleanPath): Gen<Side | FsError> {
  const ns = nsOf(v, proc);
  const m = ns.mounts.get(path.path);
  if (m !== undefined) return { members: m.members.map((x) => x.target), dir: true };
  const n = yield* firstExisting(v, path, ns.candidates(path));
  if (n instanceof FsError) return n;
  return { members: [n.target], dir: isDirCode(n.code) };
}

function announce(v: VfsCtx, proc: UxrtProc): void {
  for (const p of v.runtime.sharers(proc.name)) v.runtime.emitNamespace(v.rt.tcb.affinity, p);
}

function* bindOp(
  v: VfsCtx,
  proc: UxrtProc,
  msg: Api.ReceivedMessage,
  mount: boolean,
): Gen<FsError | null> {
  const h = msg.words[0] ?? 0;
  const flag = FLAG_NAMES[h & 3] ?? 'replace';
  const create = (h & 4) !== 0;
  const [what = '', oldRaw = ''] = v.runtime.wire.text(msg, 1).split('\0');
  const old = cleanPath(oldRaw);
  if (!('path' in old)) return old;
  let fresh: Side;
  if (mount) {
    const port = v.world.ports.get(what);
    if (port === undefined) return fsError('ENOENT', `no port '${what}' in /srv`);
    const dead = v.runtime.deadPorts.get(what);
    if (dead !== undefined) return fsError('EPIPE', `the server of '${what}' is gone: ${dead}`);
    fresh = { members: [`/srv/${what}`], dir: true };
  } else {
    const name = cleanPath(what);
    if (!('path' in name)) return name;
    const s = yield* sideOf(v, proc, name);
    if (!('dir' in s)) return s;
    fresh = s;
  }
  const target = yield* sideOf(v, proc, old);
  if (!('dir' in target)) return target;
  if (flag !== 'replace' && !(fresh.dir && target.dir)) {
    return fsError(
      'ENOTDIR',
      `a union ('${flag}') needs two directories: '${what}' and '${old.path}'`,
    );
  }
  if (flag === 'replace' && fresh.dir !== target.dir) {
    return fresh.dir
      ? fsError('ENOTDIR', `'${old.path}' is a file; '${what}' is a directory`)
      : fsError('EISDIR', `'${old.path}' is a directory; '${what}' is a file`);
  }
  const ns = nsOf(v, proc);
  const underlying = ns.mounts.has(old.path) ? null : (target.members[0] ?? null);
  const members: Member[] = fresh.members.map((t) => ({ target: t, create }));
  ns.bind(old.path, members, flag, underlying);
  announce(v, proc);
  return null;
}

function unmountOp(v: VfsCtx, proc: UxrtProc, msg: Api.ReceivedMessage): FsError | null {
  const [what = '', oldRaw = ''] = v.runtime.wire.text(msg, 1).split('\0');
  const old = cleanPath(oldRaw);
  if (!('path' in old)) return old;
  const ns = nsOf(v, proc);
  let targets: string[] | null = null;
  if ((msg.words[0] ?? 0) !== 0) {
    const name = cleanPath(what);
    if (!('path' in name)) return name;
    const m = ns.mounts.get(name.path);
    targets =
      m !== undefined ? m.members.map((x) => x.target) : ns.candidates(name).map((c) => c.target);
  }
  const e = ns.unmount(old.path, targets);
  if (e === null) announce(v, proc);
  return e;
}

function* spawnOp(v: VfsCtx, proc: UxrtProc, child: string): Gen<FsError | null> {
  const c = v.world.procs.get(child);
  if (c === undefined) return fsError('ENOENT', `no process '${child}'`);
  if (c.parent !== proc.name) {
    return fsError(
      'EACCES',
      `'${child}' is declared with parent '${c.parent ?? 'none'}', not '${proc.name}'`,
    );
  }
  if (v.runtime.spawned.has(child)) return fsError('EINVAL', `'${child}' was already spawned`);
  if (c.tcb.image !== v.image) return fsError('EXDEV', `'${child}' runs in another kernel image`);
  // §4.2: rfork(RFNAMEG) copies the namespace; without it parent and child share one.
  const ns = nsOf(v, proc);
  v.runtime.namespaces.set(child, c.shareNamespace ? ns : ns.clone());
  v.runtime.spawned.add(child);
  v.runtime.emitNamespace(v.rt.tcb.affinity, child);
  yield* v.sys.tcbResume(SLOT.tcb(child));
  return null;
}

/** The namespace requests by type; null when the type is not one of them. */
export function* namespaceOp(
  v: VfsCtx,
  proc: UxrtProc,
  type: number,
  msg: Api.ReceivedMessage,
): Gen<Api.Message | null> {
  const w = v.runtime.wire;
  let e: FsError | null;
  switch (type) {
    case MSG.V_BIND:
    case MSG.V_MOUNT:
      e = yield* bindOp(v, proc, msg, type === MSG.V_MOUNT);
      break;
    case MSG.V_UNMOUNT:
      e = unmountOp(v, proc, msg);
      break;
    case MSG.V_SPAWN:
      e = yield* spawnOp(v, proc, w.text(msg, 0));
      break;
    default:
      return null;
  }
  return e === null ? statusReply(w, 0) : errorReply(w, e);
}
