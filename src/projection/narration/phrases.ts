// The words for one kernel entry's head and for why it took the fastpath. The fastpath's
// conditions are in sel4-reference.md §1.7; a fast exit means every one of them held, so the
// sentence restates the ones a learner can see in the views.
import type { SimEvent } from '../../sim/simEvents';

const VERBS: Record<string, string> = {
  Call: 'Calls',
  Send: 'Sends on',
  NBSend: 'NBSends on',
  Recv: 'waits in Recv on',
  NBRecv: 'polls with NBRecv on',
  Reply: 'Replies',
  ReplyRecv: 'replies and waits again with ReplyRecv on',
  Signal: 'signals',
  Wait: 'Waits on',
  NBWait: 'polls with NBWait on',
  Poll: 'polls',
  Yield: 'yields',
  NBSendRecv: 'sends with NBSendRecv on',
  NBSendWait: 'sends with NBSendWait on',
};

export function entryHead(thread: string, syscall: string, cap: string | null): string {
  const verb = VERBS[syscall];
  if (verb === undefined)
    return `${thread} enters the kernel: ${syscall}${cap ? ` on ${cap}` : ''}`;
  if (syscall === 'Yield') return `${thread} yields`;
  return `${thread} ${verb}${cap ? ` ${cap}` : ''}`;
}

export function interruptHead(kind: string): string {
  if (kind === 'ipi') return 'an IPI arrives and the core enters the kernel to handle it';
  if (kind === 'timer') return 'the timer interrupt arrives (time slice or budget)';
  return `a ${kind} interrupt arrives`;
}

/** Why a fast exit was fast, in terms of what the learner sees. */
export function fastWhy(syscall: string, events: SimEvent[]): string {
  const msg = events.find((e) => e.type === 'messageTransferred');
  const to = msg?.type === 'messageTransferred' ? msg.to : 'the receiver';
  if (syscall === 'Call') {
    return (
      `${to} was already waiting in Recv on this core, the message fits in the message ` +
      `registers with no caps, and ${to} may run ahead of everything ready, so the fastpath ` +
      `applies (§1.7).`
    );
  }
  if (syscall === 'ReplyRecv') {
    return (
      `${to} waits for this reply on this core, no sender is queued on the endpoint, and ` +
      `${to} may run ahead of everything ready, so the fastpath applies (§1.7).`
    );
  }
  return 'It takes the fastpath (§1.7).';
}
