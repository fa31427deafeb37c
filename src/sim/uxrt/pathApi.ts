// The operations on names, all through the process server (sel4-reference.md §4.1: "no
// intermediary server for read/write-like calls except on directories"): stat, readdir, create,
// remove, and the Plan 9 namespace calls bind, mount, unmount, plus spawn (§4.2 rfork).
import type * as Api from '../script/ipcscope';
import type { ThreadCtx } from './context';
import { fsError, type FsError } from './errors';
import { layerMissing, measure, refused, type Outcome } from './measure';
import { baseOf, cleanPath } from './paths';
import { vfsCall } from './vfsClient';
import { MSG } from './wire';

/** Type codes of a STAT reply. */
export const STAT_TYPES: Api.FileStat['type'][] = ['file', 'file', 'dir', 'port', 'mem'];
export const FLAG_CODE: Record<Api.BindFlag, number> = { replace: 0, before: 1, after: 2 };
export const FLAG_NAMES: Api.BindFlag[] = ['replace', 'before', 'after'];

type PathApi = Pick<
  Api.Sys,
  'stat' | 'readdir' | 'create' | 'remove' | 'bind' | 'mount' | 'unmount' | 'spawn'
>;

type Body<T> = Generator<Api.Request, Outcome<T>, unknown>;

export function createPathApi(ctx: ThreadCtx): PathApi {
  /** One VFS request that answers with a status: 0 or a negative errno. */
  function* status(type: number, header: number[], text: string): Body<number> {
    const off = layerMissing(ctx);
    if (off !== null) return refused(-off.code, off);
    const r = yield* vfsCall(ctx, type, header, text, MSG.STATUS, 1);
    if (!('reply' in r)) return { value: -r.code, bytes: 0, transport: 'vfs', error: r };
    return { value: 0, bytes: 0, transport: 'vfs', error: null };
  }

  function* stat(path: string): Body<Api.FileStat | { error: string }> {
    const off = layerMissing(ctx);
    if (off !== null) return refused({ error: off.toString() }, off);
    const r = yield* vfsCall(ctx, MSG.V_STAT, [], path, MSG.STAT, 2);
    if (!('reply' in r))
      return { value: { error: r.toString() }, bytes: 0, transport: 'vfs', error: r };
    const [server = '', global = ''] = r.text.split('\0');
    const c = cleanPath(path);
    const value: Api.FileStat = {
      name: 'path' in c && c.path !== '/' ? baseOf(c.path) : '/',
      type: STAT_TYPES[r.reply.words[0] ?? 1] ?? 'file',
      size: r.reply.words[1] ?? 0,
      server,
      global,
    };
    return { value, bytes: 0, transport: 'vfs', error: null };
  }

  function* readdir(path: string): Body<string[] | { error: string }> {
    const off = layerMissing(ctx);
    if (off !== null) return refused({ error: off.toString() }, off);
    const r = yield* vfsCall(ctx, MSG.V_READDIR, [], path, MSG.NAMES, 0);
    if (!('reply' in r))
      return { value: { error: r.toString() }, bytes: 0, transport: 'vfs', error: r };
    const names = r.text === '' ? [] : r.text.split('\n');
    return { value: names, bytes: r.text.length, transport: 'vfs', error: null };
  }

  const bindHeader = (flag: Api.BindFlag, create: boolean): number[] | FsError =>
    flag in FLAG_CODE
      ? [FLAG_CODE[flag] + (create ? 4 : 0)]
      : fsError('EINVAL', `flag ${JSON.stringify(flag)}: use 'replace', 'before' or 'after'`);

  function* bindLike(type: number, what: string, old: string, flag: Api.BindFlag, create: boolean) {
    const h = bindHeader(flag, create);
    if (!Array.isArray(h)) return refused(-h.code, h);
    return yield* status(type, h, `${what}\0${old}`);
  }

  const s = (x: unknown): string => String(x);
  return {
    stat: (path) => measure(ctx, 'stat', s(path), stat(s(path))),
    readdir: (path) => measure(ctx, 'readdir', s(path), readdir(s(path))),
    create: (path) => measure(ctx, 'create', s(path), status(MSG.V_CREATE, [], s(path))),
    remove: (path) => measure(ctx, 'remove', s(path), status(MSG.V_REMOVE, [], s(path))),
    bind: (name, old, flag = 'replace', create = false) =>
      measure(ctx, 'bind', s(old), bindLike(MSG.V_BIND, s(name), s(old), flag, create)),
    mount: (port, old, flag = 'replace', create = false) =>
      measure(ctx, 'mount', s(old), bindLike(MSG.V_MOUNT, s(port), s(old), flag, create)),
    unmount: (name, old) =>
      measure(
        ctx,
        'unmount',
        s(old),
        status(MSG.V_UNMOUNT, [name === null ? 0 : 1], `${name ?? ''}\0${s(old)}`),
      ),
    spawn: (child) => measure(ctx, 'spawn', s(child), status(MSG.V_SPAWN, [], s(child))),
  };
}
