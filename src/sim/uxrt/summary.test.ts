import { describe, expect, it } from 'vitest';
import { runScenario } from '../testing/runScenario';
import { ramfs } from './servers';
import { summarizeFiles } from './summary';
import { prog, runFs } from './testKit';

describe('the files section of the run summary', () => {
  it('counts operations and bytes and gives the mean kernel entries per operation on each side', () => {
    const r = runFs((k) => {
      k.process('ramfs', ramfs({ '/f': 'abcdefghij' }), { priority: 200, serves: 'ramfs' });
      k.process(
        'c',
        prog(function* (sys) {
          const fd = yield* sys.open('/srv/ramfs/f');
          yield* sys.read(fd, 4);
          yield* sys.read(fd, 4);
          yield* sys.close(fd);
        }),
        { priority: 100 },
      );
    });
    expect(summarizeFiles(r.sim)).toEqual({
      ops: 4,
      bytes: 8,
      kernelEntriesPerOp: {
        close: { client: 2, server: 1, count: 1 },
        open: { client: 1, server: 4, count: 1 },
        read: { client: 1, server: 1, count: 2 },
      },
    });
  });

  it('is empty for a run without the file layer', () => {
    const { sim } = runScenario({ name: 'none', machine: { cores: 1 }, setup() {} });
    expect(summarizeFiles(sim)).toEqual({ ops: 0, bytes: 0, kernelEntriesPerOp: {} });
  });
});
