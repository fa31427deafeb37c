// /null and /zero, served with the public script API: /null swallows writes and reads as empty
// (end of file); /zero reads as NUL bytes, as many as asked for.
import type * as Api from '../../script/ipcscope';

export function nullServer(): Api.Program {
  return function* (sys: Api.Sys) {
    yield* sys.serve({
      readdir: (path) => (path === '/' ? ['null', 'zero'] : null),
      stat: (path) =>
        path === '/'
          ? { type: 'dir', size: 2 }
          : path === '/null' || path === '/zero'
            ? { type: 'file', size: 0 }
            : null,
      read: (path, _offset, bytes) => (path === '/zero' ? '\0'.repeat(bytes) : ''),
      write: (_path, _offset, text) => text.length,
    });
  };
}
