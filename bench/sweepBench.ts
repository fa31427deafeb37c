// npm run bench:sweep: points per second of the experiments' sweeps (the three sweeps
// scripts/experiments.ts runs, docs/experiments.md) with `--jobs 1` and `--jobs N` (default 2),
// through the built command line (dist-node/, as installed), checking that both print the same
// bytes. Rounds alternate 1 and N so a change in the machine's load hits both; the best round
// of each counts. The load average is recorded with the figures (the machine may be shared).
// Writes bench/sweep-results.json.
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cliPath = join(root, 'dist-node', 'cli.js');
const { main } = (await import(cliPath)) as {
  main: (
    argv: string[],
    io: { cwd: string; out(t: string): void; err(t: string): void },
  ) => Promise<number>;
};
const JOBS = Number(process.env.BENCH_JOBS ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const MAX = ['--max-cycles', '20000000'];

/** The experiments' sweeps, as scripts/experiments.ts runs them. */
const SWEEPS = [
  [
    'src/scenarios/exp-smp-pingpong.ts',
    '--cores',
    '1,2,3,4',
    '--platform',
    'a9-sabre,haswell-i7',
    '--param',
    'think=500,4000,32000',
  ],
  [
    'src/scenarios/exp-cross-core.ts',
    '--cores',
    '2,4',
    '--platform',
    'a9-sabre',
    '--kernel',
    'smp,clustered:2',
  ],
  [
    'src/scenarios/exp-cross-core.ts',
    '--cores',
    '2,4,8,16,32',
    '--platform',
    'xeon-2s',
    '--kernel',
    'smp,clustered:16,clustered:2',
  ],
];

/** All sweeps once with `jobs`: wall seconds, points and the bytes printed. */
async function runAll(jobs: number): Promise<{ seconds: number; points: number; out: string }> {
  let out = '';
  let points = 0;
  const start = performance.now();
  for (const args of SWEEPS) {
    let text = '';
    const io = {
      cwd: root,
      out: (t: string) => void (text += t),
      err: (t: string) => void process.stderr.write(t),
    };
    const code = await main(['sweep', ...args, ...MAX, '--json', '--jobs', String(jobs)], io);
    if (code !== 0) throw new Error(`sweep ${args[0]} exited ${code}`);
    points += (JSON.parse(text) as unknown[]).length;
    out += text;
  }
  return { seconds: (performance.now() - start) / 1000, points, out };
}

const loadBefore = loadavg();
const best = new Map<number, number>([
  [1, Infinity],
  [JOBS, Infinity],
]);
let reference: string | null = null;
let points = 0;
for (let round = 0; round < ROUNDS; round++) {
  for (const jobs of [1, JOBS]) {
    const r = await runAll(jobs);
    if (reference === null) reference = r.out;
    else if (r.out !== reference) throw new Error(`--jobs ${jobs} printed different output`);
    points = r.points;
    best.set(jobs, Math.min(best.get(jobs)!, r.seconds));
    console.log(
      `round ${round + 1} --jobs ${jobs}: ${r.points} points in ${r.seconds.toFixed(2)} s`,
    );
  }
}
const loadAfter = loadavg();
const rate = (jobs: number): number => points / best.get(jobs)!;
const result = {
  date: new Date().toISOString(),
  cores: availableParallelism(),
  points,
  rounds: ROUNDS,
  jobs1: { seconds: best.get(1), pointsPerSecond: rate(1) },
  [`jobs${JOBS}`]: { seconds: best.get(JOBS), pointsPerSecond: rate(JOBS) },
  speedup: rate(JOBS) / rate(1),
  sameOutput: true,
  loadAverage: { before: loadBefore, after: loadAfter },
};
writeFileSync(join(root, 'bench', 'sweep-results.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(
  `--jobs 1: ${rate(1).toFixed(2)} points/s; --jobs ${JOBS}: ${rate(JOBS).toFixed(2)} points/s; ` +
    `speedup ${result.speedup.toFixed(2)}x; output identical; load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} -> ${loadAfter.map((l) => l.toFixed(2)).join(' ')}`,
);
