// Emits messageTransferred with what a student wants to see: who, to whom, through what, and the
// message info fields (label, length, badge, caps).
import type { Kernel } from './kernelState';
import type { Named } from '../events/schema';
import type { ReceivedMessage, Tcb } from './objects';

export function emitMessage(
  k: Kernel,
  from: Tcb,
  to: Tcb,
  object: string | Named,
  msg: ReceivedMessage,
  kind: 'send' | 'call' | 'reply' | 'fault',
): void {
  k.fx.messages++;
  k.fx.out.messageTransferred(k.fx.core, {
    from,
    to,
    object,
    label: msg.label,
    length: msg.length,
    badge: msg.badge,
    caps: msg.extraCaps,
    // The writer copies the words: no slice unless there are more than it shows.
    words: msg.words.length <= 8 ? msg.words : msg.words.slice(0, 8),
    kind,
    requested: msg.requested ?? msg.length,
  });
}
