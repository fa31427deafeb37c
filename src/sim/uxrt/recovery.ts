// Taking a process down (a fault the process server handles, or 'kill' written to its ctl file).
// seL4 leaves a dead server's callers blocked for ever (their reply caps live in its TCB, §1.5),
// so the process server does what UX/RT's would: it drops the port from /srv, and loads an EPIPE
// responder into the server's thread, which answers the caller it left and every later request.
import type * as Api from '../script/ipcscope';
import { fsError, type FsError } from './errors';
import { execTombstone } from './serve';
import { SLOT } from './slots';
import type { VfsCtx } from './vfsCtx';

type Gen<T> = Generator<Api.Request, T, unknown>;

export function markDead(v: VfsCtx, port: string, reason: string): void {
  if (v.runtime.deadPorts.has(port)) return;
  v.runtime.deadPorts.set(port, reason);
  v.sys.log(`port '${port}' is gone (${reason}): its clients get EPIPE`);
}

/** Suspend `name`; a server is restarted as its port's tombstone. */
export function* takeDown(v: VfsCtx, name: string, reason: string): Gen<FsError | null> {
  const proc = v.world.procs.get(name);
  if (proc === undefined) return fsError('ENOENT', `no process '${name}'`);
  if (proc.tcb.image !== v.image) {
    return fsError(
      'EXDEV',
      `'${name}' runs in kernel image ${proc.tcb.image}, this process server in ${v.image}`,
    );
  }
  const rt = v.sim.threads[proc.tcb.id]!;
  const port = proc.serves;
  if (port === null) {
    yield* v.sys.tcbSuspend(SLOT.tcb(name));
    return null;
  }
  markDead(v, port, reason);
  const t = proc.tcb;
  const ep = v.world.ports.get(port)!.endpoint;
  if (t.state === 'blockedOnReceive' && t.blocking.object?.name === ep) {
    // Idle in Recv on its port: only the image changes; it stays where it waits (a passive
    // server has no scheduling context to be resumed with).
    execTombstone(rt, port, reason, true);
    return null;
  }
  yield* v.sys.tcbSuspend(SLOT.tcb(name));
  execTombstone(rt, port, reason, false);
  yield* v.sys.tcbResume(SLOT.tcb(name));
  return null;
}

const FAULT_NAMES: Record<number, string> = {
  1: 'cap fault',
  2: 'unknown syscall',
  3: 'user exception',
  6: 'timeout fault',
};

/** A fault message from the kernel (the process server is every process's fault handler). */
export function* handleFault(v: VfsCtx, pid: number, msg: Api.ReceivedMessage): Gen<void> {
  const proc = v.byPid[pid];
  if (proc === undefined) return;
  // The fault message carries its type and registers; the sentence is the simulator's.
  const detail = proc.tcb.fault?.detail ?? '';
  const reason = `'${proc.name}' raised a ${FAULT_NAMES[msg.label] ?? 'fault'}${detail ? `: ${detail}` : ''}`;
  v.sys.log(`${reason}; the process server stops it`);
  yield* takeDown(v, proc.name, reason);
}
