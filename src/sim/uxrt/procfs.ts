// The process server's own tree (sel4-reference.md §4.1: "all process memory is presented as
// files"; §4.2 /srv): '/' with empty directories to bind onto, /srv listing the ports, and
// /proc/<name>/{mem,ns,ctl}: the process's memory (readable and writable), its namespace in
// Plan 9's ns format, and a control file that takes 'kill'. Served like any file server.
import type * as Api from '../script/ipcscope';
import { fsError } from './errors';
import { takeDown } from './recovery';
import { MEM_BYTES } from './runtime';
import type { VfsCtx } from './vfsCtx';

export const ROOT_DIRS = ['bin', 'dev', 'env', 'mnt', 'n', 'proc', 'srv', 'tmp'];
const PROC_FILES = ['ctl', 'mem', 'ns'];

/** Type codes as STAT replies carry them: 1 file, 2 dir, 3 port, 4 mem. */
export interface ProcNode {
  code: number;
  size: number;
  readOnly: boolean;
}

function split(path: string): string[] {
  return path.split('/').filter((x) => x !== '');
}

export function procNode(v: VfsCtx, path: string): ProcNode | null {
  const p = split(path);
  const dir: ProcNode = { code: 2, size: 0, readOnly: true };
  if (p.length === 0) return dir;
  if (p.length === 1) return ROOT_DIRS.includes(p[0]!) ? dir : null;
  if (p[0] !== 'proc' || !v.world.procs.has(p[1]!)) return null;
  if (p.length === 2) return dir;
  if (p.length > 3) return null;
  switch (p[2]) {
    case 'mem':
      return { code: 4, size: MEM_BYTES, readOnly: false };
    case 'ns':
      return { code: 1, size: v.runtime.namespaces.get(p[1]!)?.text().length ?? 0, readOnly: true };
    case 'ctl':
      return { code: 1, size: 0, readOnly: false };
    default:
      return null;
  }
}

export function procList(v: VfsCtx, path: string): string[] | null {
  const p = split(path);
  if (p.length === 0) return [...ROOT_DIRS];
  if (p.length === 1 && p[0] === 'srv') {
    return [...v.world.ports.keys()].filter((x) => !v.runtime.deadPorts.has(x));
  }
  if (p.length === 1 && p[0] === 'proc') return [...v.world.procs.keys()];
  if (p.length === 2 && p[0] === 'proc' && v.world.procs.has(p[1]!)) return [...PROC_FILES];
  return procNode(v, path)?.code === 2 ? [] : null;
}

export function procHandlers(v: VfsCtx): Api.FileServer {
  const target = (path: string): [string, string] => {
    const p = split(path);
    return [p[1] ?? '', p[2] ?? ''];
  };
  return {
    stat(path) {
      const n = procNode(v, path);
      if (n === null) return null;
      return { type: n.code === 2 ? 'dir' : 'file', size: n.size, readOnly: n.readOnly };
    },
    readdir: (path) => procList(v, path),
    read(path, offset, bytes) {
      const [name, file] = target(path);
      if (file === 'ns')
        return (v.runtime.namespaces.get(name)?.text() ?? '').slice(offset, offset + bytes);
      if (file !== 'mem') return '';
      const data = v.runtime.mem(name).slice(offset, offset + bytes);
      return (function* () {
        // The process server copies the process's memory: its lines come from the owner's core.
        if (data.length > 0)
          yield* v.sys.touch(`mem.${name}`, { offset, bytes: data.length, write: false });
        return data;
      })();
    },
    write(path, offset, data, client) {
      const [name, file] = target(path);
      if (file === 'ctl') {
        if (data.trim() !== 'kill') return { error: `EINVAL: ${path} takes 'kill'` };
        return (function* () {
          const e = yield* takeDown(v, name, `killed by '${client}'`);
          return e === null ? data.length : { error: e.toString() };
        })();
      }
      if (file !== 'mem') return { error: fsError('EACCES', `${path} is read-only`).toString() };
      const mem = v.runtime.mem(name);
      const n = Math.max(0, Math.min(data.length, MEM_BYTES - offset));
      v.runtime.setMem(name, mem.slice(0, offset) + data.slice(0, n) + mem.slice(offset + n));
      return (function* () {
        if (n > 0) yield* v.sys.touch(`mem.${name}`, { offset, bytes: n, write: true });
        return n;
      })();
    },
  };
}
