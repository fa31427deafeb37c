// `ipcscope diff FILE --a "FLAGS" --b "FLAGS"`: the same scenario and seed on two
// configurations, run as the app runs them (src/worker/debug/variantRun.ts), compared: the first
// event where what happened differs, the first difference of any kind, and the summaries side
// by side (src/debugger/runDiff.ts). Text, or the diff object with --json.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RunVariant } from '../debugger/protocol';
import { diffRuns, type Divergence, type RunDiff } from '../debugger/runDiff';
import type { ConfigOverrides } from '../sim/config';
import { ConfigError } from '../sim/config';
import { ScenarioError } from '../loader/loadScenario';
import { diffInput, runVariant } from '../worker/debug/variantRun';
import { LOG_CAP } from '../worker/sessionLimits';
import { machineFlags, parseArgs, parseInteger, type FlagSpec } from './args';
import { EXIT_OK, ScenarioFailure, UsageError } from './errors';
import type { CliIo } from './io';
import { formatNumber, formatTable } from './table';

export const DIFF_USAGE = `Usage: ipcscope diff FILE --a "FLAGS" --b "FLAGS" [options]

Runs FILE twice, with the same seed, on configuration A and on configuration B, and compares
the runs event by event: the first event where what happened differs (timing ignored), the
first difference of any kind, and the summaries (cycles per IPC, fastpath share, migrations,
lock contention, kernel cycles per thread).

  --a "FLAGS", --b "FLAGS"  each side's flags, quoted: --platform ID, --cores N,
                            --kernel K, --mcs, --seed N, --param NAME=VALUE (repeatable),
                            --file OTHER.ts (another version of the script)
  --platform, --cores, --kernel, --mcs, --seed, --param
                            outside --a/--b: apply to both sides (a side's own flags win)
  --max-events N            per run (default ${LOG_CAP}, the app's log limit)
  --json                    print the diff as one JSON object

Example:
  ipcscope diff echo.ts --a "--platform skylake-i7" --b "--platform a9-sabre"
`;

const MACHINE: FlagSpec = {
  platform: 'value',
  cores: 'value',
  kernel: 'value',
  mcs: 'boolean',
  seed: 'value',
  param: 'repeat',
};

const SPEC: FlagSpec = {
  ...MACHINE,
  help: 'boolean',
  json: 'boolean',
  'max-events': 'value',
};

/**
 * Take --a and --b out of argv first: their values are flags themselves ("--platform x") or
 * empty, which the shared parser would refuse.
 */
export function takeSides(argv: readonly string[]): {
  rest: string[];
  sides: Partial<Record<'a' | 'b', string>>;
} {
  const rest: string[] = [];
  const sides: Partial<Record<'a' | 'b', string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const m = /^--(a|b)(?:=(.*))?$/s.exec(arg);
    if (m === null) {
      rest.push(arg);
      continue;
    }
    const k = m[1] as 'a' | 'b';
    if (m[2] !== undefined) sides[k] = m[2];
    else if (i + 1 < argv.length) sides[k] = argv[++i]!;
    else
      throw new UsageError(
        `option '--${k}' needs a value: the flags of side ${k.toUpperCase()}, quoted`,
      );
  }
  return { rest, sides };
}

/** Split a side's flag string into words ("--param a=1 --cores 2"); quotes group words. */
export function splitFlags(text: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push(m[1] ?? m[2] ?? m[3]!);
  return out;
}

interface Side {
  overrides: ConfigOverrides;
  file: string | null;
  flags: string;
}

function parseSide(name: 'a' | 'b', text: string, common: ConfigOverrides): Side {
  let a: ReturnType<typeof parseArgs>;
  let own: ConfigOverrides;
  try {
    a = parseArgs(splitFlags(text), { ...MACHINE, file: 'value' });
    if (a.positionals.length > 0) {
      throw new UsageError(`unexpected '${a.positionals[0]}' (use --file to name another script)`);
    }
    own = machineFlags(a);
  } catch (e) {
    if (e instanceof UsageError) throw new UsageError(`in --${name} "${text}": ${e.message}`);
    throw e;
  }
  const overrides: ConfigOverrides = { ...common, ...own };
  if (common.params !== undefined || own.params !== undefined) {
    overrides.params = { ...common.params, ...own.params };
  }
  return { overrides, file: a.values.get('file') ?? null, flags: text };
}

function readSource(file: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code;
    throw new ScenarioFailure(`${file}: cannot read the scenario file (${why ?? String(e)})`);
  }
}

