import { describe, expect, it } from 'vitest';
import { loadScenarioSource } from '../../loader/loadScenario';
import { resolveConfig } from '../config';
import { Simulation } from '../simulation';
import { buildChromeTrace, type TraceEvent } from './chromeTrace';

// Two client/server pairs crossing cores under one big lock: kernel, user, spin, blocked slices.
const SOURCE = `import { scenario, type Sys } from 'ipcscope';
export default scenario({
  name: 'two pairs',
  machine: { platform: 'a9-sabre', cores: 2, kernel: 'smp' },
  setup(k) {
    for (let i = 0; i < 2; i++) {
      const ep = k.endpoint('ep' + i);
      k.process('server' + i, server, { core: 1 - i, priority: 200, caps: { ep: ep.cap() } });
      k.process('client' + i, client, { core: i, caps: { ep: ep.cap() } });
    }
  },
});
function* server(sys: Sys) {
  let m = yield* sys.recv('ep');
  for (;;) { yield* sys.compute(300); m = yield* sys.replyRecv('ep', { words: m.words }); }
}
function* client(sys: Sys) {
  for (let i = 0; i < 20; i++) { yield* sys.compute(100); yield* sys.call('ep', { words: [i] }); }
}
`;

// A sender that blocks in Send before its receiver waits: the receiver's Recv moves the message.
const BLOCKED_SENDER = `import { scenario, type Sys } from 'ipcscope';
export default scenario({
  name: 'blocked sender',
  machine: { platform: 'skylake-i7', cores: 1 },
  setup(k) {
    const ep = k.endpoint('ep');
    k.process('sender', function* (sys: Sys) { yield* sys.send('ep', { words: [1] }); }, { priority: 200, caps: { ep: ep.cap() } });
    k.process('receiver', function* (sys: Sys) { yield* sys.compute(500); yield* sys.recv('ep'); }, { priority: 100, caps: { ep: ep.cap() } });
  },
});
`;

function trace(source = SOURCE): { events: TraceEvent[]; messages: number } {
  const loaded = loadScenarioSource(source, 'pairs.ts');
  const config = resolveConfig(loaded.scenario, {});
  const sim = new Simulation(loaded.scenario, config, { keepLog: true });
  sim.run({ maxCycles: 10_000_000 });
  const t = buildChromeTrace(
    sim.log,
    {
      clockMHz: sim.profile.clockMHz,
      cores: config.cores,
      threads: sim.world.state.threads.map((x) => x.name),
    },
    sim.now,
  );
  return { events: t.traceEvents, messages: sim.stats.messages };
}

/** Perfetto reads trace-event time as trunc(microseconds * 1000) nanoseconds. */
const ns = (us: number): number => Math.trunc(us * 1000);

describe('Chrome trace export', () => {
  const { events, messages } = trace();
  const slices = events.filter((e) => e.ph === 'X');
  const byTrack = new Map<string, TraceEvent[]>();
  for (const s of slices) {
    const key = `${s.pid}/${s.tid}`;
    byTrack.set(key, [...(byTrack.get(key) ?? []), s]);
  }

  it('names one track per core and per thread with metadata events', () => {
    const names = events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name')
      .map((e) => e.args?.name);
    expect(names).toEqual(['core 0', 'core 1', 'server0', 'client0', 'server1', 'client1']);
    expect(events.filter((e) => e.ph === 'M' && e.name === 'process_name')).toHaveLength(2);
  });

  it('lays slices back to back on every track, never overlapping once Perfetto rounds them', () => {
    expect(byTrack.size).toBe(6);
    for (const list of byTrack.values()) {
      const sorted = [...list].sort((a, b) => a.ts! - b.ts!);
      for (let i = 1; i < sorted.length; i++) {
        const prev = sorted[i - 1]!;
        expect(ns(sorted[i]!.ts!)).toBeGreaterThanOrEqual(ns(prev.ts!) + ns(prev.dur!));
      }
    }
  });

  it('shows kernel entries, user time and spinning on the big lock as slices', () => {
    const cats = new Set(slices.map((s) => s.cat));
    for (const c of ['kernel', 'user', 'lock', 'blocked']) expect(cats).toContain(c);
    const call = slices.find((s) => s.name === 'Call' && s.pid === 10);
    expect(call?.args).toMatchObject({
      thread: expect.stringMatching(/^client/) as unknown,
      path: 'slow',
    });
  });

  it('draws one flow per message from a slice of the sender to a slice of the receiver', () => {
    const starts = events.filter((e) => e.ph === 's');
    const ends = events.filter((e) => e.ph === 'f');
    expect(starts).toHaveLength(messages);
    expect(ends.map((e) => e.id).sort()).toEqual(starts.map((e) => e.id).sort());
    for (const point of [...starts, ...ends]) {
      const inside = (byTrack.get(`${point.pid}/${point.tid}`) ?? []).some(
        (s) => ns(s.ts!) < ns(point.ts!) && ns(point.ts!) < ns(s.ts!) + ns(s.dur!),
      );
      expect(inside).toBe(true);
    }
    for (const f of ends) expect(f.bp).toBe('e');
  });

  it("starts the arrow of a message picked up from a blocked sender at the sender's Send", () => {
    const t = trace(BLOCKED_SENDER);
    expect(t.messages).toBe(1);
    const s = t.events.find((e) => e.ph === 's');
    const f = t.events.find((e) => e.ph === 'f');
    expect(s?.id).toBe(f?.id);
    const send = t.events.find((e) => e.ph === 'X' && e.name === 'Send' && e.tid === s?.tid);
    expect(send).toBeDefined();
    expect(s!.ts!).toBeGreaterThan(send!.ts!);
    expect(s!.ts!).toBeLessThan(send!.ts! + send!.dur!);
  });
});
