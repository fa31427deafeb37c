// `ipcscope run FILE`: one simulation, reported as text or as the contract's JSON object, with
// optional event (JSONL) and Chrome-trace exports streamed to files while it runs.
import { DEFAULT_MAX_CYCLES } from '../lib/simulate';
import type { ConfigOverrides } from '../sim/config';
import { runFileWriters } from '../sim/export/runFiles';
import type { SimEvent } from '../sim/simEvents';
import { computeRunSummary } from '../sim/summary';
import { machineFlags, parseArgs, parseInteger, type FlagSpec } from './args';
import { EXIT_FAILED, EXIT_OK, UsageError } from './errors';
import { FileWriter } from './fileWriter';
import type { CliIo } from './io';
import { AllChains } from '../debugger/attribution';
import { formatChains } from './chainsReport';
import { formatRunReport } from './report';
import {
  createSimulation,
  loadScenarioFile,
  resolveRunConfig,
  runSimulation,
  scriptErrorLines,
  type RunLimits,
} from './scenarioRun';
import { RUN_USAGE } from './usage';

export { DEFAULT_MAX_CYCLES };

/** --max-cycles, --max-events and --watchdog-ms, shared by run and sweep. */
export function parseLimits(v: Map<string, string>): RunLimits {
  const limits: RunLimits = {
    maxCycles: v.has('max-cycles')
      ? parseInteger('max-cycles', v.get('max-cycles')!, 1, Number.MAX_SAFE_INTEGER)
      : DEFAULT_MAX_CYCLES,
  };
  if (v.has('max-events')) {
    limits.maxEvents = parseInteger('max-events', v.get('max-events')!, 1, Number.MAX_SAFE_INTEGER);
  }
  if (v.has('watchdog-ms')) {
    limits.watchdogMs = parseInteger('watchdog-ms', v.get('watchdog-ms')!, 1, 3_600_000);
  }
  return limits;
}

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
  json: 'boolean',
  events: 'value',
  trace: 'value',
};

export interface RunOptions {
  file: string;
  overrides: ConfigOverrides;
  limits: RunLimits;
  json: boolean;
  events: string | null;
  trace: string | null;
}

/** Parse and check every flag before anything runs (all problems here are exit 2). */
export function parseRunOptions(argv: readonly string[]): RunOptions | 'help' {
  const a = parseArgs(argv, SPEC);
  if (a.bools.has('help')) return 'help';
  if (a.positionals.length === 0) throw new UsageError('missing the scenario FILE');
  if (a.positionals.length > 1) {
    throw new UsageError(`one scenario FILE only, got '${a.positionals.slice(1).join(' ')}' too`);
  }
  const v = a.values;
  const overrides = machineFlags(a);
  const limits = parseLimits(v);
  return {
    file: a.positionals[0]!,
    overrides,
    limits,
    json: a.bools.has('json'),
    events: v.get('events') ?? null,
    trace: v.get('trace') ?? null,
  };
}

export function runCommand(argv: readonly string[], io: CliIo): number {
  const o = parseRunOptions(argv);
  if (o === 'help') {
    io.out(RUN_USAGE);
    return EXIT_OK;
  }
  const loaded = loadScenarioFile(o.file, io.cwd);
  const config = resolveRunConfig(loaded, o.overrides);
  const sim = createSimulation(loaded, config, o.limits);
  const chains = new AllChains();
  const listeners: ((e: SimEvent) => void)[] = [(e) => chains.add(e)];
  const events = o.events !== null ? new FileWriter(o.events, io.cwd) : null;
  const trace = o.trace !== null ? new FileWriter(o.trace, io.cwd) : null;
  // The same writers make the app's downloads, so both give the same bytes for the same run.
  const files = runFileWriters(sim, `${loaded.scenario.name} on ${config.platform}`, {
    ...(events !== null ? { events: (c: string) => events.write(c) } : {}),
    ...(trace !== null ? { trace: (c: string) => trace.write(c) } : {}),
  });
  listeners.push(...files.listeners);
  try {
    runSimulation(loaded, sim, o.limits, listeners);
  } finally {
    events?.close();
    if (trace !== null) {
      files.finish();
      trace.close();
    }
  }
  const summary = computeRunSummary(sim);
  io.out(
    o.json
      ? `${JSON.stringify({ ...summary, chains: chains.result() }, null, 2)}\n`
      : formatRunReport(summary, o.file) + formatChains(chains.result()),
  );
  if (sim.scriptErrors.length > 0) {
    io.err(scriptErrorLines(loaded, sim));
    return EXIT_FAILED;
  }
  return EXIT_OK;
}
