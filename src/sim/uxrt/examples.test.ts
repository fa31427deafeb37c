// The UX/RT examples in src/scenarios show what their descriptions promise.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioSource } from '../../loader/loadScenario';
import type { Simulation } from '../simulation';
import { buildLoaded, consoleOf, eventsOf, TEST_LIMITS } from '../testing/runScenario';

const DIR = path.join(__dirname, '../../scenarios');

function run(
  id: string,
  overrides: { params?: Record<string, number>; kernel?: string } = {},
): Simulation {
  const file = `${id}.ts`;
  const loaded = loadScenarioSource(fs.readFileSync(path.join(DIR, file), 'utf8'), file);
  const sim = buildLoaded(loaded, overrides);
  sim.run(TEST_LIMITS);
  expect(sim.stopReason).toBe('idle');
  expect(sim.scriptErrors).toEqual([]);
  return sim;
}

const ops = (sim: Simulation, thread: string, op: string) =>
  eventsOf(sim.log, 'fileOperation', { thread, op });

describe('UX/RT examples', () => {
  it('uxrt-cat: every read is one fastpath Call in cat and one fastpath ReplyRecv in ramfs', () => {
    const sim = run('uxrt-cat');
    const reads = ops(sim, 'cat', 'read');
    expect(reads.length).toBeGreaterThan(3);
    for (const r of reads) {
      expect(r).toMatchObject({ clientEntries: 1, serverEntries: 1, transport: 'reg' });
      expect(r.hops).toEqual(['cat->ramfs Call (fast)', 'ramfs->cat ReplyRecv (fast)']);
    }
    expect(ops(sim, 'cat', 'open')[0]).toMatchObject({ clientEntries: 1, serverEntries: 4 });
    expect(consoleOf(sim, 'cat').at(-1)).toMatch(/Every file is a server/);
  });

  it('uxrt-cat with chunk=64 moves the data through the shared buffer, still 1 + 1 on the fastpath', () => {
    const sim = run('uxrt-cat', { params: { chunk: 64 } });
    const r = ops(sim, 'cat', 'read')[0]!;
    expect(r).toMatchObject({ clientEntries: 1, serverEntries: 1, transport: 'buf' });
    expect(r.reason).toBeUndefined();
  });

  it('uxrt-union: the union lists both servers, the order decides, create goes to the create member', () => {
    const lines = consoleOf(run('uxrt-union'), 'sh');
    expect(lines[0]).toMatch(
      /^ls \/bin: \["ls","cat","grep"\] via .*vfs->base Call.*vfs->local Call/,
    );
    expect(lines.slice(1, 4)).toEqual([
      "/bin/cat is 'cat from base'",
      "after bind -b: /bin/cat is 'cat from local'",
      'created /bin/hello; local now has ["cat","grep","hello"]',
    ]);
    expect(lines[4]).toMatch(/looked in \/srv\/local\/missing, \/srv\/base\/missing/);
  });

  it('uxrt-fork-namespace: the copy diverges, the twin shares with the parent', () => {
    const sim = run('uxrt-fork-namespace');
    const parent = consoleOf(sim, 'parent');
    const ns = (who: string) => parent.find((l) => l.startsWith(`${who}'s namespace`))!;
    expect(ns('copy')).not.toMatch(/\/tmp|\/bin/);
    expect(ns('copy')).toMatch(/bind '\/srv\/ramfs\/docs' '\/mnt'/);
    expect(ns('twin')).toBe(ns('parent').replace("parent's", "twin's"));
    expect(ns('parent')).toMatch(/bind '\/srv\/ramfs\/bin' '\/bin'/);
    expect(parent.at(-1)).toBe('parent: ls /bin = ["ls"]');
  });

  it('uxrt-message-size: registers up to 18 bytes, then the shared buffer, both fast; readreg/writereg goes slow', () => {
    const line = (params: Record<string, number>) =>
      consoleOf(run('uxrt-message-size', { params }), 'client')[0]!;
    expect(line({ size: 16 })).toMatch(/write via reg, read via reg; .* 0 of 8 left the fastpath/);
    expect(line({ size: 64 })).toMatch(/write via buf, read via buf; .* 0 of 8 left the fastpath/);
    expect(line({ size: 64, api: 1 })).toMatch(
      /write via ipcbuf, read via ipcbuf; .* 8 of 8 left the fastpath/,
    );
    const cycles = (size: number, remote: number) =>
      Number(/; (\d+) cycles/.exec(line({ size, remote }))![1]);
    // Long messages cost more per byte when the buffer's lines migrate between cores.
    expect(cycles(1024, 1) - cycles(64, 1)).toBeGreaterThan(cycles(1024, 0) - cycles(64, 0));
  });

  it('uxrt-passive-mcs: ramfs borrows each client’s scheduling context and follows it from core to core', () => {
    const sim = run('uxrt-passive-mcs');
    expect(eventsOf(sim.log, 'schedContextDonated', { to: 'ramfs' }).length).toBeGreaterThan(8);
    expect(eventsOf(sim.log, 'threadMigrated', { thread: 'ramfs' }).length).toBeGreaterThan(3);
    const bursts = consoleOf(sim).filter((l) => l.startsWith('burst'));
    expect(bursts).toHaveLength(8);
    for (const b of bursts) expect(b).toMatch(/fast, fast$/);
    expect(bursts.filter((b) => b.includes('reads slow')).length).toBeGreaterThanOrEqual(6);
  });

  it('uxrt-per-core: a server per core keeps every read on the fastpath; one for all does not', () => {
    const one = consoleOf(run('uxrt-per-core', { params: { perCore: 0 } }));
    const each = consoleOf(run('uxrt-per-core', { params: { perCore: 1 } }));
    expect(one.filter((l) => l.includes('10 of 10 reads left'))).toHaveLength(3);
    for (const c of [0, 1, 2, 3]) {
      expect(each.find((l) => l.startsWith(`/srv/ramfs${c}/data`))).toMatch(/ 0 of 10 reads left/);
    }
    const multi = consoleOf(
      run('uxrt-per-core', { params: { perCore: 0 }, kernel: 'multikernel' }),
    );
    expect(multi.filter((l) => l.includes('EXDEV'))).toHaveLength(3);
  });

  it('uxrt-server-gone: every failure ends in EPIPE for the client and nobody is left blocked', () => {
    const sim = run('uxrt-server-gone');
    const lines = consoleOf(sim, 'client');
    expect(lines.filter((l) => l.includes('EPIPE'))).toHaveLength(4);
    expect(lines.at(-1)).toBe('ls /srv: []');
    const blocked = sim.world.state.threads.filter(
      (t) => t.state === 'blockedOnReply' || t.state === 'blockedOnSend',
    );
    expect(blocked).toEqual([]);
  });

  it('uxrt-servers: console, zero, pipe with ETRUNCATED, the filter, the four-line server and /proc memory', () => {
    const sim = run('uxrt-servers');
    expect(consoleOf(sim, 'cons')).toEqual(['[sh] hello, console']);
    const sh = consoleOf(sim, 'sh');
    expect(sh).toContain('ls /dev: ["cons","null","zero"]');
    expect(sh.find((l) => l.startsWith('pipe read of 5'))).toMatch(/"first" ETRUNCATED/);
    expect(sh).toContain('pipe read of 20: "second"');
    expect(sh.find((l) => l.startsWith('upper:'))).toMatch(/upper->ramfs Call/);
    expect(sh).toContain('greet: hello from /world');
    expect(sh.at(-1)).toBe('/proc/sh/mem at 512: "written into my own memory"');
  });
});
