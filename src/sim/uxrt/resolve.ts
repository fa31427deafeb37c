// Turning names into places for the process server (sel4-reference.md §4.2): a global path under
// /srv/<port> belongs to that port's server, anything else to the process server's own tree.
// Looking at a server's files costs an IPC hop to it (a Call on its unbadged port cap); the
// process server's own tree costs none.
import type * as Api from '../script/ipcscope';
import { MSG_MAX_LENGTH } from '../kernel/transfer';
import { fsError, FsError } from './errors';
import type { Candidate } from './namespace';
import type { CleanPath } from './paths';
import { joinParts } from './paths';
import { procList, procNode, type ProcNode } from './procfs';
import { markDead } from './recovery';
import { expectReply } from './replies';
import { SLOT } from './slots';
import type { VfsCtx } from './vfsCtx';
import { decodeLabel, FLAG, MSG, wordsFor } from './wire';

type Gen<T> = Generator<Api.Request, T, unknown>;

export interface Place {
  kind: 'vfs' | 'port';
  /** Port name (kind 'port'). */
  port: string;
  /** Path inside the place's tree. */
  path: string;
}

export function route(global: string): Place {
  const p = global.split('/').filter((x) => x !== '');
  if (p[0] === 'srv' && p.length >= 2)
    return { kind: 'port', port: p[1]!, path: joinParts(p.slice(2)) };
  return { kind: 'vfs', port: '', path: global };
}

export interface Node extends ProcNode {
  /** The process serving it. */
  server: string;
  target: string;
}

/** One request to a port's server; long NAMES replies are gathered part by part. */
export function* portCall(
  v: VfsCtx,
  port: string,
  type: number,
  header: number[],
  text: string,
  replyType: number,
  replyHeader: number,
): Gen<{ reply: Api.ReceivedMessage; text: string } | FsError> {
  const w = v.runtime.wire;
  const p = v.world.ports.get(port);
  if (p === undefined) return fsError('ENOENT', `no port '${port}' in /srv`);
  const dead = v.runtime.deadPorts.get(port);
  if (dead !== undefined) return fsError('EPIPE', `the server of '${port}' is gone: ${dead}`);
  if (p.image !== v.image) {
    return fsError(
      'EXDEV',
      `port '${port}' is served in kernel image ${p.image}, this process runs in image ${v.image}: caps mean nothing across kernel images`,
    );
  }
  if (wordsFor(w, header.length, text.length) > MSG_MAX_LENGTH) {
    return fsError('ENAMETOOLONG', `the path does not fit in one message to '${port}'`);
  }
  const slot = SLOT.srv(port);
  let r = yield* v.sys.call(slot, w.message(type, 0, header, text));
  let err = expectReply(w, r, replyType, slot);
  if (err !== null) {
    // The server's thread answers EPIPE once it is gone (serve.ts): now the process server knows.
    if (err.name === 'EPIPE')
      markDead(v, port, err.detail.replace(`the server of '${port}' is gone: `, ''));
    return err;
  }
  const first = r;
  let all = w.text(r, replyHeader);
  while ((decodeLabel(r.label).flags & FLAG.CONT) !== 0) {
    r = yield* v.sys.call(slot, w.message(type, FLAG.CONT, [], ''));
    err = expectReply(w, r, replyType, slot);
    if (err !== null) return err;
    all += w.text(r, 0);
  }
  return { reply: first, text: all };
}

/** Stat a global path. */
export function* nodeAt(v: VfsCtx, target: string): Gen<Node | FsError> {
  const place = route(target);
  if (place.kind === 'vfs') {
    const n = procNode(v, place.path);
    return n === null ? fsError('ENOENT', `'${target}'`) : { ...n, server: v.name, target };
  }
  const r = yield* portCall(v, place.port, MSG.P_STAT, [], place.path, MSG.STAT, 2);
  if (!('reply' in r)) return r;
  const code = place.path === '/' ? 3 : (r.reply.words[0] ?? 1);
  const server = v.world.ports.get(place.port)!.server;
  return { code, size: r.reply.words[1] ?? 0, readOnly: false, server, target };
}

export const isDirCode = (code: number): boolean => code === 2 || code === 3;

/** The first union member under which the name exists (§4.2: unions are searched in order). */
export function* firstExisting(
  v: VfsCtx,
  path: CleanPath,
  cands: Candidate[],
): Gen<Node | FsError> {
  for (const c of cands) {
    const n = yield* nodeAt(v, c.target);
    if (!(n instanceof FsError)) {
      if (path.dirOnly && !isDirCode(n.code)) return fsError('ENOTDIR', `'${path.path}' is a file`);
      return n;
    }
    if (n.name !== 'ENOENT') return n;
  }
  const tried = cands.length > 1 ? ` (looked in ${cands.map((c) => c.target).join(', ')})` : '';
  return fsError('ENOENT', `'${path.path}'${tried}`);
}

/** List a directory given by a global path. */
export function* listAt(v: VfsCtx, target: string): Gen<string[] | FsError> {
  const place = route(target);
  if (place.kind === 'vfs') {
    const names = procList(v, place.path);
    if (names !== null) return names;
    return procNode(v, place.path) === null
      ? fsError('ENOENT', `'${target}'`)
      : fsError('ENOTDIR', `'${target}'`);
  }
  const r = yield* portCall(v, place.port, MSG.P_READDIR, [], place.path, MSG.NAMES, 0);
  if (!('reply' in r)) return r;
  return r.text === '' ? [] : r.text.split('\n');
}
