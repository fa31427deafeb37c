// The runtime behind the module 'ipcscope': scenario() and the `sys` object each program gets.
// Every kernel entry is a generator that yields one request record and returns the kernel's
// answer, so a thread is suspended exactly where a real one traps (DESIGN.md "Processes").
import type { OutMessage, ProgramRequest, SyscallRequest } from '../kernel/requests';
import type * as Api from './ipcscope';

export function scenario(spec: Api.ScenarioSpec): Api.Scenario {
  if (spec === null || typeof spec !== 'object') throw new TypeError('scenario() needs an object');
  if (typeof spec.name !== 'string' || spec.name.length === 0) {
    throw new TypeError('scenario() needs a name');
  }
  if (typeof spec.setup !== 'function') throw new TypeError('scenario() needs a setup(k) function');
  return { ...spec, __scenario: true };
}

export function isScenario(x: unknown): x is Api.Scenario {
  return typeof x === 'object' && x !== null && (x as { __scenario?: unknown }).__scenario === true;
}

/** What a sys object needs from the simulation, beyond yielding requests. */
export interface SysHost {
  now(): number;
  /** The run's seeded generator (engine/rng.ts). */
  random(): number;
  log(text: string): void;
}

function out(m: Api.Message | undefined): OutMessage {
  if (m === undefined) return {};
  const o: OutMessage = {};
  if (m.label !== undefined) o.label = m.label;
  if (m.words !== undefined) o.words = m.words.map((w) => Number(w));
  if (m.caps !== undefined) o.caps = [...m.caps];
  return o;
}

function* kernel(r: SyscallRequest): Generator<Api.Request, Api.ReceivedMessage, unknown> {
  return (yield r) as Api.ReceivedMessage;
}

function* user(r: ProgramRequest): Generator<Api.Request, void, unknown> {
  yield r;
}

export function format(a: unknown): string {
  if (typeof a === 'string') return a;
  try {
    return JSON.stringify(a) ?? String(a);
  } catch {
    return String(a);
  }
}

export type SeL4Sys = Omit<
  Api.Sys,
  | 'open'
  | 'read'
  | 'write'
  | 'readreg'
  | 'writereg'
  | 'readbuf'
  | 'writebuf'
  | 'seek'
  | 'close'
  | 'stat'
  | 'readdir'
  | 'create'
  | 'remove'
  | 'bind'
  | 'mount'
  | 'unmount'
  | 'spawn'
  | 'serve'
  | 'errstr'
  | 'lastFileOp'
>;

/** The seL4-level half of `sys` (DESIGN.md "A scenario file"). */
export function createSeL4Sys(name: string, host: SysHost): SeL4Sys {
  return {
    name,
    call: (slot, msg) => kernel({ op: 'call', slot, msg: out(msg) }),
    send: function* (slot, msg) {
      yield* kernel({ op: 'send', slot, msg: out(msg) });
    },
    nbSend: function* (slot, msg) {
      yield* kernel({ op: 'nbSend', slot, msg: out(msg) });
    },
    recv: (slot, o) => kernel({ op: 'recv', slot, ...(o?.reply ? { reply: o.reply } : {}) }),
    nbRecv: (slot, o) => kernel({ op: 'nbRecv', slot, ...(o?.reply ? { reply: o.reply } : {}) }),
    reply: function* (msg, o) {
      yield* kernel({ op: 'reply', msg: out(msg), ...(o?.reply ? { reply: o.reply } : {}) });
    },
    replyRecv: (slot, msg, o) =>
      kernel({ op: 'replyRecv', slot, msg: out(msg), ...(o?.reply ? { reply: o.reply } : {}) }),
    nbSendRecv: (dest, msg, slot, o) =>
      kernel({
        op: 'nbSendRecv',
        dest,
        msg: out(msg),
        slot,
        ...(o?.reply ? { reply: o.reply } : {}),
      }),
    nbSendWait: (dest, msg, slot) => kernel({ op: 'nbSendWait', dest, msg: out(msg), slot }),
    wait: (slot) => kernel({ op: 'wait', slot }),
    nbWait: (slot) => kernel({ op: 'nbWait', slot }),
    signal: function* (slot) {
      yield* kernel({ op: 'signal', slot });
    },
    poll: (slot) => kernel({ op: 'poll', slot }),
    yield: function* () {
      yield* kernel({ op: 'yield' });
    },
    setAffinity: (core) => kernel({ op: 'tcb', slot: null, method: 'setAffinity', arg: core }),
    setPriority: (priority, slot) =>
      kernel({ op: 'tcb', slot: slot ?? null, method: 'setPriority', arg: priority }),
    tcbSuspend: (slot) => kernel({ op: 'tcb', slot, method: 'suspend', arg: 0 }),
    tcbResume: (slot) => kernel({ op: 'tcb', slot, method: 'resume', arg: 0 }),
    bindNotification: (ntfn) =>
      kernel({ op: 'tcb', slot: null, method: 'bindNotification', arg: ntfn }),
    cnodeMint: (src, dest, o) =>
      kernel({
        op: 'cnode',
        method: 'mint',
        src,
        dest,
        ...(o?.rights ? { rights: o.rights } : {}),
        ...(o?.badge !== undefined ? { badge: o.badge } : {}),
      }),
    cnodeCopy: (src, dest, rights) =>
      kernel({ op: 'cnode', method: 'copy', src, dest, ...(rights ? { rights } : {}) }),
    cnodeDelete: (slot) => kernel({ op: 'cnode', method: 'delete', src: null, dest: slot }),
    channelSend: function* (slot, msg) {
      yield* user({ op: 'channelWrite', slot, msg: out(msg) });
      yield* kernel({ op: 'sgi', slot });
    },
    channelRecv: function* (slot) {
      for (;;) {
        const m = (yield { op: 'channelRead', slot } as Api.Request) as Api.ReceivedMessage | null;
        if (m !== null && m !== undefined) return m;
        yield* kernel({ op: 'wait', slot });
      }
    },
    compute: (cycles) => user({ op: 'compute', cycles: Math.max(0, Math.round(Number(cycles))) }),
    touch: (region, o) =>
      user({
        op: 'touch',
        region: String(region),
        offset: Number(o?.offset ?? 0),
        bytes: Number(o?.bytes ?? 64),
        write: o?.write ?? true,
      }),
    now: () => host.now(),
    random: () => host.random(),
    log: (...args) => host.log(args.map(format).join(' ')),
  };
}