function run(v: RunVariant, maxEvents: number) {
  try {
    return runVariant(v, () => performance.now(), {}, maxEvents);
  } catch (e) {
    if (e instanceof ScenarioError) throw new ScenarioFailure(`${v.label}: ${e.message}`);
    if (e instanceof ConfigError) throw new UsageError(`${v.label}: ${e.message}`);
    throw new ScenarioFailure(
      `${v.label}: ${v.file}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

function divergenceText(title: string, d: Divergence | null, none: string): string {
  if (d === null) return `${title}: ${none}\n`;
  return (
    `${title}: event #${d.index} (t = ${d.aT ?? '-'} in A, ${d.bT ?? '-'} in B; differs in ${d.fields.join(', ')})\n` +
    `  A: ${d.a ?? '(the run had ended)'}\n` +
    `  B: ${d.b ?? '(the run had ended)'}\n`
  );
}

function delta(a: number | null, b: number | null): string {
  if (a === null || b === null) return '-';
  const d = Math.round((b - a) * 10) / 10;
  return `${d > 0 ? '+' : ''}${formatNumber(d, Number.isInteger(d) ? 0 : 1)}`;
}

function num(n: number | null): string {
  return formatNumber(n, n !== null && !Number.isInteger(n) ? 1 : 0);
}

export function formatDiff(d: RunDiff, file: string): string {
  const side = (k: 'A' | 'B', s: RunDiff['a']) =>
    `  ${k}: ${s.label || '(as the scenario says)'} -> ${s.config.platform}, ${s.config.cores} core${s.config.cores === 1 ? '' : 's'}, ${s.config.kernel}${s.config.mcs ? ', mcs' : ''}, seed ${s.config.seed}; ${formatNumber(s.events)} events, ${formatNumber(s.cycles)} cycles, ${s.stopReason}, traceHash ${s.traceHash}\n`;
  return (
    `diff ${file}\n${side('A', d.a)}${side('B', d.b)}\n` +
    divergenceText(
      'First divergence (what happened)',
      d.structural,
      'none, the runs do the same things in the same order',
    ) +
    divergenceText('First difference of any kind', d.timing, 'none, the runs are identical') +
    '\n' +
    formatTable(
      ['metric', 'A', 'B', 'B-A'],
      d.rows.map((r) => [r.metric, num(r.a), num(r.b), delta(r.a, r.b)]),
    ) +
    '\n' +
    formatTable(
      ['thread', 'kernel cycles A', 'kernel cycles B', 'B-A', 'syscalls A', 'syscalls B'],
      d.threads.map((t) => [
        t.thread,
        num(t.aKernelCycles),
        num(t.bKernelCycles),
        delta(t.aKernelCycles, t.bKernelCycles),
        num(t.aSyscalls),
        num(t.bSyscalls),
      ]),
    )
  );
}

export function diffCommand(argv: readonly string[], io: CliIo): number {
  const { rest, sides: given } = takeSides(argv);
  const a = parseArgs(rest, SPEC);
  if (a.bools.has('help')) {
    io.out(DIFF_USAGE);
    return EXIT_OK;
  }
  if (a.positionals.length !== 1) {
    throw new UsageError(
      a.positionals.length === 0 ? 'missing the scenario FILE' : 'one scenario FILE only',
    );
  }
  if (given.a === undefined || given.b === undefined) {
    throw new UsageError(
      'needs both --a "FLAGS" and --b "FLAGS" (either may be "" for the scenario as it is)',
    );
  }
  const file = a.positionals[0]!;
  const common = machineFlags(a);
  const maxEvents = a.values.has('max-events')
    ? parseInteger('max-events', a.values.get('max-events')!, 1, LOG_CAP)
    : LOG_CAP;
  const source = readSource(file, io.cwd);
  const sides = (['a', 'b'] as const).map((k) => parseSide(k, given[k]!, common));
  const variants: RunVariant[] = sides.map((s, i) => ({
    label: s.flags.trim() === '' ? (i === 0 ? 'A' : 'B') : s.flags.trim(),
    source: s.file === null ? source : readSource(s.file, io.cwd),
    file: s.file ?? file,
    overrides: s.overrides,
  }));
  const runs = variants.map((v) => run(v, maxEvents));
  const d = diffRuns(
    diffInput(variants[0]!.label, runs[0]!),
    diffInput(variants[1]!.label, runs[1]!),
  );
  io.out(a.bools.has('json') ? `${JSON.stringify(d, null, 2)}\n` : formatDiff(d, file));
  return EXIT_OK;
}
