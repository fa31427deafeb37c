// Cache-line directory and topology (DESIGN.md "Machine"; sel4-reference.md §3.1–3.3).
import { describe, expect, it } from 'vitest';
import { CacheLineDirectory } from './cacheLines';
import { topologyLevel, transferCost } from './platform';
import { findPlatform } from './platforms';

const epyc = findPlatform('epyc-2s')!;
const xeon = findPlatform('xeon-2s')!;
const altra = findPlatform('altra-80')!;
const a9 = findPlatform('a9-sabre')!;

describe('topology levels and transfer costs (§3.2)', () => {
  it('cores in one EPYC CCX share a cluster; other CCXs are the socket level; the other socket is remote', () => {
    expect(topologyLevel(epyc, 0, 0)).toBe('core');
    expect(topologyLevel(epyc, 0, 7)).toBe('cluster');
    expect(topologyLevel(epyc, 0, 8)).toBe('socket');
    expect(topologyLevel(epyc, 0, 32)).toBe('remote');
    expect(transferCost(epyc, 0, 7)).toBe(epyc.lineTransfer.cluster);
    expect(transferCost(epyc, 0, 8)).toBe(epyc.lineTransfer.socket);
    expect(transferCost(epyc, 3, 40)).toBe(epyc.lineTransfer.remote);
  });

  it('a line costs nothing to reuse on the same core', () => {
    expect(transferCost(xeon, 5, 5)).toBe(0);
  });

  it('cross-socket transfer on the two-socket Xeon costs 2-3x the in-socket one (§3.2)', () => {
    const ratio = transferCost(xeon, 0, 16) / transferCost(xeon, 0, 1);
    expect(ratio).toBeGreaterThanOrEqual(2);
    expect(ratio).toBeLessThanOrEqual(3);
  });

  it('Ampere Altra has no shared L2, so every other core is a full mesh hop (§3.1)', () => {
    expect(topologyLevel(altra, 0, 1)).not.toBe('core');
    expect(transferCost(altra, 0, 1)).toBe(transferCost(altra, 0, 79));
  });

  it('the Arm SoC moves a line for a small fraction of the x86 server cross-socket cost (§3.1)', () => {
    expect(transferCost(a9, 0, 3) * 10).toBeLessThan(transferCost(xeon, 0, 16));
  });
});

describe('cache-line directory: ownership, sharing and invalidation', () => {
  it('a write by another core migrates the line from its owner and costs their transfer latency', () => {
    const d = new CacheLineDirectory(xeon);
    expect(d.access('ep.x', 0, true)).toBeNull();
    const m = d.access('ep.x', 16, true);
    expect(m).toEqual({ line: 'ep.x', from: 0, to: 16, cycles: xeon.lineTransfer.remote });
    expect(d.lines.get('ep.x')!.owner).toBe(16);
  });

  it('a read shares the line; reading it again on that core is free', () => {
    const d = new CacheLineDirectory(xeon);
    d.access('l', 0, true);
    expect(d.access('l', 1, false)?.cycles).toBe(xeon.lineTransfer.cluster);
    expect(d.access('l', 1, false)).toBeNull();
    expect(d.lines.get('l')!.sharers).toEqual([1]);
    expect(d.lines.get('l')!.owner).toBe(0);
  });

  it('a write invalidates every sharer and pays for the farthest one', () => {
    const d = new CacheLineDirectory(xeon);
    d.access('l', 0, true);
    d.access('l', 1, false);
    d.access('l', 20, false);
    const m = d.access('l', 0, true)!;
    expect(m.from).toBe(20);
    expect(m.cycles).toBe(xeon.lineTransfer.remote);
    expect(d.lines.get('l')!.sharers).toEqual([]);
    expect(d.access('l', 1, false)?.cycles).toBe(xeon.lineTransfer.cluster);
  });

  it('the owner writing its own line costs nothing and moves nothing', () => {
    const d = new CacheLineDirectory(a9);
    d.access('l', 2, true);
    expect(d.access('l', 2, true)).toBeNull();
    expect(d.lines.get('l')!.migrations).toBe(0);
  });

  it('keeps per-line and total migration counts and cycles', () => {
    const d = new CacheLineDirectory(a9);
    d.access('a', 0, true);
    d.access('a', 1, true);
    d.access('a', 0, true);
    d.access('b', 0, true);
    d.access('b', 3, false);
    expect(d.lines.get('a')!.migrations).toBe(2);
    expect(d.lines.get('a')!.cycles).toBe(2 * a9.lineTransfer.cluster);
    expect(d.migrations).toBe(3);
    expect(d.cycles).toBe(3 * a9.lineTransfer.cluster);
  });
});
