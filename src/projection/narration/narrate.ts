// The run told in words: each kernel entry (or interrupt) becomes one narration line that says
// what happened and why (path, scheduling, IPI, lock wait), derived only from the events. It is
// what the narration view shows and what a screen reader speaks while stepping. Every "why"
// restates a rule of the reference (sel4-reference.md, section cited in the text).
import { groupDigits } from '../numberText';
import type { SimEvent } from '../../sim/simEvents';
import { entryHead, fastWhy, interruptHead } from './phrases';

export interface NarrationLine {
  /** Index of the first and last event this line tells. */
  first: number;
  last: number;
  core: number;
  /** Simulated time of the first event. */
  t: number;
  text: string;
}

/**
 * What the narrator knows between lines: which thread each core last switched to, and whether
 * that is the core's idle thread (threadSwitched.idle says so; a core starts idle).
 */
export interface NarrationContext {
  coreThread: Map<number, string>;
  coreIdle: Map<number, boolean>;
}

export function emptyContext(): NarrationContext {
  return { coreThread: new Map(), coreIdle: new Map() };
}

function isIdleCore(ctx: NarrationContext, core: number): boolean {
  return ctx.coreIdle.get(core) ?? true;
}

function noteSwitch(ctx: NarrationContext, e: { core: number; to: string; idle: boolean }): void {
  ctx.coreThread.set(e.core, e.to);
  ctx.coreIdle.set(e.core, e.idle);
}

interface Open {
  first: number;
  last: number;
  core: number;
  t: number;
  events: SimEvent[];
  /** The entry's syscallExited has been seen; its switch and mode change may follow. */
  exited: boolean;
}

const s = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const fmt = groupDigits;

/**
 * Narrate events in order. Events inside a kernel entry (syscallEntered or interruptTaken up to
 * its syscallExited on the same core) become one line; the lock release and IPIs that follow an
 * exit join that line; other events (console output, file operations, switches outside the
 * kernel) get lines of their own.
 */
export function narrate(
  events: Iterable<SimEvent>,
  ctx: NarrationContext = emptyContext(),
): NarrationLine[] {
  const out: NarrationLine[] = [];
  const open = new Map<number, Open>();
  /** The line just closed on each core, which post-exit events (lock release, IPIs) extend. */
  const closed = new Map<number, { line: NarrationLine; events: SimEvent[]; entry: boolean }>();
  const close = (cur: Open) => {
    open.delete(cur.core);
    const line = tellEntry(cur, ctx);
    out.push(line);
    closed.set(cur.core, { line, events: cur.events, entry: true });
  };
  for (const e of events) {
    const cur = open.get(e.core);
    if (cur !== undefined) {
      // The switch at the end of a kernel entry and the core's return to user mode belong to
      // the entry (the thread that entered owns it; the switch happens at its end).
      const tail = e.type === 'threadSwitched' || e.type === 'coreModeChanged';
      if (!cur.exited || tail) {
        cur.events.push(e);
        cur.last = e.seq;
        if (e.type === 'syscallExited') cur.exited = true;
        if (cur.exited && e.type === 'coreModeChanged' && e.mode !== 'kernel') close(cur);
        continue;
      }
      close(cur);
    }
    if (e.type === 'syscallEntered' || e.type === 'interruptTaken') {
      closed.delete(e.core);
      open.set(e.core, {
        first: e.seq,
        last: e.seq,
        core: e.core,
        t: e.t,
        events: [e],
        exited: false,
      });
      continue;
    }
    const after = closed.get(e.core);
    const extends_ =
      e.type === 'coreModeChanged' ||
      (after?.entry === true && (e.type === 'lockReleased' || e.type === 'ipiSent'));
    if (after !== undefined && extends_) {
      after.line.last = e.seq;
      if (e.type === 'ipiSent') after.line.text += ` ${tellIpi(e, after.events, ctx)}`;
      continue;
    }
    closed.delete(e.core);
    const text = tellAlone(e, ctx);
    if (text !== null) {
      const line = { first: e.seq, last: e.seq, core: e.core, t: e.t, text };
      out.push(line);
      closed.set(e.core, { line, events: [e], entry: false });
    }
  }
  // Entries still open at the end of the events: tell what is known so far.
  for (const cur of open.values()) out.push(tellEntry(cur, ctx));
  return out.sort((a, b) => a.first - b.first);
}

