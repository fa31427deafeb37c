// The process server's file operations (sel4-reference.md §4.1 "VFS layer ... over a permanently
// open descriptor"; §4.2 unions): open, stat, readdir, create, remove, resolved in the calling
// process's namespace. Open ends with CNode_Mint of a badged cap to the serving process, handed
// to the client with the reply (cap transfer, §1.3): later reads and writes bypass the VFS.
import type * as Api from '../script/ipcscope';
import { fsError, FsError } from './errors';
import { cleanPath, joinParts } from './paths';
import { firstExisting, isDirCode, listAt, portCall, route } from './resolve';
import { errorReply, statusReply } from './replies';
import { openHere } from './serverCore';
import type { UxrtProc } from './uxrtWorld';
import { SLOT, VFS_FILE_BADGE_BASE } from './slots';
import type { VfsCtx } from './vfsCtx';
import { FLAG, MSG } from './wire';

type Gen<T> = Generator<Api.Request, T, unknown>;

export function nsOf(v: VfsCtx, proc: UxrtProc) {
  return v.runtime.namespaces.get(proc.name)!;
}

function* openOp(v: VfsCtx, proc: UxrtProc, raw: string, mode: number): Gen<Api.Message | FsError> {
  const w = v.runtime.wire;
  const path = cleanPath(raw);
  if (!('path' in path)) return path;
  const cands = nsOf(v, proc).candidates(path);
  if (path.dirOnly) {
    const n = yield* firstExisting(v, path, cands);
    return !(n instanceof FsError)
      ? fsError('EISDIR', `'${path.path}' is a directory: use readdir`)
      : n;
  }
  for (const c of cands) {
    const place = route(c.target);
    let server: string;
    let handle: number;
    let flags = 0;
    if (place.kind === 'vfs') {
      const r = yield* openHere(v.files, place.path, mode, proc.name);
      if (typeof r !== 'number') {
        if (r.name === 'ENOENT') continue;
        return r;
      }
      server = v.name;
      handle = r;
    } else {
      const r = yield* portCall(
        v,
        place.port,
        MSG.P_OPEN,
        [mode],
        `${place.path}\0${proc.name}`,
        MSG.OPENED,
        2,
      );
      if (!('reply' in r)) {
        if (r.name === 'ENOENT') continue;
        return r;
      }
      server = place.port;
      handle = r.reply.words[0] ?? 0;
      flags = r.reply.words[1] ?? 0;
    }
    const mine = SLOT.file(server, handle);
    const src = place.kind === 'vfs' ? SLOT.self : SLOT.srv(place.port);
    const badge = place.kind === 'vfs' ? VFS_FILE_BADGE_BASE + handle : handle;
    // Write and GrantReply: enough to Call the server, nothing more (§1.3).
    const rights = { write: true, grantReply: true };
    const m = yield* v.sys.cnodeMint(src, mine, { rights, badge });
    if (m.error !== undefined) return fsError('EIO', `CNode_Mint failed: ${m.error}`);
    return w.message(MSG.OPENED, 0, [handle, flags], server, [mine]);
  }
  const tried = cands.length > 1 ? ` (looked in ${cands.map((c) => c.target).join(', ')})` : '';
  return fsError('ENOENT', `'${path.path}'${tried}`);
}

function* statOp(v: VfsCtx, proc: UxrtProc, raw: string): Gen<Api.Message | FsError> {
  const path = cleanPath(raw);
  if (!('path' in path)) return path;
  const n = yield* firstExisting(v, path, nsOf(v, proc).candidates(path));
  if (n instanceof FsError) return n;
  return v.runtime.wire.message(MSG.STAT, 0, [n.code, n.size], `${n.server}\0${n.target}`);
}

export function namesReply(v: VfsCtx, pid: number, names: string): Api.Message {
  const w = v.runtime.wire;
  const cap = w.messageBytes(0);
  if (names.length > cap) v.pendingNames.set(pid, names.slice(cap));
  else v.pendingNames.delete(pid);
  return w.message(MSG.NAMES, names.length > cap ? FLAG.CONT : 0, [], names.slice(0, cap));
}

