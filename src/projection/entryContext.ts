// The kernel entry an event belongs to: from its syscallEntered (or interruptTaken) to its
// syscallExited on the same core, with the path it took, why, and the lines it moved. This is
// what "why did this IPC take the path it took" is answered from.
import type { SimEvent } from '../sim/simEvents';
import type { EventLog } from './eventLog';

export interface EntryContext {
  core: number;
  enter: number;
  /** Index of the syscallExited, or null if the log does not reach it yet. */
  exit: number | null;
  thread: string | null;
  syscall: string;
  path: 'fast' | 'slow' | null;
  reason: string | null;
  cycles: number | null;
  migrations: { index: number; line: string; from: number; to: number; cycles: number }[];
  messages: number[];
}

const isEntry = (e: SimEvent) => e.type === 'syscallEntered' || e.type === 'interruptTaken';

let memo: { log: EventLog; length: number; index: number; ctx: EntryContext | null } | null = null;

/**
 * The entry around event `index`, in the first `length` events of the log (all by default),
 * looking at most `reach` events either way. Cost: up to 2 x reach decodes; the last answer is
 * remembered, since several views ask for the same one.
 */
export function entryContext(
  log: EventLog,
  index: number,
  length = log.length,
  reach = 4000,
): EntryContext | null {
  const m = memo;
  if (
    m !== null &&
    m.log === log &&
    m.index === index &&
    (m.length === length || (m.ctx !== null && m.ctx.exit !== null))
  ) {
    return m.ctx;
  }
  const ctx = computeEntryContext(log, index, Math.min(length, log.length), reach);
  memo = { log, length, index, ctx };
  return ctx;
}

function computeEntryContext(
  log: EventLog,
  index: number,
  length: number,
  reach: number,
): EntryContext | null {
  if (index < 0 || index >= length) return null;
  const core = log.get(index).core;
  let enter = -1;
  for (let i = index; i >= Math.max(0, index - reach); i--) {
    const e = log.get(i);
    if (e.core !== core) continue;
    if (isEntry(e)) {
      enter = i;
      break;
    }
    if (e.type === 'syscallExited' && i !== index) return null;
  }
  if (enter < 0) return null;
  const first = log.get(enter);
  const ctx: EntryContext = {
    core,
    enter,
    exit: null,
    thread: first.type === 'syscallEntered' ? first.thread : null,
    syscall:
      first.type === 'syscallEntered'
        ? first.syscall
        : `interrupt (${first.type === 'interruptTaken' ? first.kind : '?'})`,
    path: null,
    reason: null,
    cycles: null,
    migrations: [],
    messages: [],
  };
  const end = Math.min(length, enter + reach);
  for (let i = enter + 1; i < end; i++) {
    const e = log.get(i);
    if (e.core !== core) continue;
    if (e.type === 'cacheLineMigrated') {
      ctx.migrations.push({ index: i, line: e.line, from: e.from, to: e.to, cycles: e.cycles });
    } else if (e.type === 'messageTransferred') {
      ctx.messages.push(i);
    } else if (e.type === 'syscallExited') {
      ctx.exit = i;
      ctx.path = e.path;
      ctx.reason = e.reason ?? null;
      ctx.cycles = e.cycles;
      break;
    }
  }
  return ctx;
}
