import { describe, expect, it } from 'vitest';
import { loadScenarioSource } from '../../loader/loadScenario';
import { resolveConfig } from '../../sim/config';
import { Simulation } from '../../sim/simulation';
import { loadErrorReply } from '../../worker/sessionErrors';
import {
  collectMarkers,
  dedupeMarkers,
  findLocation,
  linesUsingSlot,
  markerFromError,
  markersFromFault,
  watchdogLine,
  type EngineError,
  type FaultReport,
} from './markers';

const FILE = 'scenario.ts';

/** The error reply the worker sends for a scenario that does not load. */
function loadError(source: string): EngineError {
  try {
    loadScenarioSource(source, FILE);
  } catch (e) {
    const r = loadErrorReply(e, FILE);
    if (r.type === 'error') return r;
  }
  throw new Error('the scenario loaded');
}

/** Runs a scenario as the worker does; the real-time clock races so the watchdog fires at once. */
function runScenario(source: string): { errors: EngineError[]; faults: FaultReport[] } {
  const loaded = loadScenarioSource(source, FILE);
  let clock = 0;
  const sim = new Simulation(loaded.scenario, resolveConfig(loaded.scenario, {}), {
    keepLog: true,
    realClock: () => (clock += 100),
    describeError: (e) => loaded.describeError(e),
  });
  sim.run({ maxCycles: 1_000_000 });
  const errors = sim.scriptErrors.map((e) => ({
    kind: e.watchdog ? ('watchdog' as const) : ('runtime' as const),
    message: e.message,
    file: FILE,
    line: e.line,
    column: null,
    thread: e.thread,
  }));
  const faults = sim.log.flatMap((e) => (e.type === 'faultRaised' ? [e] : []));
  return { errors, faults };
}

const THROWS = `import { scenario, type Sys } from 'ipcscope';

export default scenario({
  name: 'throws',
  setup(k) {
    k.process('p', prog);
  },
});

function* prog(sys: Sys) {
  yield* sys.yield();
  throw new Error('boom');
}
`;

const LOOPS = `import { scenario, type Sys } from 'ipcscope';

export default scenario({
  name: 'loops',
  setup(k) {
    k.process('spinner', prog);
  },
});

function* prog(sys: Sys) {
  yield* sys.yield();
  let i = 0;
  while (i >= 0) i++;
}
`;

const CAP_FAULT = `import { scenario, type Sys } from 'ipcscope';

export default scenario({
  name: 'empty slot',
  setup(k) {
    const ep = k.endpoint('ep');
    k.process('client', client, { caps: { ep: ep.cap() } });
  },
});

function* client(sys: Sys) {
  yield* sys.yield();
  yield* sys.call('epp', { words: [1] });
}
`;

describe('markers from messages', () => {
  it('finds the last file:line:col naming the scenario file', () => {
    expect(findLocation("'p' threw Error: x (scenario.ts:12:5)", FILE)).toEqual({
      line: 12,
      column: 5,
    });
    expect(findLocation('at other.ts:3:1 then scenario.ts:7', FILE)).toEqual({ line: 7 });
    expect(findLocation('no place at all', FILE)).toBeNull();
  });

  it('reads the line of a watchdog message', () => {
    expect(watchdogLine("watchdog: 'p' ran too long (endless loop at line 14?).")).toBe(14);
    expect(watchdogLine('something else')).toBeNull();
  });

  it('finds the calls that name a slot, not other strings', () => {
    const src = "yield* sys.call('ep');\nconst s = 'ep';\nyield* sys.send( \"ep\", {});\n";
    expect(linesUsingSlot(src, 'ep')).toEqual([1, 3]);
    expect(linesUsingSlot(src, 'e.')).toEqual([]);
  });

  it('ignores an error that points at another file or at no line', () => {
    const base = { kind: 'load', message: 'bad', column: null } as const;
    expect(markerFromError({ ...base, file: 'other.ts', line: 3 }, FILE)).toBeNull();
    expect(markerFromError({ ...base, file: null, line: null }, FILE)).toBeNull();
  });

  it('reports setup errors as load markers and names the thread when the message does not', () => {
    const m = markerFromError(
      { kind: 'setup', message: 'no such core', file: FILE, line: 6, column: 7 },
      FILE,
    );
    expect(m).toEqual({
      line: 6,
      column: 7,
      message: 'no such core',
      severity: 'error',
      source: 'load',
    });
    const r = markerFromError(
      { kind: 'runtime', message: 'Error: x', file: FILE, line: 2, column: null, thread: 't' },
      FILE,
    );
    expect(r?.message).toBe('t: Error: x');
  });

  it('drops a marker repeated by the error reply and the fault event', () => {
    const m = { line: 3, message: 'x', severity: 'error', source: 'runtime' } as const;
    expect(dedupeMarkers([m, { ...m, source: 'fault' }, { ...m, line: 4 }])).toHaveLength(2);
  });
});

describe('markers from the engine', () => {
  it('puts a syntax error at its line and column', () => {
    const reply = loadError(THROWS.replace("name: 'throws'", 'name: ,'));
    const m = markerFromError(reply, FILE);
    expect(m).toMatchObject({ line: 4, source: 'load', severity: 'error' });
    expect(m?.column).toBeGreaterThan(0);
  });

  it("puts a program's exception on the throw line, from the error and from the fault", () => {
    const run = runScenario(THROWS);
    expect(run.errors).toHaveLength(1);
    const fromError = markerFromError(run.errors[0]!, FILE);
    expect(fromError).toMatchObject({ line: 12, source: 'runtime' });
    expect(fromError?.column).toBeGreaterThan(0);
    const fromFault = run.faults.flatMap((f) => markersFromFault(f, THROWS, FILE));
    expect(fromFault).toMatchObject([{ line: 12, source: 'fault' }]);
    expect(dedupeMarkers([fromError!, ...fromFault])).toHaveLength(1);
  });

  it('puts the watchdog message on the endless loop', () => {
    const run = runScenario(LOOPS);
    const m = markerFromError(run.errors[0]!, FILE);
    expect(m).toMatchObject({ line: 13, source: 'watchdog' });
    expect(m?.message).toContain('endless loop at line 13');
    expect(run.faults.flatMap((f) => markersFromFault(f, LOOPS, FILE))).toMatchObject([
      { line: 13, source: 'watchdog' },
    ]);
  });

  it('collects one marker per place from the error replies and the faults', () => {
    const run = runScenario(THROWS);
    const errors = run.errors.map((e) => ({ ...e, thread: e.thread ?? null }));
    expect(collectMarkers(errors, run.faults, THROWS, FILE)).toMatchObject([
      { line: 12, source: 'runtime' },
    ]);
    expect(collectMarkers(errors, run.faults, THROWS, 'other.ts')).toEqual([]);
  });

  it('puts a cap fault on the call that used the empty slot (§1.3)', () => {
    const run = runScenario(CAP_FAULT);
    const markers = run.faults.flatMap((f) => markersFromFault(f, CAP_FAULT, FILE));
    expect(markers).toHaveLength(1);
    expect(markers[0]).toMatchObject({ line: 13, source: 'fault' });
    expect(markers[0]?.message).toMatch(/^cap fault in 'client': slot 'epp'/);
  });
});
