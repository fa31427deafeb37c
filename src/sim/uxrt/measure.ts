// Wraps one file operation of a client: counts what it took (kernel entries on both sides, hops,
// user-level copies, cycles) and reports it as a fileOperation event and in sys.lastFileOp().
import type * as Api from '../script/ipcscope';
import type { ThreadCtx } from './context';
import { fsError, type FsError } from './errors';

export interface Outcome<T> {
  value: T;
  /** Bytes of data the operation moved (read or written). */
  bytes: number;
  transport: string;
  error: FsError | null;
}

/** An operation that failed before any IPC. */
export function refused<T>(value: T, error: FsError): Outcome<T> {
  return { value, bytes: 0, transport: 'none', error };
}

/** ENOSYS when this thread has no process server to talk to. */
export function layerMissing(ctx: ThreadCtx): FsError | null {
  if (ctx.runtime.world === null) {
    return fsError(
      'ENOSYS',
      "the file layer is off: call k.uxrt() in setup, or give a process `serves: 'port'`",
    );
  }
  if (ctx.proc === null)
    return fsError('ENOSYS', `'${ctx.name}' is a process server, not a client`);
  return null;
}

export function* measure<T>(
  ctx: ThreadCtx,
  op: string,
  path: string,
  body: Generator<Api.Request, Outcome<T>, unknown>,
): Generator<Api.Request, T, unknown> {
  const rt = ctx.runtime;
  const start = ctx.sim.now;
  rt.tracer.begin(ctx.name);
  rt.takeCopied(ctx.name);
  const o = yield* body;
  const t = rt.tracer.take(ctx.name);
  const fast = t.slowpath === 0 && t.fastpath > 0;
  rt.record(ctx.name, ctx.rt.tcb.affinity, {
    op,
    path,
    bytes: o.bytes,
    kernelEntries: t.clientEntries + t.serverEntries,
    clientEntries: t.clientEntries,
    serverEntries: t.serverEntries,
    transport: o.transport,
    hops: t.hops,
    cycles: ctx.sim.now - start,
    copiedBytes: rt.takeCopied(ctx.name),
    ...(!fast && t.reason !== null ? { reason: t.reason } : {}),
    ...(o.error !== null ? { error: o.error.toString() } : {}),
  });
  return o.value;
}