function* readdirOp(v: VfsCtx, proc: UxrtProc, raw: string): Gen<Api.Message | FsError> {
  const path = cleanPath(raw);
  if (!('path' in path)) return path;
  const cands = nsOf(v, proc).candidates(path);
  const union = cands.length > 1 && cands[0]!.atMount;
  const seen = new Set<string>();
  let found = false;
  for (const c of cands) {
    const names = yield* listAt(v, c.target);
    if (!Array.isArray(names)) {
      if (names.name === 'ENOENT' || (union && names.name === 'ENOTDIR')) continue;
      return names;
    }
    found = true;
    for (const n of names) seen.add(n);
    // Below a mount point the first member holding the name wins; at one, all members list.
    if (!union) break;
  }
  if (!found) return fsError('ENOENT', `'${path.path}'`);
  return namesReply(v, proc.pid, [...seen].join('\n'));
}

function* createOp(v: VfsCtx, proc: UxrtProc, raw: string): Gen<Api.Message | FsError> {
  const path = cleanPath(raw);
  if (!('path' in path)) return path;
  if (path.parts.length === 0) return fsError('EEXIST', "'/'");
  const name = path.parts[path.parts.length - 1]!;
  const parent = cleanPath(joinParts(path.parts.slice(0, -1)));
  if (!('path' in parent)) return parent;
  const cands = nsOf(v, proc).candidates(parent);
  let dir: string;
  if (cands[0]!.atMount && parent.path !== '/') {
    // §4.2 MCREATE: the first member bound with the create flag receives the file.
    const c = cands.find((x) => x.create);
    if (c === undefined) {
      return fsError(
        'EACCES',
        `no member of the union at '${parent.path}' was bound with the create flag`,
      );
    }
    dir = c.target;
  } else {
    const n = yield* firstExisting(v, parent, cands);
    if (n instanceof FsError) return n;
    if (!isDirCode(n.code)) return fsError('ENOTDIR', `'${parent.path}'`);
    dir = n.target;
  }
  const place = route(dir === '/' ? `/${name}` : `${dir}/${name}`);
  if (place.kind === 'vfs') {
    return fsError(
      'EACCES',
      `'${dir}' is the process server's: bind a server's directory there to create files`,
    );
  }
  const r = yield* portCall(v, place.port, MSG.P_CREATE, [], place.path, MSG.STATUS, 1);
  return 'reply' in r ? statusReply(v.runtime.wire, 0) : r;
}

function* removeOp(v: VfsCtx, proc: UxrtProc, raw: string): Gen<Api.Message | FsError> {
  const path = cleanPath(raw);
  if (!('path' in path)) return path;
  const n = yield* firstExisting(v, path, nsOf(v, proc).candidates(path));
  if (n instanceof FsError) return n;
  const place = route(n.target);
  if (place.kind === 'vfs')
    return fsError('EACCES', `'${path.path}' belongs to the process server`);
  const r = yield* portCall(v, place.port, MSG.P_REMOVE, [], place.path, MSG.STATUS, 1);
  return 'reply' in r ? statusReply(v.runtime.wire, 0) : r;
}

/** The file operations by request type; null when the type is not one of them. */
export function* fileOp(
  v: VfsCtx,
  proc: UxrtProc,
  type: number,
  msg: Api.ReceivedMessage,
): Gen<Api.Message | null> {
  const w = v.runtime.wire;
  let r: Api.Message | FsError;
  switch (type) {
    case MSG.V_OPEN:
      r = yield* openOp(v, proc, w.text(msg, 2), msg.words[0] ?? 1);
      break;
    case MSG.V_STAT:
      r = yield* statOp(v, proc, w.text(msg, 0));
      break;
    case MSG.V_READDIR:
      r = yield* readdirOp(v, proc, w.text(msg, 0));
      break;
    case MSG.V_CREATE:
      r = yield* createOp(v, proc, w.text(msg, 0));
      break;
    case MSG.V_REMOVE:
      r = yield* removeOp(v, proc, w.text(msg, 0));
      break;
    default:
      return null;
  }
  return r instanceof FsError ? errorReply(w, r) : r;
}
