// `ipcscope sweep FILE`: one run per point of platforms x kernels x params x cores x seeds
// (DESIGN.md "The command line"), each from a freshly evaluated scenario module so no state
// leaks between points. A point whose setup throws becomes an error row; the sweep goes on.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadScenarioSource, type LoadedScenario } from '../loader/loadScenario';
import type { ConfigOverrides } from '../sim/config';
import { computeRunSummary } from '../sim/summary';
import {
  parseArgs,
  parseCores,
  parseInteger,
  parseKernel,
  parseParam,
  parsePlatform,
  splitList,
  type FlagSpec,
} from './args';
import { EXIT_FAILED, EXIT_OK, ScenarioFailure, UsageError } from './errors';
import type { CliIo } from './io';
import { parseLimits } from './runCommand';
import {
  createSimulation,
  loadScenarioFile,
  resolveRunConfig,
  runSimulation,
  scriptErrorLines,
  type RunLimits,
} from './scenarioRun';
import { errorRow, formatSweepTable, rowFromSummary, toCsv, type SweepRow } from './sweepRows';
import { SWEEP_USAGE } from './usage';

const SPEC: FlagSpec = {
  help: 'boolean',
  platform: 'value',
  cores: 'value',
  kernel: 'value',
  mcs: 'boolean',
  seed: 'value',
  param: 'repeat',
  'max-cycles': 'value',
  'max-events': 'value',
  'watchdog-ms': 'value',
  csv: 'value',
  json: 'boolean',
};

interface SweepOptions {
  file: string;
  points: ConfigOverrides[];
  limits: RunLimits;
  csv: string | null;
  json: boolean;
}

/** Cartesian product: each axis multiplies the points so far. */
function expand<T>(
  points: ConfigOverrides[],
  values: T[] | undefined,
  set: (o: ConfigOverrides, v: T) => void,
): ConfigOverrides[] {
  if (values === undefined) return points;
  return points.flatMap((p) =>
    values.map((v) => {
      const o: ConfigOverrides = { ...p, ...(p.params ? { params: { ...p.params } } : {}) };
      set(o, v);
      return o;
    }),
  );
}

function parseSweepOptions(argv: readonly string[]): SweepOptions | 'help' {
  const a = parseArgs(argv, SPEC);
  if (a.bools.has('help')) return 'help';
  if (a.positionals.length !== 1) {
    throw new UsageError(
      a.positionals.length === 0 ? 'missing the scenario FILE' : 'one scenario FILE only',
    );
  }
  const v = a.values;
  const list = <T>(flag: string, parse: (flag: string, s: string) => T): T[] | undefined => {
    const text = v.get(flag);
    return text === undefined ? undefined : splitList(flag, text).map((s) => parse(flag, s));
  };
  let points: ConfigOverrides[] = [a.bools.has('mcs') ? { mcs: true } : {}];
  points = expand(points, list('platform', parsePlatform), (o, x) => (o.platform = x));
  points = expand(points, list('kernel', parseKernel), (o, x) => (o.kernel = x));
  const seen = new Set<string>();
  for (const p of a.repeats.get('param') ?? []) {
    const { name, values } = parseParam(p, true);
    if (seen.has(name)) throw new UsageError(`option '--param' names '${name}' twice`);
    seen.add(name);
    points = expand(points, values, (o, x) => (o.params = { ...o.params, [name]: x }));
  }
  points = expand(points, list('cores', parseCores), (o, x) => (o.cores = x));
  points = expand(
    points,
    list('seed', (f, s) => parseInteger(f, s, 0, 2 ** 32 - 1)),
    (o, x) => (o.seed = x),
  );
  const limits = parseLimits(v);
  return {
    file: a.positionals[0]!,
    points,
    limits,
    csv: v.get('csv') ?? null,
    json: a.bools.has('json'),
  };
}

/** Run one point; returns its row and any error text for stderr. */
function runPoint(
  first: LoadedScenario,
  point: ConfigOverrides,
  limits: RunLimits,
): { row: SweepRow; errors: string } {
  // A fresh module per point: scenario files may keep state at module level.
  const loaded = loadScenarioSource(first.source, first.file);
  const config = resolveRunConfig(loaded, point);
  let sim;
  try {
    sim = createSimulation(loaded, config, limits);
  } catch (e) {
    if (!(e instanceof ScenarioFailure)) throw e;
    return { row: errorRow(config, e.message), errors: `${e.message}\n` };
  }
  runSimulation(loaded, sim, limits);
  const errors = scriptErrorLines(loaded, sim);
  const row = rowFromSummary(computeRunSummary(sim), errors === '' ? null : errors.trimEnd());
  return { row, errors };
}

export function sweepCommand(argv: readonly string[], io: CliIo): number {
  const o = parseSweepOptions(argv);
  if (o === 'help') {
    io.out(SWEEP_USAGE);
    return EXIT_OK;
  }
  const first = loadScenarioFile(o.file, io.cwd);
  const rows: SweepRow[] = [];
  let failed = false;
  for (const point of o.points) {
    const { row, errors } = runPoint(first, point, o.limits);
    rows.push(row);
    if (errors !== '') {
      failed = true;
      const where = `[${row.platform} cores=${row.cores} ${row.kernel}${row.mcs ? ' mcs' : ''} seed=${row.seed}]`;
      io.err(
        errors
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => `${where} ${l}\n`)
          .join(''),
      );
    }
  }
  if (o.csv !== null) {
    try {
      writeFileSync(resolve(io.cwd, o.csv), toCsv(rows));
    } catch (e) {
      throw new ScenarioFailure(
        `${o.csv}: cannot write (${(e as { code?: string }).code ?? String(e)})`,
      );
    }
  }
  io.out(o.json ? `${JSON.stringify(rows, null, 2)}\n` : formatSweepTable(rows));
  return failed ? EXIT_FAILED : EXIT_OK;
}
