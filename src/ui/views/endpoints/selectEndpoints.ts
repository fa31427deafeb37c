// What the endpoint view lists, derived from the projection: each queue entry with the thread's
// role (sender or receiver), the syscall it waits in and the badge of the cap it used; who waits
// for a reply from whom; which scheduling contexts are on loan.
import type { MachineDescription, Projection, ThreadView } from '../../../projection/types';

export interface QueueEntry {
  thread: string;
  /** Call, Send, Recv, ReplyRecv, Wait… */
  syscall: string | null;
  role: 'sender' | 'receiver' | 'waiter';
  badge: number | null;
}

export interface ReplyWait {
  caller: string;
  /** The thread that must reply (classic: holds the reply cap; MCS: owns the reply object). */
  server: string | null;
  /** MCS reply object, or null for a classic reply cap. */
  replyObject: string | null;
}

function badgeOf(desc: MachineDescription, t: ThreadView | undefined): number | null {
  if (t === undefined || t.lastCap === null) return null;
  const cap = desc.threads.find((d) => d.name === t.name)?.caps.find((c) => c.slot === t.lastCap);
  return cap?.badge ?? null;
}

export function queueEntries(
  p: Projection,
  desc: MachineDescription,
  queue: string[],
): QueueEntry[] {
  return queue.map((name) => {
    const t = p.threads[name];
    const role =
      t?.state === 'blockedOnSend'
        ? 'sender'
        : t?.state === 'blockedOnNotification'
          ? 'waiter'
          : 'receiver';
    return {
      thread: name,
      syscall: t?.lastSyscall ?? null,
      role,
      badge: role === 'sender' ? badgeOf(desc, t) : null,
    };
  });
}

export function replyWaits(p: Projection, desc: MachineDescription): ReplyWait[] {
  const replyOwner = new Map(desc.replies.map((r) => [r.name, r.owner]));
  const out: ReplyWait[] = [];
  for (const t of Object.values(p.threads)) {
    if (t.state !== 'blockedOnReply') continue;
    const on = t.blockedOn;
    if (on !== null && replyOwner.has(on))
      out.push({ caller: t.name, server: replyOwner.get(on)!, replyObject: on });
    else out.push({ caller: t.name, server: on, replyObject: null });
  }
  return out;
}

export function scsOnLoan(p: Projection) {
  return Object.values(p.schedContexts).filter((sc) => sc.holder !== null && sc.holder !== sc.home);
}
