import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runFixture } from '../worker/testing/fixtures';
import { AllChains, attribute, chainRoots } from './attribution';

/** client -> front -> back; front computes 1000 cycles per request, back 300. */
const CHAIN = `import { scenario, type Sys } from 'ipcscope';
export default scenario({
  name: 'chain',
  machine: { platform: 'skylake-i7', cores: 2 },
  setup(k) {
    const a = k.endpoint('a');
    const b = k.endpoint('b');
    k.process('back', server(300, null), { core: 1, priority: 200, caps: { in: b.cap() } });
    k.process('front', server(1000, 'out'), { core: 0, priority: 150, caps: { in: a.cap(), out: b.cap() } });
    k.process('client', client, { core: 0, priority: 100, caps: { a: a.cap() } });
    k.process('other', client, { core: 1, priority: 100, caps: { a: a.cap() } });
  },
});
function server(work: number, next: string | null) {
  return function* (sys: Sys) {
    let m = yield* sys.recv('in');
    for (;;) {
      yield* sys.compute(work);
      if (next !== null) yield* sys.call(next, { words: m.words });
      m = yield* sys.replyRecv('in', { words: m.words });
    }
  };
}
function* client(sys: Sys) {
  for (let i = 0; i < 4; i++) yield* sys.call('a', { words: [i] });
}
`;

const log = (src: string) => {
  const r = runFixture(src);
  return { length: r.log.length, get: (i: number) => r.log[i]! };
};

describe('call-chain attribution (imposed time)', () => {
  it('each hop is charged its user time and kernel entries while it works for the chain', () => {
    const l = log(CHAIN);
    const a = attribute(l, 'client');
    expect(a.hops.map((h) => [h.thread, h.depth, h.calledBy, h.requests])).toEqual([
      ['client', 0, null, 0],
      ['front', 1, 'client', 4],
      ['back', 2, 'front', 4],
    ]);
    const [, front, back] = a.hops;
    // User time is exactly the compute each request asked for; the rest is kernel entries.
    expect(front!.imposedCycles - front!.kernelCycles).toBe(4 * 1000);
    expect(back!.imposedCycles - back!.kernelCycles).toBe(4 * 300);
    expect(front!.kernelCycles).toBeGreaterThan(0);
    // The other client's requests are not charged to this chain.
    const other = attribute(l, 'other');
    expect(other.hops[1]!.requests).toBe(4);
    expect(chainRoots(l)).toEqual(['client', 'other']);
  });

  it('the streaming fold of the CLI report gives what the worker computes over the log', () => {
    for (const src of [
      CHAIN,
      readFileSync(new URL('../scenarios/uxrt-servers.ts', import.meta.url), 'utf8'),
    ]) {
      const l = log(src);
      const all = new AllChains();
      for (let i = 0; i < l.length; i++) all.add(l.get(i));
      const streamed = all.result();
      expect(streamed.map((c) => c.root)).toEqual(chainRoots(l));
      for (const c of streamed) expect(c).toEqual(attribute(l, c.root));
    }
  });

  it('up to the cursor: only the events before it count', () => {
    const l = log(CHAIN);
    const half = attribute(l, 'client', Math.floor(l.length / 2));
    const whole = attribute(l, 'client');
    expect(half.events).toBe(Math.floor(l.length / 2));
    expect(half.hops[1]!.requests).toBeLessThan(whole.hops[1]!.requests);
  });
});
