// The narration says what each kernel entry did and why, from the events alone.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioSource } from '../../loader/loadScenario';
import { SCENARIOS } from '../../scenarios/catalog';
import type { SimEvent } from '../../sim/simEvents';
import { buildLoaded, TEST_LIMITS } from '../../sim/testing/runScenario';
import { narrate } from './narrate';
import { lineFor, narrationBefore } from './window';

function runBuiltIn(id: string, maxEvents = TEST_LIMITS.maxEvents): SimEvent[] {
  const entry = SCENARIOS.find((s) => s.id === id)!;
  const dir = path.join(__dirname, '../../scenarios');
  const loaded = loadScenarioSource(
    fs.readFileSync(path.join(dir, entry.file), 'utf8'),
    entry.file,
  );
  const sim = buildLoaded(loaded);
  sim.run({ ...TEST_LIMITS, maxEvents });
  return [...sim.log];
}

const at = (seq: number, core: number, t: number) => ({ seq, core, t });

describe('narration of one kernel entry', () => {
  it('says a same-core Call took the fastpath because the server was waiting in Recv (§1.7)', () => {
    const events: SimEvent[] = [
      { ...at(0, 0, 768), type: 'syscallEntered', thread: 'client', syscall: 'Call', cap: 'ep' },
      {
        ...at(1, 0, 768),
        type: 'messageTransferred',
        from: 'client',
        to: 'server',
        object: 'echo',
        label: 1,
        length: 1,
        badge: 7,
        caps: 0,
        words: [0],
        kind: 'call',
      },
      { ...at(2, 0, 768), type: 'threadWoken', thread: 'server' },
      {
        ...at(3, 0, 768),
        type: 'threadBlocked',
        thread: 'client',
        state: 'blockedOnReply',
        object: 'server',
      },
      { ...at(4, 0, 768), type: 'threadSwitched', from: 'client', to: 'server', idle: false },
      {
        ...at(5, 0, 1153),
        type: 'syscallExited',
        interrupt: null,
        thread: 'client',
        syscall: 'Call',
        path: 'fast',
        cycles: 385,
      },
    ];
    const lines = narrate(events);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ first: 0, last: 5, core: 0 });
    expect(lines[0]!.text).toBe(
      'core 0: client Calls ep. server was already waiting in Recv on this core, the message ' +
        'fits in the message registers with no caps, and server may run ahead of everything ' +
        'ready, so the fastpath applies (§1.7). The message (label 1, 1 word, badge 7) goes to ' +
        'server, and the kernel gives server a one-shot reply capability to client (§1.5); ' +
        'client now waits for the reply; server runs: the fastpath switches to it directly, ' +
        'without the scheduler (§1.7). 385 cycles.',
    );
  });

  it('gives the slowpath reason, the lock wait, the migrated lines and the IPI that follows', () => {
    const events: SimEvent[] = [
      { ...at(0, 1, 0), type: 'threadSwitched', from: 'idle.1', to: 'idle.1', idle: true },
      { ...at(1, 0, 2000), type: 'syscallEntered', thread: 'client', syscall: 'Call', cap: 'ep' },
      { ...at(2, 0, 2000), type: 'lockContended', image: 0, waitCycles: 120 },
      { ...at(3, 0, 2000), type: 'cacheLineMigrated', line: 'ep.echo', from: 1, to: 0, cycles: 68 },
      { ...at(4, 0, 2068), type: 'threadWoken', thread: 'server' },
      {
        ...at(5, 0, 2068),
        type: 'threadBlocked',
        thread: 'client',
        state: 'blockedOnReply',
        object: 'server',
      },
      { ...at(6, 0, 2068), type: 'threadSwitched', from: 'client', to: 'idle.0', idle: true },
      {
        ...at(7, 0, 2734),
        type: 'syscallExited',
        interrupt: null,
        thread: 'client',
        syscall: 'Call',
        path: 'slow',
        reason: "receiver 'server' runs on core 1, this thread on core 0",
        cycles: 666,
      },
      { ...at(8, 0, 2734), type: 'lockReleased', image: 0 },
      { ...at(9, 0, 2734), type: 'ipiSent', from: 0, to: 1, kind: 'reschedule' },
    ];
    const lines = narrate(events);
    expect(lines.map((l) => [l.first, l.last])).toEqual([
      [0, 0],
      [1, 9],
    ]);
    const text = lines[1]!.text;
    expect(text).toContain(
      "Slowpath: receiver 'server' runs on core 1, this thread on core 0 (§1.7).",
    );
    expect(text).toContain('waits 120 cycles for the big kernel lock, which another core holds');
    expect(text).toContain('1 cache line move here from core 1 (ep.echo): 68 cycles');
    expect(text).toContain('server becomes runnable');
    expect(text).toContain('nothing else is ready on core 0, so it goes idle');
    expect(text).toContain(
      'Then core 0 sends a reschedule IPI to core 1: server was made runnable there and core 1 is idle (§1.10).',
    );
  });

  it('tells a queued sender, a donated scheduling context and a migration', () => {
    const events: SimEvent[] = [
      { ...at(0, 0, 0), type: 'syscallEntered', thread: 'a', syscall: 'Send', cap: 'ep' },
      { ...at(1, 0, 0), type: 'threadBlocked', thread: 'a', state: 'blockedOnSend', object: 'ep0' },
      {
        ...at(2, 0, 0),
        type: 'objectChanged',
        object: 'ep0',
        kind: 'endpoint',
        state: 'send',
        queue: ['a'],
        word: 0,
      },
      {
        ...at(3, 0, 9),
        type: 'syscallExited',
        interrupt: null,
        thread: 'a',
        syscall: 'Send',
        path: 'slow',
        reason: 'Send has no fastpath',
        cycles: 9,
      },
      { ...at(4, 1, 10), type: 'syscallEntered', thread: 'b', syscall: 'Call', cap: 'ep' },
      { ...at(5, 1, 10), type: 'schedContextDonated', sc: 'sc.b', from: 'b', to: 'srv' },
      { ...at(6, 1, 10), type: 'threadMigrated', thread: 'srv', from: 0, to: 1 },
    ];
    const lines = narrate(events);
    expect(lines[0]!.text).toContain(
      'No receiver is waiting, so a queues on ep0 as a sender (§1.2)',
    );
    expect(lines[0]!.text).toContain('ep0 now queues 1 sender: a');
    // The Call is still in the kernel: its line tells what is known so far.
    expect(lines[1]!.text).toContain(
      'b lends its scheduling context sc.b to srv, a passive server',
    );
    expect(lines[1]!.text).toContain('srv moves from core 0 to core 1');
  });
});

