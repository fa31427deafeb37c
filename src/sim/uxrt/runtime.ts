// The UX/RT layer's state in one simulation: what the process servers hold (namespaces, process
// memory, dead ports), the contents of shared buffers, and the measurements the tool makes of
// each file operation (the tracer and the per-operation aggregates behind summarizeFiles).
import type { FileOpInfo } from '../script/ipcscope';
import { physicalMRs } from '../kernel/kernelState';
import type { SimEventBody } from '../simEvents';
import { Namespace } from './namespace';
import type { UxrtHost } from './host';
import type { UxrtWorld } from './uxrtWorld';
import { OpTracer } from './tracer';
import { Wire } from './wire';

/** Bytes of each process's memory file (/proc/<name>/mem). */
export const MEM_BYTES = 1024;

/** What the tool measured of one file operation (sys.lastFileOp(), fileOperation events). */
export type FileOpRecord = FileOpInfo;

export interface OpAggregate {
  count: number;
  client: number;
  server: number;
  bytes: number;
}

export class UxrtRuntime {
  readonly tracer = new OpTracer();
  readonly wire: Wire;
  /** Process -> its namespace; processes that share one hold the same object (§4.2). */
  readonly namespaces = new Map<string, Namespace>();
  /** Port -> why its server is gone. */
  readonly deadPorts = new Map<string, string>();
  /** Children started by sys.spawn(). */
  readonly spawned = new Set<string>();
  /** Shared buffer region -> the bytes last written into it. */
  readonly buffers = new Map<string, string>();
  readonly aggregates = new Map<string, OpAggregate>();
  readonly last = new Map<string, FileOpRecord>();
  readonly errstr = new Map<string, string>();
  /** Thread -> bytes copied at user level for its current operation. */
  readonly copied = new Map<string, number>();
  private readonly memory = new Map<string, string>();

  constructor(
    readonly sim: UxrtHost,
    readonly world: UxrtWorld | null,
  ) {
    this.wire = new Wire(sim.profile.isa, physicalMRs(sim.k));
    if (world !== null) {
      sim.listeners.push(this.tracer.onEvent);
      for (const p of world.procs.values()) this.namespaces.set(p.name, Namespace.initial());
    }
  }

  emit(core: number, body: SimEventBody): void {
    this.sim.emit(core, body);
  }

  /** Report a process's whole namespace (the Namespace view folds these). */
  emitNamespace(core: number, process: string): void {
    const ns = this.namespaces.get(process);
    if (ns === undefined) return;
    this.emit(core, { type: 'namespaceChanged', process, bindings: ns.bindings() });
  }

  /** Every process that sees the namespace of `process` (itself and those sharing it). */
  sharers(process: string): string[] {
    const ns = this.namespaces.get(process);
    return [...this.namespaces].filter(([, n]) => n === ns).map(([p]) => p);
  }

  mem(process: string): string {
    return this.memory.get(process) ?? '\0'.repeat(MEM_BYTES);
  }

  setMem(process: string, bytes: string): void {
    this.memory.set(process, bytes);
  }

  /** Count bytes copied at user level for every operation `thread` is working for. */
  addCopied(thread: string, bytes: number): void {
    for (const t of this.tracer.openOps(thread))
      this.copied.set(t, (this.copied.get(t) ?? 0) + bytes);
  }

  takeCopied(thread: string): number {
    const n = this.copied.get(thread) ?? 0;
    this.copied.delete(thread);
    return n;
  }

  record(thread: string, core: number, r: FileOpRecord): void {
    this.last.set(thread, r);
    if (r.error !== undefined) this.errstr.set(thread, r.error);
    const a = this.aggregates.get(r.op) ?? { count: 0, client: 0, server: 0, bytes: 0 };
    a.count++;
    a.client += r.clientEntries;
    a.server += r.serverEntries;
    a.bytes += r.bytes;
    this.aggregates.set(r.op, a);
    this.emit(core, {
      type: 'fileOperation',
      thread,
      op: r.op,
      path: r.path,
      bytes: r.bytes,
      kernelEntries: r.kernelEntries,
      clientEntries: r.clientEntries,
      serverEntries: r.serverEntries,
      transport: r.transport,
      hops: r.hops,
      cycles: r.cycles,
      copiedBytes: r.copiedBytes,
      ...(r.reason !== undefined ? { reason: r.reason } : {}),
      ...(r.error !== undefined ? { error: r.error } : {}),
    });
  }
}

const runtimes = new WeakMap<UxrtHost, UxrtRuntime>();

/** The UX/RT runtime of a simulation, made on first use. */
export function uxrtRuntime(sim: UxrtHost & { world: { uxrt: UxrtWorld | null } }): UxrtRuntime {
  let r = runtimes.get(sim);
  if (r === undefined) {
    r = new UxrtRuntime(sim, sim.world.uxrt);
    runtimes.set(sim, r);
  }
  return r;
}

/** The runtime if the simulation has made one (summaries of runs without the file layer). */
export function findUxrtRuntime(sim: UxrtHost): UxrtRuntime | undefined {
  return runtimes.get(sim);
}
