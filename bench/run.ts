// npm run bench: simulated kernel entries per second (same-core ping-pong; 64 cores with 1,000
// threads), the bare event loop's throughput as the ceiling, and peak memory. Wall-clock time is
// measured here only, never inside src/sim. Writes bench/results.json.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadScenarioSource } from '../src/loader/loadScenario';
import { resolveConfig } from '../src/sim/config';
import { EventQueue } from '../src/sim/engine/eventQueue';
import { Simulation } from '../src/sim/simulation';
import { MANY_CORES, PING_PONG } from './scenarios';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2.5);

interface SimResult {
  name: string;
  /** Whether the traceHash was computed (the default; the hash covers every event). */
  hash: boolean;
  kernelEntries: number;
  events: number;
  simulatedCycles: number;
  wallSeconds: number;
  entriesPerSecond: number;
  /** The best 0.25 s window: less sensitive to other load on the machine. */
  bestWindowEntriesPerSecond: number;
  eventsPerSecond: number;
  eventsPerEntry: number;
  peakRssMB: number;
}

let peakRss = 0;
function sampleRss(): void {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}

function simulate(name: string, source: string, file: string, hash: boolean): SimResult {
  const loaded = loadScenarioSource(source, file);
  const config = resolveConfig(loaded.scenario, {});
  const sim = new Simulation(loaded.scenario, config, {
    realClock: () => performance.now(),
    hash,
  });
  const entries = (): number => sim.stats.syscalls.total + sim.stats.interrupts;
  // Warm up the JIT before timing.
  sim.runToEvent(200_000);
  const e0 = entries();
  const ev0 = sim.eventCount;
  const c0 = sim.now;
  const t0 = performance.now();
  let elapsed = 0;
  let best = 0;
  while (elapsed < SECONDS * 1000 && sim.stopReason === null) {
    const w0 = performance.now();
    const we = entries();
    while (performance.now() - w0 < 250 && sim.stopReason === null) {
      sim.runToEvent(sim.eventCount + 20_000);
    }
    best = Math.max(best, (entries() - we) / ((performance.now() - w0) / 1000));
    sampleRss();
    elapsed = performance.now() - t0;
  }
  const wall = elapsed / 1000;
  return {
    name,
    hash,
    kernelEntries: entries() - e0,
    events: sim.eventCount - ev0,
    simulatedCycles: sim.now - c0,
    wallSeconds: wall,
    entriesPerSecond: (entries() - e0) / wall,
    bestWindowEntriesPerSecond: best,
    eventsPerSecond: (sim.eventCount - ev0) / wall,
    eventsPerEntry: (sim.eventCount - ev0) / Math.max(1, entries() - e0),
    peakRssMB: peakRss / 2 ** 20,
  };
}

/** The ceiling: the same binary heap popping and pushing items with trivial work per item. */
function bareEventLoop(): { itemsPerSecond: number; items: number } {
  const q = new EventQueue();
  for (let c = 0; c < 4; c++) q.push(c, 0, c, 0);
  let items = 0;
  let sink = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < SECONDS * 1000) {
    for (let i = 0; i < 1_000_000; i++) {
      const it = q.pop()!;
      sink += it.kind ^ it.core;
      q.push(it.time + 100 + (items & 7), (it.kind + 1) & 7, it.core, 0);
      items++;
    }
    elapsed = performance.now() - t0;
  }
  if (sink < 0) console.log(sink);
  return { itemsPerSecond: items / (elapsed / 1000), items };
}

function fmt(n: number): string {
  return n >= 1e6
    ? `${(n / 1e6).toFixed(2)}M`
    : n >= 1e3
      ? `${(n / 1e3).toFixed(0)}k`
      : n.toFixed(2);
}

if (process.env.BENCH_LABEL) console.log(`engine: ${process.env.BENCH_LABEL}`);
const PP = 'same-core Call/ReplyRecv ping-pong (skylake-i7, 2 cores, smp)';
const pingPong = simulate(PP, PING_PONG, 'pingPong.ts', true);
const pingPongNoHash = simulate(`${PP}, no traceHash`, PING_PONG, 'pingPong.ts', false);
const loop = bareEventLoop();
peakRss = 0;
const many = simulate(
  '64 cores, 1,000 threads, cross-core IPC + shared buffers (epyc-2s, smp)',
  MANY_CORES,
  'manyCores.ts',
  true,
);
const maxRssMB = process.resourceUsage().maxRSS / 1024;

const simRow = (r: SimResult): string[] => [
  r.name,
  fmt(r.entriesPerSecond),
  fmt(r.bestWindowEntriesPerSecond),
  fmt(r.eventsPerSecond),
  r.eventsPerEntry.toFixed(1),
  `${r.peakRssMB.toFixed(0)} MB`,
];
const rows = [
  simRow(pingPong),
  simRow(pingPongNoHash),
  simRow(many),
  [
    'bare event loop (binary heap, trivial work per item)',
    '-',
    '-',
    `${fmt(loop.itemsPerSecond)} items`,
    '-',
    '-',
  ],
];
const header = [
  'benchmark',
  'kernel entries/s',
  'best 0.25 s',
  'events/s',
  'events/entry',
  'peak RSS',
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]): string =>
  r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(r));
const ratio = pingPong.entriesPerSecond / loop.itemsPerSecond;
const perEntry = many.entriesPerSecond / pingPong.entriesPerSecond;
console.log(
  `\nping-pong kernel entries per bare-loop item: ${ratio.toFixed(3)} (1.0 would be the ceiling)`,
);
console.log(
  `64-core kernel entries/s relative to same-core: ${perEntry.toFixed(2)} (target >= 0.5)`,
);
console.log(`process peak RSS (maxRSS): ${maxRssMB.toFixed(0)} MB; node ${process.version}`);

const results = {
  node: process.version,
  secondsPerBenchmark: SECONDS,
  pingPong,
  pingPongNoHash,
  manyCores: many,
  bareEventLoop: loop,
  ratios: { pingPongToEventLoop: ratio, manyCoresToPingPong: perEntry },
  maxRssMB,
};
// scripts/bench.mjs runs this bundled and says where the results go.
writeFileSync(
  process.env.BENCH_OUT ?? 'bench/results.json',
  `${JSON.stringify(results, null, 2)}\n`,
);
