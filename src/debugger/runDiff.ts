// Two runs of the same scenario and seed on two configurations, compared (peers.md §3 item 8,
// §4 item 1): the first event where they differ in what happened (type, thread, object,
// path...), the first where they differ at all (timing included), and how their summaries differ.
// Pure: the worker and `ipcscope diff` both call it on logs they simulated, so both say the same.
import { ProjectionWriter } from '../projection/projectionWriter';
import type { MachineDescription, Projection } from '../projection/types';
import type { SimEvent } from '../sim/simEvents';
import type { RunConfig } from '../sim/config';
import type { LogSource } from './hitScanner';
import { createProjection } from '../projection/initialProjection';

/** Fields that say when or how long, not what: ignored by the structural comparison. */
const TIMING_FIELDS = new Set(['seq', 't', 'cycles', 'waitCycles', 'until']);

/** An event as text, without its index (and, structurally, without its timing). */
export function eventKey(e: SimEvent, structural: boolean): string {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) {
    if (k === 'seq' || (structural && TIMING_FIELDS.has(k))) continue;
    out[k] = v;
  }
  return JSON.stringify(out);
}

export interface Divergence {
  /** Index of the first event that differs (or that one run has and the other has not). */
  index: number;
  /** The two events there as JSON (without seq); null where that run had ended. */
  a: string | null;
  b: string | null;
  aT: number | null;
  bT: number | null;
  /** Fields that differ (all of them when the types differ). */
  fields: string[];
}

function differingFields(a: SimEvent | null, b: SimEvent | null, structural: boolean): string[] {
  if (a === null || b === null) return ['(end of run)'];
  if (a.type !== b.type) return ['type'];
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  return [...keys].filter(
    (k) =>
      k !== 'seq' &&
      !(structural && TIMING_FIELDS.has(k)) &&
      JSON.stringify(ra[k]) !== JSON.stringify(rb[k]),
  );
}

/** The first index where the logs differ, structurally or at all; null where they do not. */
export function firstDivergences(
  a: LogSource,
  b: LogSource,
): { structural: Divergence | null; timing: Divergence | null } {
  let structural: Divergence | null = null;
  let timing: Divergence | null = null;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n && structural === null; i++) {
    const ea = i < a.length ? a.get(i) : null;
    const eb = i < b.length ? b.get(i) : null;
    const make = (s: boolean): Divergence => ({
      index: i,
      a: ea === null ? null : eventKey(ea, false),
      b: eb === null ? null : eventKey(eb, false),
      aT: ea?.t ?? null,
      bT: eb?.t ?? null,
      fields: differingFields(ea, eb, s),
    });
    if (ea === null || eb === null) {
      structural = make(true);
      timing ??= make(false);
      break;
    }
    if (timing === null && eventKey(ea, false) !== eventKey(eb, false)) timing = make(false);
    if (timing !== null && eventKey(ea, true) !== eventKey(eb, true)) structural = make(true);
  }
  return { structural, timing };
}

export interface DiffRow {
  metric: string;
  a: number | null;
  b: number | null;
}

export interface ThreadRow {
  thread: string;
  aKernelCycles: number | null;
  bKernelCycles: number | null;
  aSyscalls: number | null;
  bSyscalls: number | null;
}

/** The summary figures compared, from the projection at the end of a run. */
export function summaryRows(p: Projection): Record<string, number | null> {
  const s = p.stats;
  return {
    cycles: p.t,
    events: p.index,
    syscalls: s.syscalls,
    'fastpath share %': s.syscalls === 0 ? null : Math.round((1000 * s.fastpath) / s.syscalls) / 10,
    messages: s.messages,
    'cycles per IPC': s.ipcEntries === 0 ? null : Math.round(s.ipcKernelCycles / s.ipcEntries),
    'kernel cycles': s.kernelCycles,
    'cache-line migrations': s.migrations,
    'migration cycles': s.migrationCycles,
    'lock contended': s.lockContended,
    'lock spin cycles': s.lockSpinCycles,
    IPIs: s.ipis,
  };
}

export interface DiffSide {
  label: string;
  config: RunConfig;
  events: number;
  cycles: number;
  traceHash: string;
  stopReason: string;
}

export interface RunDiff {
  a: DiffSide;
  b: DiffSide;
  /** First difference in what happened (timing ignored); null when the runs agree. */
  structural: Divergence | null;
  /** First difference of any kind (an earlier or equal index). */
  timing: Divergence | null;
  rows: DiffRow[];
  threads: ThreadRow[];
  /** Kernel entries per time bucket, both runs on one time axis (0 .. span cycles). */
  activity: { span: number; a: number[]; b: number[] };
}

export interface DiffInput {
  label: string;
  config: RunConfig;
  description: MachineDescription;
  log: LogSource;
  traceHash: string;
  stopReason: string;
}

export const ACTIVITY_BUCKETS = 200;

function fold(x: DiffInput): Projection {
  const w = new ProjectionWriter(createProjection(x.description));
  for (let i = 0; i < x.log.length; i++) w.apply(x.log.get(i));
  return w.snapshot();
}

function activity(log: LogSource, span: number): number[] {
  const out = new Array<number>(ACTIVITY_BUCKETS).fill(0);
  for (let i = 0; i < log.length; i++) {
    const e = log.get(i);
    if (e.type !== 'syscallExited') continue;
    const b =
      span === 0 ? 0 : Math.min(ACTIVITY_BUCKETS - 1, Math.floor((e.t / span) * ACTIVITY_BUCKETS));
    out[b]!++;
  }
  return out;
}

export function diffRuns(a: DiffInput, b: DiffInput): RunDiff {
  const pa = fold(a);
  const pb = fold(b);
  const ra = summaryRows(pa);
  const rb = summaryRows(pb);
  const names = [...new Set([...Object.keys(pa.threads), ...Object.keys(pb.threads)])].sort();
  const span = Math.max(pa.t, pb.t);
  const side = (x: DiffInput, p: Projection): DiffSide => ({
    label: x.label,
    config: x.config,
    events: x.log.length,
    cycles: p.t,
    traceHash: x.traceHash,
    stopReason: x.stopReason,
  });
  return {
    a: side(a, pa),
    b: side(b, pb),
    ...firstDivergences(a.log, b.log),
    rows: Object.keys(ra).map((metric) => ({
      metric,
      a: ra[metric] ?? null,
      b: rb[metric] ?? null,
    })),
    threads: names.map((thread) => ({
      thread,
      aKernelCycles: pa.threads[thread]?.kernelCycles ?? null,
      bKernelCycles: pb.threads[thread]?.kernelCycles ?? null,
      aSyscalls: pa.threads[thread]?.syscalls ?? null,
      bSyscalls: pb.threads[thread]?.syscalls ?? null,
    })),
    activity: { span, a: activity(a.log, span), b: activity(b.log, span) },
  };
}
