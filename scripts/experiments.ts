// Runs the two built-in multicore experiments with `ipcscope sweep` and renders their charts
// (docs/experiments.md). Usage: npm run experiments  (writes docs/experiments/*.csv and *.svg)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLATFORMS } from '../src/sim/machine/platforms';
import { renderLineChart, type Series } from './charts/lineChart';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs', 'experiments');
const MAX_CYCLES = '20000000';

type Row = Record<string, string>;

function sweep(name: string, args: string[]): Row[] {
  const csv = join(out, `${name}.csv`);
  execFileSync(
    process.execPath,
    [join(root, 'bin', 'ipcscope.mjs'), 'sweep', ...args, '--max-cycles', MAX_CYCLES, '--csv', csv],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const [header, ...lines] = readFileSync(csv, 'utf8').trim().split('\n');
  const cols = header!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i]!, v])));
}

function num(r: Row, key: string): number {
  const v = r[key] ?? r[`param.${key}`] ?? r[`param:${key}`];
  if (v === undefined)
    throw new Error(`column '${key}' missing; columns: ${Object.keys(r).join(', ')}`);
  return Number(v);
}

/** Round trips (Call + reply) per second over the whole machine. */
function callsPerSecond(r: Row): number {
  const clock = PLATFORMS.find((p) => p.id === r.platform)!.clockMHz * 1e6;
  return num(r, 'messages') / 2 / (num(r, 'cycles') / clock);
}

function group(rows: Row[], key: (r: Row) => string, y: (r: Row) => number): Series[] {
  const m = new Map<string, Series>();
  for (const r of rows) {
    const label = key(r);
    const s = m.get(label) ?? { label, points: [] };
    s.points.push({ x: num(r, 'cores'), y: y(r) });
    m.set(label, s);
  }
  return [...m.values()];
}

function save(name: string, svg: string): void {
  writeFileSync(join(out, `${name}.svg`), svg + '\n');
}

mkdirSync(out, { recursive: true });

const smp = sweep('smp-pingpong', [
  'src/scenarios/exp-smp-pingpong.ts',
  '--cores',
  '1,2,3,4',
  '--platform',
  'a9-sabre,haswell-i7',
  '--param',
  'think=500,4000,32000',
]);
for (const platform of ['a9-sabre', 'haswell-i7']) {
  save(
    `smp-pingpong-${platform}`,
    renderLineChart({
      title: `sel4bench smp: one ping-pong pair per core, ${platform}`,
      xLabel: 'cores',
      yLabel: 'round trips per second (all cores)',
      series: group(
        smp.filter((r) => r.platform === platform),
        (r) => `think ${num(r, 'think')}`,
        callsPerSecond,
      ),
    }),
  );
}

const cross = [
  ...sweep('cross-core-arm', [
    'src/scenarios/exp-cross-core.ts',
    '--cores',
    '2,4',
    '--platform',
    'a9-sabre',
    '--kernel',
    'smp,clustered:2',
  ]),
  ...sweep('cross-core-x86', [
    'src/scenarios/exp-cross-core.ts',
    '--cores',
    '2,4,8,16,32',
    '--platform',
    'xeon-2s',
    '--kernel',
    'smp,clustered:16,clustered:2',
  ]),
];
const label = (r: Row): string => `${r.platform} ${r.kernel}`;
save(
  'cross-core-cycles-per-ipc',
  renderLineChart({
    title: 'Cross-core Call: kernel cycles per IPC',
    xLabel: 'cores',
    yLabel: 'cycles per IPC kernel entry',
    logY: true,
    series: group(cross, label, (r) => num(r, 'cyclesPerIpc')),
  }),
);
save(
  'cross-core-migration',
  renderLineChart({
    title: 'Cache-line migration cycles per kernel entry',
    xLabel: 'cores',
    yLabel: 'migration cycles per kernel entry',
    logY: true,
    series: group(cross, label, (r) => Math.max(1, num(r, 'migrationCyclesPerEntry'))),
  }),
);
save(
  'cross-core-throughput',
  renderLineChart({
    title: 'Cross-core client/server pairs: throughput',
    xLabel: 'cores',
    yLabel: 'round trips per second (all cores)',
    logY: true,
    series: group(cross, label, callsPerSecond),
  }),
);
console.log(`wrote ${out}`);