function tellEntry(o: Open, ctx: NarrationContext): NarrationLine {
  const first = o.events[0]!;
  const exit = o.events.find((e) => e.type === 'syscallExited');
  const parts: string[] = [];
  let thread = '';
  if (first.type === 'syscallEntered') {
    thread = first.thread;
    parts.push(`core ${o.core}: ${entryHead(first.thread, first.syscall, first.cap)}.`);
  } else if (first.type === 'interruptTaken') {
    parts.push(`core ${o.core}: ${interruptHead(first.kind)}.`);
  }
  if (exit?.type === 'syscallExited' && first.type === 'syscallEntered') {
    if (exit.path === 'fast') parts.push(fastWhy(exit.syscall, o.events));
    else if (exit.reason) parts.push(`Slowpath: ${exit.reason} (§1.7).`);
  }
  const effects: string[] = [];
  const lines = o.events.filter((e) => e.type === 'cacheLineMigrated');
  for (const e of o.events) {
    switch (e.type) {
      case 'lockContended':
        effects.push(
          `it waits ${fmt(e.waitCycles)} cycles for the big kernel lock, which another core ` +
            `holds (every kernel entry takes it, fastpath included, §1.10)`,
        );
        break;
      case 'messageTransferred':
        effects.push(tellMessage(e));
        break;
      case 'notificationSignalled':
        effects.push(
          `${e.object} is signalled with badge ${e.badge}; its word is now ${e.word} ` +
            `(signals OR their badges into the word, §1.6)`,
        );
        break;
      case 'threadBlocked':
        effects.push(tellBlocked(e.thread, e.state, e.object));
        break;
      case 'threadWoken': {
        const switched = o.events.some((x) => x.type === 'threadSwitched' && x.to === e.thread);
        if (!switched) effects.push(`${e.thread} becomes runnable`);
        break;
      }
      case 'schedContextDonated':
        effects.push(
          `${e.from || 'the caller'} lends its scheduling context ${e.sc} to ${e.to}, a passive ` +
            `server with none of its own (§1.9)`,
        );
        break;
      case 'schedContextReturned':
        effects.push(`the scheduling context ${e.sc} goes back from ${e.from} to ${e.to} (§1.9)`);
        break;
      case 'threadMigrated':
        effects.push(
          `${e.thread} moves from core ${e.from} to core ${e.to}, the core of the scheduling ` +
            `context it now runs on (§1.9)`,
        );
        break;
      case 'faultRaised':
        effects.push(
          `${e.thread} faults (${e.faultType}: ${e.detail})` +
            (e.handler ? `; the kernel sends a fault message to ${e.handler}` : '; no handler'),
        );
        break;
      case 'objectChanged':
        if (e.kind === 'endpoint' && e.state === 'send' && e.queue.length > 0) {
          effects.push(
            `${e.object} now queues ${s(e.queue.length, 'sender')}: ${e.queue.join(', ')}`,
          );
        }
        break;
      case 'threadSwitched':
        effects.push(
          tellSwitch(
            e,
            isIdleCore(ctx, e.core),
            o.events,
            exit?.type === 'syscallExited' && exit.path === 'fast',
          ),
        );
        noteSwitch(ctx, e);
        break;
      case 'budgetExhausted':
        effects.push(
          `${e.thread} has used up the budget of ${e.sc}; it refills at ${fmt(e.until)}`,
        );
        break;
      case 'threadStopped':
        effects.push(`${e.thread} stops: ${e.reason}`);
        break;
      default:
        break;
    }
  }
  if (lines.length > 0) effects.push(tellLines(lines));
  if (effects.length > 0) parts.push(`${capital(effects.join('; '))}.`);
  if (exit?.type === 'syscallExited') {
    parts.push(`${fmt(exit.cycles)} cycles${thread === '' ? ' in the kernel' : ''}.`);
  }
  return { first: o.first, last: o.last, core: o.core, t: o.t, text: parts.join(' ') };
}

function tellMessage(e: Extract<SimEvent, { type: 'messageTransferred' }>): string {
  const what = `label ${e.label}, ${s(e.length, 'word')}, badge ${e.badge}${e.caps > 0 ? `, ${s(e.caps, 'cap')}` : ''}`;
  switch (e.kind) {
    case 'call':
      return `the message (${what}) goes to ${e.to}, and the kernel gives ${e.to} a one-shot reply capability to ${e.from} (§1.5)`;
    case 'reply':
      return `the reply (${what}) goes to ${e.to} through its reply ${e.object === 'reply cap' ? 'cap, which is used up' : `object ${e.object}`} (§1.5)`;
    case 'fault':
      return `a fault message goes to ${e.to}`;
    default:
      return `the message (${what}) goes to ${e.to} through ${e.object}`;
  }
}

function tellBlocked(thread: string, state: string, object: string | null): string {
  const on = object ? ` ${object}` : '';
  switch (state) {
    case 'blockedOnReply':
      return `${thread} now waits for the reply`;
    case 'blockedOnReceive':
      return `${thread} waits in Recv on${on}`;
    case 'blockedOnSend':
      return `no receiver is waiting, so ${thread} queues on${on} as a sender (§1.2)`;
    case 'blockedOnNotification':
      return `${thread} waits on${on}`;
    case 'inactive':
      return `${thread} becomes inactive`;
    default:
      return `${thread} blocks (${state}${on})`;
  }
}

