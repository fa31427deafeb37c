// Message pipes, served with the public script API (Plan 9 pipes keep write boundaries): each
// write is one message, each read takes the oldest. A reader whose buffer is too small gets the
// first part with ETRUNCATED (UX/RT). Reading an empty pipe answers EAGAIN: this server never
// holds a reply back (that would need a second reply object or CNode_SaveCaller).
import type * as Api from '../../script/ipcscope';

export function pipeServer(): Api.Program {
  return function* (sys: Api.Sys) {
    const pipes = new Map<string, string[]>([['/data', []]]);
    yield* sys.serve({
      messages: true,
      readdir: (path) => (path === '/' ? [...pipes.keys()].map((p) => p.slice(1)) : null),
      stat: (path) =>
        path === '/'
          ? { type: 'dir', size: pipes.size }
          : pipes.has(path)
            ? { type: 'file', size: pipes.get(path)!.length }
            : null,
      read(path) {
        const m = pipes.get(path)?.shift();
        return m ?? { error: `EAGAIN: pipe '${path}' is empty` };
      },
      write(path, _offset, text) {
        pipes.get(path)?.push(text);
        return text.length;
      },
      create(path) {
        if (pipes.has(path) || path.lastIndexOf('/') !== 0) return false;
        pipes.set(path, []);
        return true;
      },
    });
  };
}
