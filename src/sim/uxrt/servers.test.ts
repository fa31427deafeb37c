// The built-in servers, written with the scenario API (src/sim/uxrt/servers).
import { describe, expect, it } from 'vitest';
import type { Request, Sys } from '../script/ipcscope';
import { consoleOf } from '../testing/runScenario';
import { consoleServer, nullServer, pipeServer, ramfs, upperFilter } from './servers';
import { prog, runFs } from './testKit';

function withServers(body: (sys: Sys) => Generator<Request, unknown, unknown>) {
  return runFs((k) => {
    k.process('ramfs', ramfs({ '/a/b/c': 'deep', '/top': 'top' }), {
      priority: 200,
      serves: 'ramfs',
    });
    k.process('cons', consoleServer(), { priority: 200, serves: 'cons' });
    k.process('pipe', pipeServer(), { priority: 200, serves: 'pipe' });
    k.process('dev', nullServer(), { priority: 200, serves: 'dev' });
    k.process('up', upperFilter('/srv/ramfs'), { priority: 150, serves: 'up' });
    k.process('c', prog(body), { priority: 100 });
  });
}

describe('built-in servers', () => {
  it('ramfs makes the directories its files need, writes in place and pads with NUL', () => {
    const out: unknown[] = [];
    withServers(function* (sys) {
      out.push(yield* sys.readdir('/srv/ramfs'), yield* sys.readdir('/srv/ramfs/a/b'));
      const fd = yield* sys.open('/srv/ramfs/top', 'rw');
      yield* sys.seek(fd, 5);
      yield* sys.write(fd, '!');
      yield* sys.seek(fd, 0);
      out.push((yield* sys.read(fd, 10)).data);
      out.push(yield* sys.remove('/srv/ramfs/a/b'), sys.errstr());
    });
    expect(out).toEqual([
      ['a', 'top'],
      ['c'],
      'top\0\0!',
      -39,
      "ENOTEMPTY: directory not empty: '/a/b'",
    ]);
  });

  it('the console shows what clients write, under their name, and reads as empty', () => {
    const out: unknown[] = [];
    const r = withServers(function* (sys) {
      const fd = yield* sys.open('/srv/cons/cons', 'rw');
      out.push(yield* sys.write(fd, 'hi'), (yield* sys.read(fd, 5)).bytes);
    });
    expect(out).toEqual([2, 0]);
    expect(consoleOf(r.sim, 'cons')).toEqual(['[c] hi']);
  });

  it('a pipe keeps each write as one message, in order, and answers EAGAIN when empty', () => {
    const out: unknown[] = [];
    withServers(function* (sys) {
      yield* sys.create('/srv/pipe/p2');
      const fd = yield* sys.open('/srv/pipe/p2', 'rw');
      yield* sys.write(fd, 'one');
      yield* sys.write(fd, 'two');
      out.push((yield* sys.read(fd, 100)).data, (yield* sys.read(fd, 100)).data);
      out.push((yield* sys.read(fd, 100)).error);
    });
    expect(out).toEqual(['one', 'two', "EAGAIN: try again: pipe '/p2' is empty"]);
  });

  it('/null swallows writes and reads empty; /zero reads NULs', () => {
    const out: unknown[] = [];
    withServers(function* (sys) {
      const n = yield* sys.open('/srv/dev/null', 'rw');
      const z = yield* sys.open('/srv/dev/zero');
      out.push(
        yield* sys.write(n, 'gone'),
        (yield* sys.read(n, 8)).bytes,
        (yield* sys.read(z, 3)).data,
      );
    });
    expect(out).toEqual([4, 0, '\0\0\0']);
  });

  it('the upper filter reads its source through its own IPC: two round trips per read', () => {
    const out: unknown[] = [];
    const r = withServers(function* (sys) {
      const fd = yield* sys.open('/srv/up/a/b/c');
      out.push((yield* sys.read(fd, 4)).data);
      out.push((yield* sys.read(fd, 4)).bytes);
    });
    expect(out).toEqual(['DEEP', 0]);
    const [, second] = r.ops('c', 'read');
    expect(second!.hops).toEqual([
      'c->up Call (fast)',
      'up->ramfs Call (fast)',
      'ramfs->up ReplyRecv (fast)',
      'up->c ReplyRecv (fast)',
    ]);
    expect(r.ops('up', 'read')).toHaveLength(2);
  });
});
