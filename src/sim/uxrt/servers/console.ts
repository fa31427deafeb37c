// The console, served with the public script API: what a client writes to /cons appears in the
// console panel under the client's name; reads return nothing (no keyboard in the simulation).
import type * as Api from '../../script/ipcscope';

export function consoleServer(): Api.Program {
  return function* (sys: Api.Sys) {
    yield* sys.serve({
      readdir: (path) => (path === '/' ? ['cons'] : null),
      stat: (path) =>
        path === '/'
          ? { type: 'dir', size: 1 }
          : path === '/cons'
            ? { type: 'file', size: 0 }
            : null,
      read: () => '',
      write(_path, _offset, text, client) {
        sys.log(`[${client}] ${text}`);
        return text.length;
      },
    });
  };
}
