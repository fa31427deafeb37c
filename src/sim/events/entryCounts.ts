// Counting kernel entries, once, for everyone: the engine's run statistics (the CLI's --json,
// its report and the sweep rows) and the projection's (the app's Stats view) both count each
// syscallExited with countExit and derive their headline figures with entryFigures.
//
// IPC figures count Call and ReplyRecv only: they are the only system calls with a fastpath
// (sel4-reference.md §1.7; seL4 src/fastpath/fastpath.c fastpath_call, fastpath_reply_recv).
// Every other entry (Recv, Send, Yield, Signal, invocations, the program's exit) always takes
// the slowpath and is counted apart, so "fastpath share" measures how often IPC stayed fast.

/** The system calls the kernel has a fastpath for (§1.7). */
export const FASTPATH_SYSCALLS: ReadonlySet<string> = new Set(['Call', 'ReplyRecv']);

/** Flat counters of finished kernel entries (plain numbers, so a copy is cheap). */
export interface EntryCounts {
  /** Every system call (interrupts not included), by path. */
  syscalls: number;
  fastpath: number;
  slowpath: number;
  interrupts: number;
  /** Cycles of every kernel entry. */
  kernelCycles: number;
  /** Call and ReplyRecv entries, by path, and their cycles. */
  ipcSyscalls: number;
  ipcFastpath: number;
  ipcSlowpath: number;
  ipcSyscallCycles: number;
  /** Kernel entries that moved at least one message, and their cycles. */
  ipcEntries: number;
  ipcKernelCycles: number;
}

/** The records that go with the counters: syscalls by name, slowpath reasons. */
export interface EntryRecords {
  byName: Record<string, number>;
  /** Why system calls took the slowpath (every system call). */
  slowpathReasons: Record<string, number>;
  /** Why a Call or ReplyRecv left the fastpath. */
  ipcSlowpathReasons: Record<string, number>;
}

/** What countExit needs of a syscallExited event. */
export interface ExitFacts {
  syscall: string;
  path: 'fast' | 'slow';
  reason?: string | undefined;
  cycles: number;
  interrupt: string | null;
}

export function emptyEntryCounts(): EntryCounts {
  return {
    syscalls: 0,
    fastpath: 0,
    slowpath: 0,
    interrupts: 0,
    kernelCycles: 0,
    ipcSyscalls: 0,
    ipcFastpath: 0,
    ipcSlowpath: 0,
    ipcSyscallCycles: 0,
    ipcEntries: 0,
    ipcKernelCycles: 0,
  };
}

const bump = (r: Record<string, number>, k: string): void => {
  r[k] = (r[k] ?? 0) + 1;
};

/**
 * Count one finished kernel entry that moved `messages` messages. `records` is asked for only
 * when a record changes (the projection hands out copies on write).
 */
export function countExit(
  n: EntryCounts,
  records: <K extends keyof EntryRecords>(k: K) => EntryRecords[K],
  e: ExitFacts,
  messages: number,
): void {
  n.kernelCycles += e.cycles;
  if (messages > 0) {
    n.ipcEntries++;
    n.ipcKernelCycles += e.cycles;
  }
  if (e.interrupt !== null) {
    n.interrupts++;
    return;
  }
  n.syscalls++;
  bump(records('byName'), e.syscall);
  const ipc = FASTPATH_SYSCALLS.has(e.syscall);
  if (ipc) {
    n.ipcSyscalls++;
    n.ipcSyscallCycles += e.cycles;
  }
  if (e.path === 'fast') {
    n.fastpath++;
    if (ipc) n.ipcFastpath++;
    return;
  }
  n.slowpath++;
  if (ipc) n.ipcSlowpath++;
  if (e.reason === undefined) return;
  bump(records('slowpathReasons'), e.reason);
  if (ipc) bump(records('ipcSlowpathReasons'), e.reason);
}

/** The headline figures, the same wherever they are shown. */
export interface EntryFigures {
  kernelEntries: number;
  /** Share of Call and ReplyRecv entries that took the fastpath (null before the first). */
  ipcFastpathShare: number | null;
  /** Mean cycles of a Call or ReplyRecv entry. */
  cyclesPerIpc: number | null;
  /** Mean cycles of a kernel entry that moved a message (the --json ipc.cyclesPerIpc). */
  cyclesPerMessageEntry: number | null;
  /** Share of every system call that took the fastpath (the --json syscalls figures). */
  syscallFastpathShare: number | null;
  /** System calls other than Call and ReplyRecv (they have no fastpath). */
  otherSyscalls: number;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

export function entryFigures(n: EntryCounts): EntryFigures {
  return {
    kernelEntries: n.syscalls + n.interrupts,
    ipcFastpathShare: ratio(n.ipcFastpath, n.ipcSyscalls),
    cyclesPerIpc: ratio(n.ipcSyscallCycles, n.ipcSyscalls),
    cyclesPerMessageEntry: ratio(n.ipcKernelCycles, n.ipcEntries),
    syscallFastpathShare: ratio(n.fastpath, n.syscalls),
    otherSyscalls: n.syscalls - n.ipcSyscalls,
  };
}
