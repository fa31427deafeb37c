// A RAM file system served with the public script API: files and directories live in the
// server's own memory. `files` maps paths to contents; a path ending in '/' is a directory.
import type * as Api from '../../script/ipcscope';

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function ramfs(
  files: Record<string, string> = {},
  opts: { work?: number } = {},
): Api.Program {
  return function* (sys: Api.Sys) {
    const data = new Map<string, string>();
    const dirs = new Map<string, string[]>([['/', []]]);
    const addDir = (path: string): void => {
      if (dirs.has(path)) return;
      addDir(parentOf(path));
      dirs.set(path, []);
      dirs.get(parentOf(path))!.push(path.slice(path.lastIndexOf('/') + 1));
    };
    const addFile = (path: string, contents: string): void => {
      addDir(parentOf(path));
      if (!data.has(path)) dirs.get(parentOf(path))!.push(path.slice(path.lastIndexOf('/') + 1));
      data.set(path, contents);
    };
    for (const [p, c] of Object.entries(files)) {
      const path = `/${p
        .split('/')
        .filter((x) => x !== '')
        .join('/')}`;
      if (p.endsWith('/')) addDir(path);
      else addFile(path, c);
    }

    yield* sys.serve({
      stat: (path) =>
        dirs.has(path)
          ? { type: 'dir', size: dirs.get(path)!.length }
          : data.has(path)
            ? { type: 'file', size: data.get(path)!.length }
            : null,
      readdir: (path) => dirs.get(path) ?? null,
      read: (path, offset, bytes) =>
        data.get(path)?.slice(offset, offset + bytes) ?? { error: 'ENOENT' },
      write(path, offset, text) {
        const old = data.get(path);
        if (old === undefined) return { error: 'ENOENT' };
        data.set(
          path,
          old.slice(0, offset).padEnd(offset, '\0') + text + old.slice(offset + text.length),
        );
        return text.length;
      },
      create(path) {
        if (data.has(path) || dirs.has(path)) return false;
        if (!dirs.has(parentOf(path))) return { error: 'ENOENT: no directory for it' };
        addFile(path, '');
        return true;
      },
      remove(path) {
        if (dirs.get(path)?.length) return { error: `ENOTEMPTY: '${path}'` };
        if (!data.delete(path) && !dirs.delete(path)) return false;
        const siblings = dirs.get(parentOf(path))!;
        siblings.splice(siblings.indexOf(path.slice(path.lastIndexOf('/') + 1)), 1);
        return true;
      },
      ...(opts.work !== undefined ? { work: opts.work } : {}),
    });
  };
}
