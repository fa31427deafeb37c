// A server that goes away (sel4-reference.md §1.5, §4.1): seL4 would leave its callers blocked on
// reply caps held in its TCB; the process server and the server's own runtime make sure every
// client gets EPIPE with the reason instead, and the run ends with nobody waiting.
import { describe, expect, it } from 'vitest';
import type { Request, Sys } from '../script/ipcscope';
import { consoleOf, eventsOf, tcbOf } from '../testing/runScenario';
import { prog, runFs } from './testKit';

type Failure = 'throw' | 'capFault' | 'return' | 'kill';

function server(how: Failure) {
  return function* (sys: Sys) {
    if (how === 'return') return;
    let reads = 0;
    yield* sys.serve({
      *read(path) {
        reads++;
        if (reads === 2 && how === 'throw') throw new Error('bad state');
        if (reads === 2 && how === 'capFault') yield* sys.call('missing', {});
        return `ok ${path}`;
      },
    });
  };
}

function client(how: Failure, out: string[]) {
  return function* (sys: Sys): Generator<Request, void, unknown> {
    const fd = yield* sys.open('/srv/s/f');
    out.push(fd < 0 ? sys.errstr() : (yield* sys.read(fd, 10)).data);
    if (how === 'kill') {
      const ctl = yield* sys.open('/proc/s/ctl', 'w');
      yield* sys.write(ctl, 'kill');
    }
    out.push((yield* sys.read(fd, 10)).error ?? 'no error');
    out.push((yield* sys.read(fd, 10)).error ?? 'no error');
    out.push(`${yield* sys.open('/srv/s/g')} ${sys.errstr()}`);
  };
}

function run(how: Failure, machine: { cores?: number; mcs?: boolean } = {}) {
  const out: string[] = [];
  const r = runFs(
    (k) => {
      k.process('s', server(how), { priority: 200, serves: 's', passive: machine.mcs === true });
      k.process('c', prog(client(how, out)), { priority: 100, core: (machine.cores ?? 1) - 1 });
    },
    { platform: 'skylake-i7', cores: machine.cores ?? 1, mcs: machine.mcs ?? false },
  );
  return { ...r, out };
}

describe('a server that goes away (§4.1)', () => {
  it('a handler that throws: the waiting client gets EPIPE naming the exception, and so does every later call', () => {
    const r = run('throw');
    expect(r.out[0]).toBe('ok /f');
    for (const e of r.out.slice(1))
      expect(e).toMatch(
        /^-?\d* ?EPIPE: server gone: the server of 's' is gone: 's' threw Error: bad state/,
      );
    expect(r.sim.scriptErrors).toMatchObject([
      { thread: 's', message: "'s' threw Error: bad state" },
    ]);
    expect(eventsOf(r.log, 'faultRaised', { thread: 's', faultType: 'exception' })).toHaveLength(1);
    expect(r.stop).toBe('idle');
    expect(tcbOf(r.sim, 'c').state).toBe('inactive');
  });

  it('a cap fault in the server goes to the process server, which stops it; the waiting client gets EPIPE (§1.3 faults)', () => {
    const r = run('capFault');
    expect(
      r.out.slice(1).every((e) => e.includes("'s' raised a cap fault: slot 'missing': empty slot")),
    ).toBe(true);
    expect(eventsOf(r.log, 'faultRaised', { thread: 's' })[0]!.handler).toBe('vfs.port');
    expect(consoleOf(r.sim, 'vfs')[0]).toMatch(/^'s' raised a cap fault/);
    expect(
      eventsOf(r.log, 'syscallExited', { thread: 'vfs', syscall: 'TCB_Suspend' }),
    ).toHaveLength(1);
    expect(r.stop).toBe('idle');
  });

  it('a server whose program returns answers EPIPE from then on; the process server learns it from the answer', () => {
    const r = run('return');
    expect(r.out[0]).toBe("EPIPE: server gone: the server of 's' is gone: 's' returned");
    expect(r.out[3]).toBe("-32 EPIPE: server gone: the server of 's' is gone: 's' returned");
    expect(r.ops('c', 'open').map((o) => o.serverEntries)).toEqual([3, 1]);
    expect(r.stop).toBe('idle');
  });

  it('a server killed through /proc/<name>/ctl: later reads get EPIPE and /srv no longer lists it', () => {
    const r = run('kill');
    expect(r.out.slice(1, 3)).toEqual([
      "EPIPE: server gone: the server of 's' is gone: killed by 'c'",
      "EPIPE: server gone: the server of 's' is gone: killed by 'c'",
    ]);
    expect(r.out[3]).toMatch(/^-32 EPIPE/);
    expect(r.stop).toBe('idle');
  });

  it('a cross-core client blocked on a faulting server is released the same way', () => {
    const r = run('capFault', { cores: 2 });
    expect(r.out[1]).toMatch(/EPIPE/);
    expect(r.stop).toBe('idle');
  });

  it('a passive server (MCS) that faults on a borrowed scheduling context gives it back with the EPIPE (§1.9)', () => {
    const r = run('capFault', { cores: 2, mcs: true });
    expect(r.out[1]).toMatch(/EPIPE/);
    expect(tcbOf(r.sim, 'c').sc?.name).toBe('c.sc');
    expect(r.stop).toBe('idle');
  });

  it("killing a client stops it; a ctl write other than 'kill' is EINVAL", () => {
    const out: string[] = [];
    const r = runFs((k) => {
      k.uxrt();
      k.process(
        'victim',
        prog(function* (sys) {
          yield* sys.compute(1_000_000);
          sys.log('still alive');
        }),
        { priority: 50 },
      );
      k.process(
        'killer',
        prog(function* (sys) {
          const fd = yield* sys.open('/proc/victim/ctl', 'w');
          out.push(String(yield* sys.write(fd, 'stop')), sys.errstr());
          out.push(String(yield* sys.write(fd, 'kill\n')));
        }),
        { priority: 100 },
      );
    });
    expect(out).toEqual(['-22', "EINVAL: invalid argument: /proc/victim/ctl takes 'kill'", '5']);
    expect(consoleOf(r.sim, 'victim')).toEqual([]);
    expect(
      eventsOf(r.log, 'threadStopped', { thread: 'victim', reason: 'suspended' }),
    ).toHaveLength(1);
  });
});
