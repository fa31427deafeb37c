// Every built-in scenario loads through the one loader, is listed in the catalog, runs to its end
// without script errors, and shows what its description promises.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryIo } from '../cli/io';
import { main } from '../cli/main';
import { loadScenarioSource } from '../loader/loadScenario';
import type { Simulation } from '../sim/simulation';
import { buildLoaded, consoleOf, eventsOf, TEST_LIMITS } from '../sim/testing/runScenario';
import { SCENARIOS, type CatalogEntry } from './catalog';

const DIR = __dirname;

function load(entry: CatalogEntry) {
  return loadScenarioSource(fs.readFileSync(path.join(DIR, entry.file), 'utf8'), entry.file);
}

function run(entry: CatalogEntry): Simulation {
  const loaded = load(entry);
  const sim = buildLoaded(loaded);
  sim.run(entry.kind === 'example' ? TEST_LIMITS : { ...TEST_LIMITS, maxEvents: 5_000 });
  return sim;
}

const examples = SCENARIOS.filter((s) => s.kind === 'example');
const byId = (id: string): CatalogEntry => SCENARIOS.find((s) => s.id === id)!;
const calls = (sim: Simulation, thread: string) =>
  eventsOf(sim.log, 'syscallExited', { thread, syscall: 'Call' });

describe('the scenario catalog', () => {
  it('lists every scenario file in src/scenarios, each once', () => {
    const files = fs
      .readdirSync(DIR)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'catalog.ts')
      .sort();
    expect(SCENARIOS.map((s) => s.file).sort()).toEqual(files);
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
    expect(examples.length).toBeGreaterThanOrEqual(8);
  });

  it.each(SCENARIOS.map((s) => [s.id, s] as const))(
    '%s loads, is titled as in the catalog and sets its machine and seed',
    (_id, entry) => {
      const s = load(entry).scenario;
      expect(s.name).toBe(entry.title);
      expect(s.description?.length ?? 0).toBeGreaterThan(150);
      expect(s.machine?.platform).toBeDefined();
      expect(s.machine?.cores).toBeDefined();
      expect(s.seed).toBeDefined();
      expect(entry.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    },
  );
});

describe('every example runs to its end', () => {
  it.each(examples.map((s) => [s.id, s] as const))(
    '%s goes idle without script errors',
    (_id, entry) => {
      const sim = run(entry);
      expect(sim.stopReason).toBe('idle');
      expect(sim.scriptErrors).toEqual([]);
      expect(sim.stats.syscalls.total).toBeGreaterThan(3);
    },
  );

  it.each(SCENARIOS.filter((s) => s.kind === 'experiment').map((s) => [s.id, s] as const))(
    'experiment %s runs without script errors',
    (_id, entry) => {
      const sim = run(entry);
      expect(sim.scriptErrors).toEqual([]);
      expect(sim.stats.messages).toBeGreaterThan(0);
    },
  );

  it('every example runs from the command line and ends idle (DESIGN.md "The command line")', async () => {
    for (const entry of examples) {
      const io = createMemoryIo();
      const code = await main(['run', path.join(DIR, entry.file), '--json'], io);
      expect(code, `${entry.id}: ${io.stderr}`).toBe(0);
      expect(JSON.parse(io.stdout)).toMatchObject({ stopReason: 'idle' });
    }
  });
});

