// Reading and joining shard files: every shard of one sweep, each once and complete, joined into
// the rows in point order. Shards of different sweeps are refused with the reason.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { SweepRow } from '../lib/sweepRow';
import { ScenarioFailure } from './errors';
import { SHARD_FORMAT, SHARD_VERSION, type ShardHeader, type ShardLine } from './shardFile';

export interface ShardFile {
  name: string;
  header: ShardHeader;
  lines: ShardLine[];
}

function parseLine(name: string, n: number, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ScenarioFailure(`${name}:${n}: not JSON (${(e as Error).message})`);
  }
}

export function readShardFile(name: string, cwd: string): ShardFile {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, name), 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new ScenarioFailure(
      `${name}: cannot read (${code === 'ENOENT' ? 'no such file' : code})`,
    );
  }
  const raw = text.split('\n').filter((l) => l.trim() !== '');
  if (raw.length === 0) throw new ScenarioFailure(`${name}: empty, not a shard of a sweep`);
  const header = parseLine(name, 1, raw[0]!) as Partial<ShardHeader> | null;
  if (header === null || typeof header !== 'object' || header.format !== SHARD_FORMAT) {
    throw new ScenarioFailure(
      `${name}:1: not a shard of a sweep (written by 'ipcscope sweep --shard i/n')`,
    );
  }
  if (header.version !== SHARD_VERSION) {
    throw new ScenarioFailure(
      `${name}:1: shard format version ${String(header.version)}, this ipcscope reads ${SHARD_VERSION}`,
    );
  }
  const lines = raw.slice(1).map((l, i) => {
    const line = parseLine(name, i + 2, l) as Partial<ShardLine> | null;
    if (line === null || typeof line.index !== 'number' || typeof line.row !== 'object') {
      throw new ScenarioFailure(`${name}:${i + 2}: not a row of a sweep shard`);
    }
    return line as ShardLine;
  });
  return { name, header: header as ShardHeader, lines };
}

function describePoint(p: object | undefined): string {
  return p === undefined ? 'absent' : JSON.stringify(p);
}

/** Why shard `b` is not of the same sweep as shard `a`, or null when it is. */
export function sweepMismatch(a: ShardFile, b: ShardFile): string | null {
  const ha = a.header;
  const hb = b.header;
  if (ha.scenario.sha256 !== hb.scenario.sha256) {
    return `the scenario source differs (${a.name}: ${ha.scenario.file}, sha256 ${ha.scenario.sha256.slice(0, 12)}; ${b.name}: ${hb.scenario.file}, sha256 ${hb.scenario.sha256.slice(0, 12)})`;
  }
  if (ha.points.length !== hb.points.length) {
    return `the grids differ (${a.name}: ${ha.points.length} points; ${b.name}: ${hb.points.length} points)`;
  }
  const k = ha.points.findIndex((p, i) => !isDeepStrictEqual(p, hb.points[i]));
  if (k >= 0) {
    return `the grids differ at point ${k + 1} (${a.name}: ${describePoint(ha.points[k])}; ${b.name}: ${describePoint(hb.points[k])})`;
  }
  if (!isDeepStrictEqual(ha.limits, hb.limits)) {
    return `the limits differ (${a.name}: ${JSON.stringify(ha.limits)}; ${b.name}: ${JSON.stringify(hb.limits)})`;
  }
  if (ha.shard.count !== hb.shard.count) {
    return `they split the sweep differently (${a.name}: shard ${ha.shard.index}/${ha.shard.count}; ${b.name}: shard ${hb.shard.index}/${hb.shard.count})`;
  }
  return null;
}

/** Join the shards of one sweep into its rows, in point order. */
export function mergeShards(files: readonly ShardFile[]): SweepRow[] {
  const first = files[0]!;
  const count = first.header.shard.count;
  const seen = new Map<number, string>();
  for (const f of files) {
    const why = sweepMismatch(first, f);
    if (why !== null) {
      throw new ScenarioFailure(
        `${f.name}: not a shard of the same sweep as ${first.name}: ${why}`,
      );
    }
    const i = f.header.shard.index;
    const twice = seen.get(i);
    if (twice !== undefined) {
      throw new ScenarioFailure(`${f.name}: shard ${i}/${count} is also in ${twice}`);
    }
    seen.set(i, f.name);
    if (f.lines.length !== f.header.rows) {
      throw new ScenarioFailure(
        `${f.name}: shard ${i}/${count} holds ${f.lines.length} of its ${f.header.rows} rows (did the job stop early?)`,
      );
    }
  }
  const missing = Array.from({ length: count }, (_, k) => k + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) {
    throw new ScenarioFailure(
      `missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} of ${first.header.scenario.file}`,
    );
  }
  const rows = new Array<SweepRow | undefined>(first.header.points.length);
  for (const f of files) {
    for (const l of f.lines) {
      if (l.index % count !== f.header.shard.index - 1 || rows[l.index] !== undefined) {
        throw new ScenarioFailure(
          `${f.name}: point ${l.index + 1} does not belong to shard ${f.header.shard.index}/${count}`,
        );
      }
      rows[l.index] = l.row;
    }
  }
  return rows as SweepRow[];
}