function tellSwitch(
  { from, to, core, idle }: { from: string; to: string; core: number; idle: boolean },
  fromIdle: boolean,
  events: SimEvent[],
  fast: boolean,
): string {
  const blocked = events.some((e) => e.type === 'threadBlocked' && e.thread === from);
  const stopped = events.some((e) => e.type === 'threadStopped' && e.thread === from);
  if (idle) {
    const why = blocked || stopped ? `${from} cannot run and ` : '';
    return `${why}nothing else is ready on core ${core}, so it goes idle`;
  }
  if (fast) return `${to} runs: the fastpath switches to it directly, without the scheduler (§1.7)`;
  if (fromIdle) return `core ${core} leaves idle and runs ${to}`;
  if (blocked || stopped) {
    return `${from} cannot run any more, so core ${core} runs ${to}, the highest-priority ready thread (§1.8)`;
  }
  return `core ${core} switches from ${from} to ${to}, now the highest-priority ready thread (§1.8)`;
}

function tellLines(lines: SimEvent[]): string {
  const from = new Set<number>();
  const names: string[] = [];
  let cycles = 0;
  for (const e of lines) {
    if (e.type !== 'cacheLineMigrated') continue;
    from.add(e.from);
    names.push(e.line);
    cycles += e.cycles;
  }
  const cores = [...from].sort((a, b) => a - b).join(', ');
  const shown = names.length > 4 ? `${names.slice(0, 4).join(', ')}, …` : names.join(', ');
  return `${s(names.length, 'cache line')} move here from core ${cores} (${shown}): ${fmt(cycles)} cycles`;
}

function tellIpi(
  e: Extract<SimEvent, { type: 'ipiSent' }>,
  entry: SimEvent[],
  ctx: NarrationContext,
): string {
  const woken = entry.find((x) => x.type === 'threadWoken');
  const who = woken?.type === 'threadWoken' ? woken.thread : 'a thread';
  if (e.kind === 'reschedule') {
    const there = ctx.coreThread.get(e.to);
    const state =
      there === undefined
        ? 'is idle or runs something of lower priority'
        : isIdleCore(ctx, e.to)
          ? 'is idle'
          : `runs ${there}, of lower priority`;
    return (
      `Then core ${e.core} sends a reschedule IPI to core ${e.to}: ${who} was made runnable ` +
      `there and core ${e.to} ${state} (§1.10).`
    );
  }
  if (e.kind === 'remoteCall') {
    return `Then core ${e.core} sends a remote-call IPI to core ${e.to} and waits for it to run (§1.10).`;
  }
  return `Then core ${e.core} signals core ${e.to} across kernel images with an IPI (§5).`;
}

function tellAlone(e: SimEvent, ctx: NarrationContext): string | null {
  switch (e.type) {
    case 'threadSwitched': {
      const fromIdle = isIdleCore(ctx, e.core);
      noteSwitch(ctx, e);
      if (e.idle) return `core ${e.core}: idle.`;
      return `core ${e.core}: ${e.to} starts running${fromIdle ? '' : ` after ${e.from}`}.`;
    }
    case 'consoleWritten':
      return `core ${e.core}: ${e.thread} prints “${e.text}”.`;
    case 'fileOperation':
      return (
        `core ${e.core}: ${e.thread}'s ${e.op} of ${e.path} is done: ${fmt(e.bytes)} bytes for ` +
        `${s(e.kernelEntries, 'kernel entry', 'kernel entries')}${e.error ? ` (${e.error})` : ''}.`
      );
    case 'portRegistered':
      return `core ${e.core}: ${e.server} registers the port ${e.port}.`;
    case 'namespaceChanged':
      return `core ${e.core}: ${e.process}'s namespace changes: ${e.bindings.map((b) => `${b.path} = ${b.targets.join(' | ')}`).join('; ')}.`;
    case 'faultRaised':
      return `core ${e.core}: ${e.thread} faults (${e.faultType}: ${e.detail}).`;
    case 'threadStopped':
      return `core ${e.core}: ${e.thread} stops: ${e.reason}.`;
    case 'budgetExhausted':
      return `core ${e.core}: ${e.thread} has used up the budget of ${e.sc}.`;
    default:
      return null;
  }
}

/** Our own sentence openers get a capital; a thread or object name is left as it is named. */
const OPENERS = new Set(['the', 'no', 'it', 'nothing', 'a']);

function capital(t: string): string {
  const word = /^\w+/.exec(t)?.[0] ?? '';
  return OPENERS.has(word) ? t[0]!.toUpperCase() + t.slice(1) : t;
}
