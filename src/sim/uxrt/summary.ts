// The `files` section of the run summary (DESIGN.md "The command line" --json): how many file
// operations ran, the bytes they moved, and the kernel entries each kind of operation took on
// average in the client and in the servers (process server and file servers together).
import type { Simulation } from '../simulation';
import { findUxrtRuntime } from './runtime';

export interface FileOpSummary {
  /** Mean kernel entries per operation in the client. */
  client: number;
  /** Mean kernel entries per operation in the servers working for it. */
  server: number;
  /** How many operations of this kind ran. */
  count: number;
}

export interface FilesSummary {
  ops: number;
  bytes: number;
  kernelEntriesPerOp: Record<string, FileOpSummary>;
}

const mean = (total: number, n: number): number => Math.round((total / n) * 100) / 100;

/** Pure: reads the aggregates the UX/RT runtime kept while the simulation ran. */
export function summarizeFiles(sim: Simulation): FilesSummary {
  const rt = findUxrtRuntime(sim);
  const out: FilesSummary = { ops: 0, bytes: 0, kernelEntriesPerOp: {} };
  if (rt === undefined) return out;
  const names = [...rt.aggregates.keys()].sort();
  for (const op of names) {
    const a = rt.aggregates.get(op)!;
    out.ops += a.count;
    out.bytes += a.bytes;
    out.kernelEntriesPerOp[op] = {
      client: mean(a.client, a.count),
      server: mean(a.server, a.count),
      count: a.count,
    };
  }
  return out;
}
