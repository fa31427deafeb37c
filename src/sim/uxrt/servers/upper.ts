// An upper-casing filter, served with the public script API: /x reads as `source`/x in capitals.
// Its read handler does file I/O of its own (an Op), so one client read costs two IPC round
// trips: client -> upper, then upper -> the server of `source`.
import type * as Api from '../../script/ipcscope';

export function upperFilter(source: string): Api.Program {
  return function* (sys: Api.Sys) {
    const open = new Map<string, { fd: number; offset: number }>();
    const below = (path: string): string =>
      path === '/' ? source : `${source.replace(/\/+$/, '')}${path}`;
    yield* sys.serve({
      *read(path, offset, bytes) {
        let f = open.get(path);
        if (f === undefined) {
          const fd = yield* sys.open(below(path));
          if (fd < 0) return { error: sys.errstr() };
          f = { fd, offset: 0 };
          open.set(path, f);
        }
        if (f.offset !== offset) f.offset = yield* sys.seek(f.fd, offset);
        const r = yield* sys.read(f.fd, bytes);
        if (r.error !== undefined) return { error: r.error };
        f.offset += r.bytes;
        return r.data.toUpperCase();
      },
    });
  };
}
