// The sweep panel's form as data, and the grid it asks for: the same SweepGrid `ipcscope sweep`
// builds from its flags (src/lib/sweepGrid.ts), so the equivalent command line can be shown and
// gives the same rows. Bad input is named (which field, which item) instead of guessed at.
import { sweepPoints, type SweepGrid } from '../../../lib/sweepGrid';
import type { ConfigOverrides, RunConfig } from '../../../sim/config';

export interface SweepForm {
  platforms: string[];
  /** Comma list of core counts, as typed. */
  cores: string;
  /** Kernel images: smp, multikernel, clustered:N. */
  kernels: string[];
  mcs: boolean;
  /** The scenario parameter swept, or '' for none. */
  param: string;
  /** Comma list of its values, as typed. */
  values: string;
  /** Comma list of seeds, as typed. */
  seeds: string;
  maxCycles: string;
}

/** More points than this is almost surely a typo (and minutes of every core). */
export const MAX_POINTS = 1000;
export const DEFAULT_MAX_CYCLES = 20_000_000;

export function defaultForm(config: RunConfig): SweepForm {
  const [first] = Object.keys(config.params);
  return {
    platforms: [config.platform],
    cores: [...new Set([1, 2, 4, config.cores])].sort((x, y) => x - y).join(','),
    kernels: [config.kernel],
    mcs: config.mcs,
    param: first ?? '',
    values: first !== undefined ? String(config.params[first]) : '',
    seeds: String(config.seed),
    maxCycles: String(DEFAULT_MAX_CYCLES),
  };
}

export interface SweepRequest {
  grid: SweepGrid;
  points: ConfigOverrides[];
  maxCycles: number;
}

interface ItemParser {
  /** What an item must be, for the message: "a whole number from 1 to 256". */
  what: string;
  parse: (s: string) => number | null;
}

const CORES: ItemParser = {
  what: 'a whole number from 1 to 256',
  parse: (s) => (/^\d+$/.test(s) && Number(s) >= 1 && Number(s) <= 256 ? Number(s) : null),
};
const SEED: ItemParser = {
  what: 'a whole number from 0 to 4294967295',
  parse: (s) => (/^\d+$/.test(s) && Number(s) <= 2 ** 32 - 1 ? Number(s) : null),
};
const DECIMAL: ItemParser = {
  what: 'a number',
  parse: (s) => {
    const n = Number(s.replace(/_/g, ''));
    return Number.isFinite(n) ? n : null;
  },
};

/** A comma list of distinct values in the order typed, or the message naming the bad item. */
function list(field: string, text: string, p: ItemParser): number[] | string {
  const items = text.split(',').map((s) => s.trim());
  if (items.length === 1 && items[0] === '') return `${field}: give at least one value`;
  const out: number[] = [];
  for (const item of items) {
    const n = item === '' ? null : p.parse(item);
    if (n === null) return `${field}: '${item}' is not ${p.what}`;
    if (!out.includes(n)) out.push(n);
  }
  return out;
}

/**
 * The grid the form asks for, or what is wrong with it. Parameters the user set in the toolbar
 * (`fixed`) stay at those values in every point, as one-value lists.
 */
export function requestFromForm(
  f: SweepForm,
  fixed: Record<string, number>,
): SweepRequest | string {
  if (f.platforms.length === 0) return 'platforms: pick at least one';
  if (f.kernels.length === 0) return 'kernel images: pick at least one';
  const cores = list('cores', f.cores, CORES);
  if (typeof cores === 'string') return cores;
  const seeds = list('seeds', f.seeds, SEED);
  if (typeof seeds === 'string') return seeds;
  const params: Record<string, number[]> = {};
  if (f.param !== '') {
    const values = list(`values of ${f.param}`, f.values, DECIMAL);
    if (typeof values === 'string') return values;
    params[f.param] = values;
  }
  for (const [k, v] of Object.entries(fixed)) if (k !== f.param) params[k] = [v];
  const maxCycles = /^[\d_]+$/.test(f.maxCycles.trim())
    ? Number(f.maxCycles.replace(/_/g, ''))
    : NaN;
  if (!Number.isSafeInteger(maxCycles) || maxCycles < 1) {
    return `max cycles: '${f.maxCycles}' is not a whole number of cycles`;
  }
  const grid: SweepGrid = {
    platform: [...f.platforms],
    kernel: [...f.kernels],
    params,
    cores,
    seed: seeds,
    mcs: f.mcs,
  };
  const points = sweepPoints(grid);
  if (points.length > MAX_POINTS) {
    return `${points.length} points is more than ${MAX_POINTS}: narrow the grid, or run it with the command line (--jobs, --shard)`;
  }
  return { grid, points, maxCycles };
}

/** The `ipcscope sweep` command that runs the same points and prints the same rows. */
export function cliCommand(file: string, r: SweepRequest): string {
  const g = r.grid;
  const parts = ['npx ipcscope sweep', file];
  if (g.platform) parts.push('--platform', g.platform.join(','));
  if (g.kernel) parts.push('--kernel', g.kernel.join(','));
  for (const [k, v] of Object.entries(g.params ?? {})) parts.push('--param', `${k}=${v.join(',')}`);
  if (g.cores) parts.push('--cores', g.cores.join(','));
  if (g.seed) parts.push('--seed', g.seed.join(','));
  if (g.mcs === true) parts.push('--mcs');
  parts.push('--max-cycles', String(r.maxCycles));
  return parts.join(' ');
}
