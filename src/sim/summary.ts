// The run summary behind `ipcscope run --json` (DESIGN.md "The command line"): a plain object
// built from a finished Simulation. Every contract field is present; extra fields only extend it.
import { summarizeFiles, type FilesSummary } from './uxrt/summary';
import type { RunConfig } from './config';
import { entryFigures, FASTPATH_SYSCALLS } from './events/entryCounts';
import type { LockStats } from './machine/bigLock';
import type { Simulation, StopReason } from './simulation';

export interface ThreadSummary {
  core: number;
  state: string;
  priority: number;
  syscalls: number;
  fastpath: number;
  slowpath: number;
  userCycles: number;
  kernelCycles: number;
}

export interface LineSummary {
  line: string;
  migrations: number;
  cycles: number;
}

export interface RunSummary {
  scenario: string;
  config: RunConfig;
  platform: { name: string; isa: string; clockMHz: number };
  stopReason: StopReason | 'running';
  cycles: number;
  /** Simulated time in microseconds (cycles / clock). */
  micros: number;
  events: number;
  traceHash: string;
  kernelEntries: number;
  interrupts: number;
  syscalls: { total: number; fastpath: number; slowpath: number; byName: Record<string, number> };
  slowpathReasons: Record<string, number>;
  ipc: {
    messages: number;
    /** Kernel entries that moved at least one message. */
    entries: number;
    /** Mean cycles of a kernel entry that moved a message (null when there was none). */
    cyclesPerIpc: number | null;
  };
  /**
   * Call and ReplyRecv, the only system calls with a fastpath (sel4-reference.md §1.7): how
   * often they stayed on it, their mean cycles, and why the others left it.
   */
  ipcSyscalls: {
    names: string[];
    total: number;
    fastpath: number;
    slowpath: number;
    /** fastpath / total, null before the first. */
    fastpathShare: number | null;
    cyclesPerIpc: number | null;
    slowpathReasons: Record<string, number>;
  };
  /** Every other system call: they always take the slowpath. */
  otherSyscalls: { total: number; byName: Record<string, number> };
  ipis: number;
  cacheLines: {
    migrations: number;
    cycles: number;
    /** Migrations of kernel lines (objects, TCBs, scheduler state, the lock), not user buffers. */
    kernel: { migrations: number; cycles: number };
    /** Kernel-line migrations per kernel entry. */
    perKernelEntry: { migrations: number; cycles: number };
    /** The most expensive lines, by cycles. */
    lines: LineSummary[];
  };
  lock: LockStats;
  threads: Record<string, ThreadSummary>;
  faults: { thread: string; type: string; detail: string }[];
  console: { thread: string; t: number; text: string }[];
  /** UX/RT file operations: count, bytes and kernel entries per op on each side. */
  files: FilesSummary;
  scriptErrors: { thread: string; message: string; line: number | null; watchdog: boolean }[];
}

const TOP_LINES = 10;

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/** Summarise a run. Cost: one pass over threads, locks and the cache-line directory. */
export function computeRunSummary(sim: Simulation): RunSummary {
  const s = sim.stats;
  const lock: LockStats = { acquisitions: 0, contended: 0, spinCycles: 0 };
  for (const l of sim.locks) {
    if (l === null) continue;
    lock.acquisitions += l.stats.acquisitions;
    lock.contended += l.stats.contended;
    lock.spinCycles += l.stats.spinCycles;
  }
  const threads: Record<string, ThreadSummary> = {};
  for (const t of sim.world.state.threads) {
    const st = sim.threads[t.id]?.stats;
    threads[t.name] = {
      core: t.affinity,
      state: t.state,
      priority: t.priority,
      syscalls: st?.syscalls ?? 0,
      fastpath: st?.fastpath ?? 0,
      slowpath: st?.slowpath ?? 0,
      userCycles: st?.userCycles ?? 0,
      kernelCycles: st?.kernelCycles ?? 0,
    };
  }
  const kernelLines = { migrations: 0, cycles: 0 };
  const lines: LineSummary[] = [];
  for (const l of sim.lines.lines.values()) {
    if (l.migrations === 0) continue;
    lines.push({ line: l.name, migrations: l.migrations, cycles: l.cycles });
    if (!l.name.startsWith('user.')) {
      kernelLines.migrations += l.migrations;
      kernelLines.cycles += l.cycles;
    }
  }
  lines.sort((a, b) => b.cycles - a.cycles || (a.line < b.line ? -1 : 1));
  const kernelEntries = s.syscalls.total + s.interrupts;
  const figures = entryFigures(s.entries);
  const otherByName: Record<string, number> = {};
  for (const [name, n] of Object.entries(s.records.byName)) {
    if (!FASTPATH_SYSCALLS.has(name)) otherByName[name] = n;
  }
  const p = sim.profile;
  return {
    scenario: sim.scenario.name,
    config: { ...sim.config, params: { ...sim.config.params } },
    platform: { name: p.name, isa: p.isa, clockMHz: p.clockMHz },
    stopReason: sim.stopReason ?? 'running',
    cycles: sim.now,
    micros: sim.now / p.clockMHz,
    events: sim.eventCount,
    traceHash: sim.traceHash,
    kernelEntries,
    interrupts: s.interrupts,
    syscalls: {
      total: s.syscalls.total,
      fastpath: s.syscalls.fastpath,
      slowpath: s.syscalls.slowpath,
      byName: { ...s.syscalls.byName },
    },
    slowpathReasons: { ...s.slowpathReasons },
    ipc: {
      messages: s.messages,
      entries: s.ipcEntries,
      cyclesPerIpc: s.ipcEntries === 0 ? null : s.ipcKernelCycles / s.ipcEntries,
    },
    ipcSyscalls: {
      names: [...FASTPATH_SYSCALLS],
      total: s.entries.ipcSyscalls,
      fastpath: s.entries.ipcFastpath,
      slowpath: s.entries.ipcSlowpath,
      fastpathShare: figures.ipcFastpathShare,
      cyclesPerIpc: figures.cyclesPerIpc,
      slowpathReasons: { ...s.records.ipcSlowpathReasons },
    },
    otherSyscalls: { total: figures.otherSyscalls, byName: otherByName },
    ipis: s.ipis,
    cacheLines: {
      migrations: sim.lines.migrations,
      cycles: sim.lines.cycles,
      kernel: kernelLines,
      perKernelEntry: {
        migrations: ratio(kernelLines.migrations, kernelEntries),
        cycles: ratio(kernelLines.cycles, kernelEntries),
      },
      lines: lines.slice(0, TOP_LINES),
    },
    lock,
    threads,
    faults: sim.faults.map((f) => ({ ...f })),
    console: sim.console.map((c) => ({ ...c })),
    files: summarizeFiles(sim),
    scriptErrors: sim.scriptErrors.map((e) => ({ ...e })),
  };
}
