// Flag parsing for every command: `--flag value` and `--flag=value`, booleans, repeatable flags,
// and the value checks shared by run and sweep. Every problem is a UsageError naming the flag.
import type { ConfigOverrides } from '../sim/config';
import { PLATFORMS } from '../sim/machine/platforms';
import { UsageError } from './errors';

export type FlagKind = 'boolean' | 'value' | 'repeat';

export type FlagSpec = Record<string, FlagKind>;

export interface ParsedArgs {
  positionals: string[];
  /** Boolean flags present. */
  bools: Set<string>;
  /** Last value of each value flag. */
  values: Map<string, string>;
  /** Every value of each repeatable flag, in order. */
  repeats: Map<string, string[]>;
}

export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const out: ParsedArgs = {
    positionals: [],
    bools: new Set(),
    values: new Map(),
    repeats: new Map(),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h') {
      out.bools.add('help');
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') {
      if (arg.startsWith('-') && arg !== '-' && arg !== '--') {
        throw new UsageError(`unknown option '${arg}'`);
      }
      if (arg !== '--') out.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const kind = spec[name];
    if (kind === undefined) throw new UsageError(`unknown option '--${name}'`);
    if (kind === 'boolean') {
      if (eq >= 0) throw new UsageError(`option '--${name}' takes no value`);
      out.bools.add(name);
      continue;
    }
    let value: string;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        throw new UsageError(`option '--${name}' needs a value`);
      }
      value = next;
      i++;
    }
    if (value === '') throw new UsageError(`option '--${name}' needs a value`);
    if (kind === 'value') out.values.set(name, value);
    else out.repeats.set(name, [...(out.repeats.get(name) ?? []), value]);
  }
  return out;
}

/** A whole number written as digits (underscores allowed: 100_000_000) or 1e8. */
export function parseInteger(flag: string, text: string, min: number, max: number): number {
  const clean = text.replace(/_/g, '');
  const n = /^\d+(\.\d+)?(e\d+)?$/i.test(clean) ? Number(clean) : NaN;
  if (!Number.isSafeInteger(n)) {
    throw new UsageError(`option '--${flag}' needs a whole number, got '${text}'`);
  }
  if (n < min || n > max) {
    throw new UsageError(`option '--${flag}' must be from ${min} to ${max}, got ${n}`);
  }
  return n;
}

export const MAX_CORES = 256;

export function parseCores(flag: string, text: string): number {
  return parseInteger(flag, text, 1, MAX_CORES);
}

export function parsePlatform(flag: string, id: string): string {
  if (!PLATFORMS.some((p) => p.id === id)) {
    throw new UsageError(
      `option '--${flag}': unknown platform '${id}' (known: ${PLATFORMS.map((p) => p.id).join(', ')}; see 'ipcscope platforms')`,
    );
  }
  return id;
}

export function parseKernel(flag: string, text: string): string {
  const m = /^clustered:(\d+)$/.exec(text);
  if (text === 'smp' || text === 'multikernel' || (m !== null && Number(m[1]) >= 1)) return text;
  throw new UsageError(
    `option '--${flag}': unknown kernel '${text}' (use smp, multikernel or clustered:N with N >= 1)`,
  );
}

export function parseNumber(flag: string, text: string): number {
  const n = /^[-+]?(\d[\d_]*)?(\.\d+)?(e[-+]?\d+)?$/i.test(text)
    ? Number(text.replace(/_/g, ''))
    : NaN;
  if (!Number.isFinite(n) || text.trim() === '') {
    throw new UsageError(`option '--${flag}' needs a number, got '${text}'`);
  }
  return n;
}

/** `--param NAME=VALUE` (VALUE may be a comma list when `list` is set). */
export function parseParam(text: string, list: boolean): { name: string; values: number[] } {
  const m = /^([A-Za-z_][\w]*)=(.+)$/.exec(text);
  if (m === null) throw new UsageError(`option '--param' needs NAME=VALUE, got '${text}'`);
  const raw = list ? m[2]!.split(',') : [m[2]!];
  return { name: m[1]!, values: raw.map((v) => parseNumber('param', v.trim())) };
}

/** Split a comma list, rejecting empty items. */
export function splitList(flag: string, text: string): string[] {
  const items = text.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) {
    throw new UsageError(`option '--${flag}' has an empty item in '${text}'`);
  }
  return items;
}

/** The machine flags shared by run and diff (--platform, --cores, --kernel, --mcs, --seed, --param). */
export function machineFlags(a: ParsedArgs): ConfigOverrides {
  const v = a.values;
  const o: ConfigOverrides = {};
  if (v.has('platform')) o.platform = parsePlatform('platform', v.get('platform')!);
  if (v.has('cores')) o.cores = parseCores('cores', v.get('cores')!);
  if (v.has('kernel')) o.kernel = parseKernel('kernel', v.get('kernel')!);
  if (a.bools.has('mcs')) o.mcs = true;
  if (v.has('seed')) o.seed = parseInteger('seed', v.get('seed')!, 0, 2 ** 32 - 1);
  const params = a.repeats.get('param');
  if (params !== undefined) {
    o.params = {};
    for (const p of params) {
      const { name, values } = parseParam(p, false);
      o.params[name] = values[0]!;
    }
  }
  return o;
}
