// `ipcscope sweep FILE`: one run per point of platforms x kernels x params x cores x seeds
// (DESIGN.md "The command line") through the library's sweep(): on --jobs worker threads, rows in
// point order whatever the number of threads; --shard i/n runs every n-th point and writes JSON
// lines for `ipcscope merge`.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultJobs, sweep } from '../lib/node/sweep';
import { shardIndices, sweepPoints, type Shard, type SweepGrid } from '../lib/sweepGrid';
import type { SweepRow } from '../lib/sweepRow';
import type { ConfigOverrides } from '../sim/config';
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
import { NO_PROGRESS, terminalProgress, type ProgressSink } from './progress';
import { parseLimits } from './runCommand';
import { loadScenarioFile, type RunLimits } from './scenarioRun';
import { shardHeader } from './shardFile';
import { formatSweepTable, toCsv } from './sweepRows';
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
  jobs: 'value',
  shard: 'value',
};

interface SweepCliOptions {
  file: string;
  points: ConfigOverrides[];
  limits: RunLimits;
  csv: string | null;
  json: boolean;
  jobs: number;
  shard: Shard | null;
}

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!(count >= 1 && index >= 1 && index <= count)) {
    throw new UsageError(`option '--shard' needs i/n with 1 <= i <= n (e.g. 2/8), got '${text}'`);
  }
  return { index, count };
}

function parseSweepOptions(argv: readonly string[]): SweepCliOptions | 'help' {
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
  const params: Record<string, number[]> = {};
  for (const p of a.repeats.get('param') ?? []) {
    const { name, values } = parseParam(p, true);
    if (Object.hasOwn(params, name)) {
      throw new UsageError(`option '--param' names '${name}' twice`);
    }
    params[name] = values;
  }
  const grid: SweepGrid = {
    mcs: a.bools.has('mcs'),
    params,
    ...optional('platform', list('platform', parsePlatform)),
    ...optional('kernel', list('kernel', parseKernel)),
    ...optional('cores', list('cores', parseCores)),
    ...optional(
      'seed',
      list('seed', (f, s) => parseInteger(f, s, 0, 2 ** 32 - 1)),
    ),
  };
  const shard = v.has('shard') ? parseShard(v.get('shard')!) : null;
  if (shard !== null && (v.has('csv') || a.bools.has('json'))) {
    throw new UsageError(
      "option '--shard' writes JSON lines to stdout; make the CSV or JSON with 'ipcscope merge'",
    );
  }
  return {
    file: a.positionals[0]!,
    points: sweepPoints(grid),
    limits: parseLimits(v),
    csv: v.get('csv') ?? null,
    json: a.bools.has('json'),
    jobs: v.has('jobs') ? parseInteger('jobs', v.get('jobs')!, 1, 1024) : defaultJobs(),
    shard,
  };
}

function optional<K extends string, T>(key: K, value: T | undefined): { [P in K]?: T } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: T };
}

/** A row's errors as stderr lines, each prefixed with the point. */
export function rowErrorLines(row: SweepRow): string {
  if (row.error === null) return '';
  const where = `[${row.platform} cores=${row.cores} ${row.kernel}${row.mcs ? ' mcs' : ''} seed=${row.seed}]`;
  return row.error
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => `${where} ${l}\n`)
    .join('');
}

/** Print the rows as a single run prints them: table or JSON on stdout, optionally a CSV file. */
export function printRows(
  rows: readonly SweepRow[],
  out: { csv: string | null; json: boolean },
  io: CliIo,
): void {
  if (out.csv !== null) {
    try {
      writeFileSync(resolve(io.cwd, out.csv), toCsv(rows));
    } catch (e) {
      throw new ScenarioFailure(
        `${out.csv}: cannot write (${(e as { code?: string }).code ?? String(e)})`,
      );
    }
  }
  io.out(out.json ? `${JSON.stringify(rows, null, 2)}\n` : formatSweepTable(rows));
}

export async function sweepCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const o = parseSweepOptions(argv);
  if (o === 'help') {
    io.out(SWEEP_USAGE);
    return EXIT_OK;
  }
  const loaded = loadScenarioFile(o.file, io.cwd);
  const progress: ProgressSink =
    io.errIsTTY === true
      ? terminalProgress(
          (t) => io.err(t),
          () => performance.now(),
        )
      : NO_PROGRESS;
  let failed = false;
  const shard = o.shard;
  const indices = shard === null ? [] : shardIndices(o.points.length, shard);
  let headerWritten = false;
  const rows = await sweep(loaded, o.points, {
    jobs: o.jobs,
    limits: o.limits,
    shard,
    onProgress: (done, total) => progress.update(done, total),
    onRow: (row, done) => {
      const errors = rowErrorLines(row);
      if (errors !== '') {
        failed = true;
        progress.clear();
        io.err(errors);
      }
      if (shard !== null) {
        // The header goes out with the first row: a shard that failed to start writes nothing.
        if (!headerWritten) {
          const header = shardHeader(loaded, o.points, o.limits, shard, indices.length);
          io.out(`${JSON.stringify(header)}\n`);
          headerWritten = true;
        }
        io.out(`${JSON.stringify({ index: indices[done - 1], row })}\n`);
      }
    },
  });
  progress.clear();
  if (shard !== null) {
    if (!headerWritten) {
      io.out(`${JSON.stringify(shardHeader(loaded, o.points, o.limits, shard, 0))}\n`);
    }
  } else {
    printRows(rows, o, io);
  }
  return failed ? EXIT_FAILED : EXIT_OK;
}
