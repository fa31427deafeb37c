// A file server's life (sel4-reference.md §4.1): wait on its port endpoint, answer each request
// with one ReplyRecv. When its program throws or returns, the server is gone: what is left of it
// answers the caller it left and every later request with EPIPE (the process server learns it
// from that answer, as Plan 9 finds a hung-up channel), so no client waits forever. It sends no
// message of its own: the process server may be blocked calling it.
import type { Tcb } from '../kernel/objects';
import type { SyscallRequest } from '../kernel/requests';
import type { ThreadRuntime } from '../programs';
import type * as Api from '../script/ipcscope';
import { WatchdogError } from '../script/watchdog';
import { contextOf, type ThreadCtx } from './context';
import { fsError } from './errors';
import { errorReply } from './replies';
import { createServerState, fileRequest, portRequest } from './serverCore';
import { SLOT } from './slots';

/** sys.serve(handlers): never returns. */
export function* serveLoop(
  ctx: ThreadCtx,
  handlers: Api.FileServer,
): Generator<Api.Request, void, unknown> {
  const port = ctx.proc?.serves ?? null;
  if (port === null) {
    throw new Error(
      `'${ctx.name}' serves no port: declare it in setup, k.process('${ctx.name}', ..., { serves: 'name' })`,
    );
  }
  if (typeof handlers !== 'object' || handlers === null) {
    throw new TypeError(
      'serve() needs an object of handlers: { read(path, offset, bytes) { ... } }',
    );
  }
  const st = createServerState(port, handlers);
  let msg = yield* ctx.sys.recv(SLOT.port);
  for (;;) {
    const reply =
      msg.badge === 0
        ? yield* portRequest(ctx, st, msg)
        : yield* fileRequest(ctx, st, msg.badge, msg);
    msg = yield* ctx.sys.replyRecv(SLOT.port, reply);
  }
}

/** What answers on a dead server's port: EPIPE to the caller it left and to every later one. */
export function* tombstone(
  sys: Api.Sys,
  port: string,
  reason: string,
  waiting: boolean,
): Generator<Api.Request, void, unknown> {
  const ctx = contextOf(sys);
  const epipe = errorReply(
    ctx.runtime.wire,
    fsError('EPIPE', `the server of '${port}' is gone: ${reason}`),
  );
  if (waiting) yield* sys.recv(SLOT.port);
  for (;;) yield* sys.replyRecv(SLOT.port, epipe);
}

/**
 * The process server loads the tombstone into a server it took down (as exec would): the thread
 * continues at the tombstone's first request. Tool-level: the new image replaces the generator.
 */
export function execTombstone(
  rt: ThreadRuntime,
  port: string,
  reason: string,
  waiting: boolean,
): void {
  const g = tombstone(rt.sys, port, reason, waiting);
  const first = g.next();
  rt.gen = g;
  rt.lastRequest = first.done === true ? null : (first.value as unknown as SyscallRequest);
  rt.pendingCompute = 0;
}

function reportException(ctx: ThreadCtx, e: unknown): string {
  const sim = ctx.sim;
  const d = sim.host.describeError(e);
  const message = `'${ctx.name}' threw ${d.message}`;
  sim.scriptErrors.push({ thread: ctx.name, message, line: d.line, watchdog: false });
  const tcb: Tcb = ctx.rt.tcb;
  sim.emit(tcb.affinity, {
    type: 'faultRaised',
    thread: ctx.name,
    faultType: 'exception',
    detail: d.message,
    handler: ctx.runtime.world?.vfs.get(tcb.image) ?? null,
  });
  return message;
}

/** Wrap a server's program so that its end, normal or not, is reported and its port answered. */
export function serverProgram(original: Api.Program): Api.Program {
  return function* (sys: Api.Sys) {
    const ctx = contextOf(sys);
    const port = ctx.proc!.serves!;
    let reason: string;
    try {
      const g = original(sys) as unknown;
      if (
        typeof g !== 'object' ||
        g === null ||
        typeof (g as { next?: unknown }).next !== 'function'
      ) {
        throw new TypeError(
          `the program of '${ctx.name}' is not a generator: write it as function* (sys) { ... }`,
        );
      }
      yield* g as Generator<Api.Request, void, unknown>;
      reason = `'${ctx.name}' returned`;
    } catch (e) {
      if (e instanceof WatchdogError) throw e;
      reason = reportException(ctx, e);
    }
    yield* tombstone(sys, port, reason, false);
  };
}