describe('narration of whole runs', () => {
  it('tells every kernel entry of echo in order, one line each, covering every event', () => {
    const log = runBuiltIn('echo');
    const lines = narrate(log);
    const entries = log.filter((e) => e.type === 'syscallEntered').length;
    expect(
      lines.filter((l) => /^core \d+: \w+ (Calls|waits|replies|enters)/.test(l.text)),
    ).toHaveLength(entries);
    expect(lines.filter((l) => l.text.includes('the fastpath applies')).length).toBe(6);
    const covered = new Set<number>();
    for (const l of lines) for (let i = l.first; i <= l.last; i++) covered.add(i);
    expect(covered.size).toBe(log.length);
  });

  it('names the reason and the IPI in a cross-core run', () => {
    const lines = narrate(runBuiltIn('slowpath-cross-core'));
    expect(lines.some((l) => l.text.includes("Slowpath: receiver 'server' runs on core 1"))).toBe(
      true,
    );
    expect(lines.some((l) => l.text.includes('sends a reschedule IPI to core 1'))).toBe(true);
    expect(lines.some((l) => l.text.includes('an IPI arrives'))).toBe(true);
  });

  it('a window of the log starts at a kernel entry and finds the line of an event', () => {
    const log = runBuiltIn('slowpath-cross-core');
    const src = { length: log.length, get: (i: number) => log[i]! };
    const lines = narrationBefore(src, 100, 40);
    expect(lines[0]!.first).toBeGreaterThanOrEqual(60);
    expect(['syscallEntered', 'interruptTaken']).toContain(log[lines[0]!.first]!.type);
    const line = lineFor(lines, 99)!;
    expect(line.first).toBeLessThanOrEqual(99);
    expect(lines.every((l) => l.last < 100)).toBe(true);
  });

  it('narrates every built-in example without an untold kernel entry', () => {
    for (const s of SCENARIOS.filter((x) => x.kind === 'example')) {
      const lines = narrate(runBuiltIn(s.id, 3000));
      expect(lines.length, s.id).toBeGreaterThan(0);
      expect(
        lines.every((l) => l.text.length > 0 && !l.text.includes('undefined')),
        s.id,
      ).toBe(true);
    }
  });
});
