// Running a thread's program: one generator per thread, advanced from one kernel entry to the
// next. Exceptions thrown by the program and the watchdog become results the user can read.
import type { ProgramRequest, SyscallRequest } from './kernel/requests';
import type { Tcb } from './kernel/objects';
import type * as Api from './script/ipcscope';
import { armWatchdog, disarmWatchdog, WatchdogError } from './script/watchdog';

/** A script that threw, or ran too long without a kernel entry (the watchdog). */
export interface ScriptError {
  thread: string;
  message: string;
  line: number | null;
  watchdog: boolean;
}

export interface ThreadStats {
  syscalls: number;
  fastpath: number;
  slowpath: number;
  userCycles: number;
  kernelCycles: number;
}

export interface ThreadRuntime {
  tcb: Tcb;
  program: Api.Program;
  sys: Api.Sys;
  gen: Generator<Api.Request, void, unknown> | null;
  pendingCompute: number;
  /** Value handed to the program when its pending user work completes. */
  pendingResume: unknown;
  lastRequest: SyscallRequest | null;
  stats: ThreadStats;
}

export type Advance =
  | { kind: 'request'; request: ProgramRequest }
  | { kind: 'exit' }
  | { kind: 'error'; message: string; watchdog: boolean; line: number | null };

const REQUEST: { kind: 'request'; request: ProgramRequest } = {
  kind: 'request',
  request: { op: 'yield' },
};
const EXIT: Advance = { kind: 'exit' };

export interface ProgramHost {
  realClock: () => number;
  watchdogMs: number;
  /** Map an exception to "message (file:line:col)" using the loaded scenario's source. */
  describeError(e: unknown): { message: string; line: number | null };
}

/** Resume the program with the kernel's answer and run it to its next request. */
export function advance(rt: ThreadRuntime, resumeValue: unknown, host: ProgramHost): Advance {
  armWatchdog(rt.tcb.name, host.realClock, host.watchdogMs);
  try {
    if (rt.gen === null) {
      const g = rt.program(rt.sys) as unknown;
      if (
        g === null ||
        typeof g !== 'object' ||
        typeof (g as { next?: unknown }).next !== 'function'
      ) {
        return {
          kind: 'error',
          message: `program of '${rt.tcb.name}' is not a generator: write it as function* (sys) { ... }`,
          watchdog: false,
          line: null,
        };
      }
      rt.gen = g as Generator<Api.Request, void, unknown>;
    }
    const r = rt.gen.next(resumeValue);
    if (r.done === true) return EXIT;
    const req = r.value as unknown as ProgramRequest;
    if (
      req === null ||
      typeof req !== 'object' ||
      typeof (req as { op?: unknown }).op !== 'string'
    ) {
      return {
        kind: 'error',
        message: `'${rt.tcb.name}' yielded ${JSON.stringify(r.value)}: use yield* sys.<op>(...), not yield`,
        watchdog: false,
        line: null,
      };
    }
    // One result object for every request: the runner reads it before the next advance.
    REQUEST.request = req;
    return REQUEST;
  } catch (e) {
    if (e instanceof WatchdogError)
      return { kind: 'error', message: e.message, watchdog: true, line: e.line };
    const d = host.describeError(e);
    return {
      kind: 'error',
      message: `'${rt.tcb.name}' threw ${d.message}`,
      watchdog: false,
      line: d.line,
    };
  } finally {
    disarmWatchdog();
  }
}
