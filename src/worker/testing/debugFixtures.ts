// Scenarios made for the debugger's tests, and a helper that scans a finished run for hits.
import { createProjection } from '../../projection/initialProjection';
import type { SimEvent } from '../../sim/simEvents';
import { runFixture, type FixtureRun } from './fixtures';
import type { ConfigOverrides } from '../../sim/config';
import type { Condition, DebugBreakpoint } from '../../debugger/conditions';
import type { CompiledExpression } from '../../debugger/evaluators';
import { HitScanner } from '../../debugger/hitScanner';

/** Three clients on three cores (spread apart by `spread`) call a server that is busy first: senders queue up. */
export const QUEUE = `import { scenario, type Sys } from 'ipcscope';
export default scenario({
  name: 'queued senders',
  machine: { platform: 'xeon-2s', cores: 4, kernel: 'smp' },
  params: { busy: 20000, spread: 1 },
  setup(k) {
    const ep = k.endpoint('ep');
    k.process('server', server(k.params.busy), { core: 0, priority: 200, caps: { ep: ep.cap() } });
    for (let c = 1; c < 4; c++)
      k.process('client' + c, client, { core: c * k.params.spread, priority: 100, caps: { ep: ep.cap({ badge: c }) } });
  },
});
function server(busy: number) {
  return function* (sys: Sys) {
    yield* sys.compute(busy);
    let m = yield* sys.recv('ep');
    for (;;) m = yield* sys.replyRecv('ep', { words: [m.badge] });
  };
}
function* client(sys: Sys) {
  for (let i = 0; i < 3; i++) {
    const r = yield* sys.call('ep', { label: 1, words: [i] });
    yield* sys.compute(100 + r.words[0]);
  }
}
`;

/** A client calls a slot with no cap in it (a cap fault) after two good calls. */
export const FAULTY = `import { scenario, type Sys } from 'ipcscope';
export default scenario({
  name: 'fault',
  machine: { platform: 'skylake-i7', cores: 1 },
  setup(k) {
    const ep = k.endpoint('ep');
    k.process('server', server, { core: 0, priority: 200, caps: { ep: ep.cap() } });
    k.process('client', client, { core: 0, priority: 100, caps: { ep: ep.cap() } });
  },
});
function* server(sys: Sys) {
  let m = yield* sys.recv('ep');
  for (;;) m = yield* sys.replyRecv('ep', {});
}
function* client(sys: Sys) {
  yield* sys.call('ep', {});
  yield* sys.call('ep', {});
  yield* sys.call('nothing', {});
}
`;

/** An MCS client whose budget is far smaller than the work it does between calls. */
export const BUDGET = `import { scenario, type Sys } from 'ipcscope';
export default scenario({
  name: 'budget',
  machine: { platform: 'a57-tx1', cores: 1, mcs: true },
  setup(k) {
    k.process('worker', worker, { core: 0, priority: 100, budget: 20, period: 1000 });
  },
});
function* worker(sys: Sys) {
  for (let i = 0; i < 3; i++) yield* sys.compute(50000);
}
`;

export interface Scan {
  run: FixtureRun;
  scanner: HitScanner;
  /** Hit indices of breakpoint 1. */
  hits: number[];
}

/** Run a fixture to the end and scan it for one condition (breakpoint id 1). */
export function scanFor(
  source: string,
  condition: Condition,
  overrides: ConfigOverrides = {},
  compiled?: CompiledExpression,
): Scan {
  const run = runFixture(source, overrides);
  const bp: DebugBreakpoint = { id: 1, condition, enabled: true };
  const scanner = new HitScanner(
    { length: run.log.length, get: (i) => run.log[i]! },
    createProjection(run.description),
    run.description,
    [bp],
    compiled ? new Map([[1, compiled]]) : new Map(),
  );
  scanner.scanTo(run.log.length);
  const hits: number[] = [];
  for (let i = 0; i < run.log.length; i++) if (scanner.idsAt(i).includes(1)) hits.push(i);
  return { run, scanner, hits };
}

export function at(run: FixtureRun, i: number): SimEvent {
  return run.log[i]!;
}
