// A per-process Plan 9 namespace (sel4-reference.md §4.2; 9front bind(2)): a mount table from
// paths in the process's view to unions of paths in the global namespace (UX/RT builds per-process
// namespaces only from bindings of the global one). Simplified: the table is keyed by path, not by
// channel, so a directory bound elsewhere does not carry the mounts beneath it.
import type * as Api from '../script/ipcscope';
import { fsError, type FsError } from './errors';
import { isPrefix, joinPath, type CleanPath } from './paths';

export interface Member {
  /** A clean path in the global namespace ('/srv/ramfs/bin'). */
  target: string;
  /** MCREATE: files created in the union go to the first member that has it. */
  create: boolean;
}

export interface Mount {
  path: string;
  /** Union members, searched in order. */
  members: Member[];
  /** The flag of the last bind or mount here. */
  flag: Api.BindFlag;
}

/** One union member and the tail still to walk below it. */
export interface Candidate {
  target: string;
  create: boolean;
  /** The path reached exactly a mount point (a union directory, not a file below one). */
  atMount: boolean;
}

export interface Binding {
  path: string;
  targets: string[];
  flag: Api.BindFlag;
  create: boolean[];
}

export class Namespace {
  readonly mounts = new Map<string, Mount>();

  /** The global namespace as every process starts with it: '/' is the process server's root. */
  static initial(): Namespace {
    const ns = new Namespace();
    ns.mounts.set('/', { path: '/', members: [{ target: '/', create: false }], flag: 'replace' });
    return ns;
  }

  /** rfork(RFNAMEG): a copy that changes independently (§4.2). */
  clone(): Namespace {
    const ns = new Namespace();
    for (const [p, m] of this.mounts) {
      ns.mounts.set(p, { path: p, members: m.members.map((x) => ({ ...x })), flag: m.flag });
    }
    return ns;
  }

  /** The deepest mount point on the path and the elements below it. */
  mountOf(path: CleanPath): { mount: Mount; tail: string[] } {
    let best: Mount | null = null;
    for (const m of this.mounts.values()) {
      if (isPrefix(m.path, path.path) && (best === null || m.path.length > best.path.length)) {
        best = m;
      }
    }
    if (best === null) throw new Error('namespace without a root mount');
    const depth = best.path === '/' ? 0 : best.path.split('/').length - 1;
    return { mount: best, tail: path.parts.slice(depth) };
  }

  /** Global paths the process path may name, in union order (§4.2: searched in order). */
  candidates(path: CleanPath): Candidate[] {
    const { mount, tail } = this.mountOf(path);
    return mount.members.map((m) => ({
      target: joinPath(m.target, tail),
      create: m.create,
      atMount: tail.length === 0,
    }));
  }

  /**
   * bind/mount: `fresh` are the members being bound; `underlying` is what `old` named before when
   * it was not yet a mount point (it joins the union first, without MCREATE, as in cmount()).
   */
  bind(old: string, fresh: Member[], flag: Api.BindFlag, underlying: string | null): void {
    const existing = this.mounts.get(old);
    const current: Member[] = existing
      ? existing.members
      : underlying !== null && flag !== 'replace'
        ? [{ target: underlying, create: false }]
        : [];
    const others = (m: Member): boolean => !fresh.some((f) => f.target === m.target);
    let members: Member[];
    if (flag === 'replace') members = fresh;
    else if (flag === 'before') members = [...fresh, ...current.filter(others)];
    else members = [...current.filter(others), ...fresh];
    this.mounts.set(old, { path: old, members, flag });
  }

  /** unmount(name, old): remove `targets` from the union at `old`, or all of it when null. */
  unmount(old: string, targets: string[] | null): FsError | null {
    const m = this.mounts.get(old);
    if (m === undefined) return fsError('EINVAL', `'${old}' is not a mount point`);
    if (old === '/' && targets === null) return fsError('EINVAL', "the root '/' stays mounted");
    if (targets === null) {
      this.mounts.delete(old);
      return null;
    }
    const left = m.members.filter((x) => !targets.includes(x.target));
    if (left.length === m.members.length) {
      return fsError(
        'ENOENT',
        `${targets.map((t) => `'${t}'`).join(', ')} is not bound at '${old}'`,
      );
    }
    if (left.length === 0 && old === '/') return fsError('EINVAL', "the root '/' stays mounted");
    if (left.length === 0) this.mounts.delete(old);
    else m.members = left;
    return null;
  }

  /** The mount table as namespaceChanged reports it, in path order. */
  bindings(): Binding[] {
    return [...this.mounts.values()]
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      .map((m) => ({
        path: m.path,
        targets: m.members.map((x) => x.target),
        flag: m.flag,
        create: m.members.map((x) => x.create),
      }));
  }

  /** Plan 9's /proc/n/ns text: one bind per member, in union order. */
  text(): string {
    const lines: string[] = [];
    for (const b of this.bindings()) {
      b.targets.forEach((t, i) => {
        const opts = `${i === 0 ? '' : 'a'}${b.create[i] ? 'c' : ''}`;
        lines.push(`bind ${opts ? `-${opts} ` : ''}'${t}' '${b.path}'`);
      });
    }
    return lines.join('\n') + '\n';
  }
}
