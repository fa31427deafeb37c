// What a program asks of the kernel: one record per kernel entry, produced by `yield* sys.<op>`.
import type { CNodeInvocation } from './cnode';

export interface OutMessage {
  label?: number;
  words?: number[];
  caps?: string[];
}

export type TcbMethod =
  'suspend' | 'resume' | 'setPriority' | 'setAffinity' | 'bindNotification' | 'unbindNotification';

export type SyscallRequest =
  | { op: 'call' | 'send' | 'nbSend'; slot: string; msg: OutMessage }
  | { op: 'recv' | 'nbRecv' | 'wait' | 'nbWait' | 'poll'; slot: string; reply?: string }
  | { op: 'reply'; msg: OutMessage; reply?: string }
  | { op: 'replyRecv'; slot: string; msg: OutMessage; reply?: string }
  | { op: 'nbSendRecv'; dest: string; msg: OutMessage; slot: string; reply?: string }
  | { op: 'nbSendWait'; dest: string; msg: OutMessage; slot: string }
  | { op: 'signal'; slot: string }
  | { op: 'sgi'; slot: string }
  | { op: 'yield' }
  | { op: 'tcb'; slot: string | null; method: TcbMethod; arg: number | string }
  | ({ op: 'cnode' } & CNodeInvocation)
  | { op: 'exit'; reason?: string };

/** Requests that are not kernel entries: user time and user memory traffic. */
export type UserRequest =
  | { op: 'compute'; cycles: number }
  | { op: 'touch'; region: string; offset: number; bytes: number; write: boolean }
  | { op: 'channelWrite'; slot: string; msg: OutMessage }
  | { op: 'channelRead'; slot: string };

export type ProgramRequest = SyscallRequest | UserRequest;

/** seL4's name for the syscall a request makes (for stats and events). */
export function syscallName(r: SyscallRequest, mcs: boolean): string {
  switch (r.op) {
    case 'call':
      return 'Call';
    case 'send':
      return 'Send';
    case 'nbSend':
      return 'NBSend';
    case 'recv':
      return 'Recv';
    case 'nbRecv':
      return 'NBRecv';
    case 'wait':
      return mcs ? 'Wait' : 'Recv';
    case 'nbWait':
      return mcs ? 'NBWait' : 'NBRecv';
    case 'poll':
      return mcs ? 'NBWait' : 'NBRecv';
    case 'reply':
      return mcs ? 'Send' : 'Reply';
    case 'replyRecv':
      return 'ReplyRecv';
    case 'nbSendRecv':
      return 'NBSendRecv';
    case 'nbSendWait':
      return 'NBSendWait';
    case 'signal':
      return 'Signal';
    case 'sgi':
      return 'IRQ_SGI';
    case 'yield':
      return 'Yield';
    case 'tcb':
      return `TCB_${r.method[0]!.toUpperCase()}${r.method.slice(1)}`;
    case 'exit':
      return 'TCB_Suspend';
    case 'cnode':
      return `CNode_${r.method[0]!.toUpperCase()}${r.method.slice(1)}`;
  }
}

export function requestCap(r: SyscallRequest): string | null {
  switch (r.op) {
    case 'yield':
    case 'exit':
    case 'reply':
      return null;
    case 'nbSendRecv':
    case 'nbSendWait':
      return r.dest;
    case 'tcb':
      return r.slot;
    case 'cnode':
      return r.src ?? r.dest;
    default:
      return r.slot;
  }
}