describe('every example shows what it claims', () => {
  it('mcs-sporadic-refills: bursts become separate refills, a long sleep merges them, and releases are never in the past (sporadic.c)', () => {
    const sim = run(byId('mcs-sporadic-refills'));
    const refills = eventsOf(sim.log, 'schedContextRefilled', { sc: 'sensor.sc' });
    expect(Math.max(...refills.map((e) => e.refills.length))).toBeGreaterThanOrEqual(5);
    for (const e of refills) {
      expect(e.refills.length).toBeLessThanOrEqual(8);
      expect(e.refills.reduce((a, r) => a + r.amount, 0)).toBe(500 * 3400);
    }
    const exhausted = eventsOf(sim.log, 'budgetExhausted', { thread: 'sensor' });
    expect(exhausted.length).toBe(2);
    for (const e of exhausted) expect(e.until).toBeGreaterThan(e.t);
    expect(consoleOf(sim, 'sensor')).toEqual(['1.25 ms of work took 8.25 ms of wall time']);
  });

  it('mcs-timeout-fault: the server sends timeout faults carrying the SC badge, then both clients are answered (handleTimeout)', () => {
    const sim = run(byId('mcs-timeout-fault'));
    const f = eventsOf(sim.log, 'faultRaised', { thread: 'server', faultType: 'timeout' });
    expect(f.length).toBeGreaterThanOrEqual(2);
    const lines = consoleOf(sim, 'supervisor');
    expect(lines[0]).toMatch(/^timeout fault: label 5, SC badge 7, consumed \d+ cycles$/);
    expect(consoleOf(sim, 'runaway')).toEqual(['query of 2000000 cycles answered 1']);
    expect(consoleOf(sim, 'steady')).toHaveLength(3);
  });

  it('mcs-notification-sc: interrupts run the driver on irq.sc, requests on client.sc (maybeDonateSchedContext)', () => {
    const sim = run(byId('mcs-notification-sc'));
    const lent = eventsOf(sim.log, 'schedContextDonated', { to: 'driver' }).map((e) => e.sc);
    expect(lent.filter((x) => x === 'irq.sc')).toHaveLength(3);
    expect(lent.filter((x) => x === 'client.sc')).toHaveLength(3);
    expect(
      eventsOf(sim.log, 'schedContextReturned', { sc: 'irq.sc', from: 'driver' }),
    ).toHaveLength(3);
    expect(consoleOf(sim, 'driver')).toEqual(Array(3).fill('interrupt handled'));
  });

  it('echo: every Call and ReplyRecv takes the fastpath (§1.7)', () => {
    const sim = run(byId('echo'));
    const ipc = eventsOf(sim.log, 'syscallExited').filter((e) =>
      ['Call', 'ReplyRecv'].includes(e.syscall),
    );
    expect(ipc.length).toBe(6);
    expect(ipc.every((e) => e.path === 'fast')).toBe(true);
  });

  it('slowpath-long-message: the Calls leave the fastpath for want of message registers (§1.4, §1.7)', () => {
    const sim = run(byId('slowpath-long-message'));
    const c = calls(sim, 'client');
    expect(c.length).toBe(3);
    for (const e of c) expect(e.reason).toMatch(/message registers/);
    expect(eventsOf(sim.log, 'syscallExited', { syscall: 'ReplyRecv', path: 'fast' })).toHaveLength(
      3,
    );
  });

  it('slowpath-cap-transfer: the Call with caps is slow, one cap lands, one is unwrapped (§1.3)', () => {
    const sim = run(byId('slowpath-cap-transfer'));
    const c = calls(sim, 'client');
    expect(c[0]!.reason).toMatch(/caps transferred/);
    expect(c.slice(1).every((e) => e.path === 'fast')).toBe(true);
    expect(consoleOf(sim, 'server')).toContain("cap 0 transferred into slot 'done'");
    expect(consoleOf(sim, 'server')).toContain('cap 1 named this endpoint: unwrapped, badge 153');
    expect(consoleOf(sim, 'client')[0]).toMatch(/badge 4$/);
  });

  it('slowpath-cross-core: slow Calls for affinity, reschedule IPIs, the lock and line migrations (§1.10)', () => {
    const sim = run(byId('slowpath-cross-core'));
    for (const e of calls(sim, 'client')) expect(e.reason).toMatch(/runs on core 1/);
    expect(eventsOf(sim.log, 'ipiSent', { kind: 'reschedule' }).length).toBeGreaterThan(0);
    expect(eventsOf(sim.log, 'lockAcquired').length).toBeGreaterThan(0);
    expect(eventsOf(sim.log, 'cacheLineMigrated').length).toBeGreaterThan(0);
  });

  it('slowpath-priority: the priority rule sends Calls slow and the worker runs before the server (§1.7)', () => {
    const sim = run(byId('slowpath-priority'));
    const reasons = calls(sim, 'client').map((e) => e.reason);
    expect(reasons.filter((r) => r?.includes('a higher-priority thread is ready'))).toHaveLength(2);
    const lines = consoleOf(sim);
    expect(lines.indexOf('worker runs before the server')).toBeLessThan(
      lines.indexOf('server answers call 0'),
    );
  });

  it('notification-badges: three signals become one word 7, a late one is handed over (§1.6)', () => {
    const sim = run(byId('notification-badges'));
    expect(consoleOf(sim, 'handler')).toEqual([
      'woke with word 7: disk + net + timer',
      'woke with word 8: late',
    ]);
  });

  it('bound-notification: the device wakes the server out of Recv and an active one sends ReplyRecv slow (§1.6)', () => {
    const sim = run(byId('bound-notification'));
    const lines = consoleOf(sim, 'server');
    expect(lines.filter((l) => l.startsWith('woken by the device'))).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('call '))).toHaveLength(4);
    const rr = eventsOf(sim.log, 'syscallExited', { syscall: 'ReplyRecv' });
    expect(rr.some((e) => e.reason?.includes("bound notification 'irq' is active"))).toBe(true);
  });

  it('mcs-passive-server: SCs are donated and returned and the server follows them (§1.9)', () => {
    const sim = run(byId('mcs-passive-server'));
    expect(eventsOf(sim.log, 'schedContextDonated', { to: 'server' })).toHaveLength(6);
    expect(eventsOf(sim.log, 'schedContextReturned', { from: 'server' })).toHaveLength(6);
    const moves = eventsOf(sim.log, 'threadMigrated', { thread: 'server' });
    expect(moves.map((m) => `${m.from}->${m.to}`)).toEqual(['0->1', '1->0']);
    for (const client of ['far', 'near']) {
      expect(calls(sim, client).map((e) => e.path)).toEqual(['slow', 'fast', 'fast']);
    }
  });

  it('cap-fault-handler: one fault goes to the handler, who suspends the client; the other stops (§1.3)', () => {
    const sim = run(byId('cap-fault-handler'));
    const faults = eventsOf(sim.log, 'faultRaised');
    expect(faults.map((f) => `${f.thread}:${f.handler}`)).toEqual(['client:faults', 'lone:null']);
    expect(eventsOf(sim.log, 'messageTransferred', { kind: 'fault' })).toHaveLength(1);
    expect(
      eventsOf(sim.log, 'threadStopped', { thread: 'client', reason: 'suspended' }),
    ).toHaveLength(1);
    expect(consoleOf(sim, 'supervisor')[0]).toMatch(/^cap fault from badge 1/);
  });

  it('yield-round-robin: Yield interleaves equals, time slices preempt, low runs last (§1.8)', () => {
    const sim = run(byId('yield-round-robin'));
    const turns = consoleOf(sim).filter((l) => l.includes(' turn '));
    expect(turns.map((l) => l[0]).join('')).toBe('abcabcabc');
    expect(eventsOf(sim.log, 'interruptTaken', { kind: 'timer' }).length).toBeGreaterThanOrEqual(4);
    expect(consoleOf(sim).at(-1)).toBe('low finally runs');
  });

  it('lost-messages: only the well-formed Send arrives; the Call without Write gets an error (§1.2, §1.3)', () => {
    const sim = run(byId('lost-messages'));
    expect(consoleOf(sim, 'server')).toEqual(['server received message 4']);
    expect(consoleOf(sim, 'client')[2]).toMatch(/InvalidCapability/);
    expect(eventsOf(sim.log, 'messageTransferred')).toHaveLength(1);
  });
});
