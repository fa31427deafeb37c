// Message transfer (seL4 src/kernel/thread.c: doIPCTransfer, doNormalTransfer, transferCaps;
// sel4-reference.md §1.3, §1.4): label, up to 120 words, at most three caps of which one real
// cap can land in the receiver's single receive slot; caps naming the very endpoint are unwrapped.
import { physicalMRs, type Kernel } from './kernelState';
import { ipcBufferLine } from './lines';
import type { Cap, Endpoint, ReceivedMessage, Tcb } from './objects';

export const MSG_MAX_LENGTH = 120; // seL4_MsgMaxLength
export const MSG_MAX_EXTRA_CAPS = 3; // seL4_MsgMaxExtraCaps

/**
 * The cap in a slot, or null for an empty slot or for a cap to an object of another kernel
 * image: caps have no meaning outside their kernel instance (sel4-reference.md §5).
 */
export function lookupSlotCap(t: Tcb, slot: string): Cap | null {
  const cap = t.cspace.get(slot)?.cap ?? null;
  return cap !== null && cap.object.image === t.image ? cap : null;
}

/** Why lookupSlotCap found nothing, as a sentence for the cap fault. */
export function lookupFailure(t: Tcb, slot: string): string {
  const cap = t.cspace.get(slot)?.cap ?? null;
  if (cap === null) return 'empty slot';
  return (
    `the cap names '${cap.object.name}' of kernel image ${cap.object.image}, but '${t.name}' ` +
    `runs in image ${t.image}: caps mean nothing outside their kernel image`
  );
}

/** Insert a cap into a named slot, creating the slot (with the next index) if needed. */
export function insertCap(t: Tcb, slot: string, cap: Cap | null): void {
  const existing = t.cspace.get(slot);
  if (existing) existing.cap = cap;
  else t.cspace.set(slot, { name: slot, index: t.nextSlotIndex++, cap });
}

function ipcBufferLines(k: Kernel, words: number): number {
  const spill = Math.max(0, words - physicalMRs(k));
  return spill === 0 ? 0 : Math.ceil((spill * 8) / k.state.profile.lineSize);
}

/** Copy the words that did not fit in physical registers through both IPC buffers (§1.4). */
function copyMessageWords(k: Kernel, sender: Tcb, receiver: Tcb, length: number): void {
  k.fx.touch(receiver.lines.regs, true);
  const lines = ipcBufferLines(k, length);
  for (let i = 0; i < lines; i++) {
    k.fx.touch(ipcBufferLine(sender.lines, sender.name, i), false);
    k.fx.touch(ipcBufferLine(receiver.lines, receiver.name, i), true);
  }
  const spill = Math.max(0, length - physicalMRs(k));
  k.fx.charge(spill * k.state.profile.copyPerWord);
}

function transferCaps(
  k: Kernel,
  sender: Tcb,
  receiver: Tcb,
  ep: Endpoint | null,
  capSlots: string[],
  msg: ReceivedMessage,
): void {
  let destSlot = receiver.receiveSlot;
  let i = 0;
  for (; i < capSlots.length && i < MSG_MAX_EXTRA_CAPS; i++) {
    const cap = lookupSlotCap(sender, capSlots[i]!);
    if (cap === null) break; // lookup failure stops the transfer; no error is reported
    if (ep !== null && cap.object === ep) {
      msg.unwrappedBadges[i] = cap.badge;
      msg.capsUnwrapped |= 1 << i;
      continue;
    }
    if (destSlot === null) break;
    if ((receiver.cspace.get(destSlot)?.cap ?? null) !== null) break; // the receive slot must be empty
    insertCap(receiver, destSlot, {
      object: cap.object,
      rights: { ...cap.rights },
      badge: cap.badge,
    });
    k.fx.touch(receiver.lines.cspace, true);
    msg.caps.push(destSlot);
    destSlot = null;
  }
  msg.extraCaps = i;
}

/** Bits in a machine word: 32 on AArch32 and IA-32, else 64 (libsel4 mode_include/32 vs 64). */
export function wordBits(k: Kernel): 32 | 64 {
  const isa = k.state.profile.isa;
  return isa === 'aarch32' || isa === 'ia32' ? 32 : 64;
}

/**
 * The label as the message info word holds it: 20 bits on a 32-bit ISA, 52 on a 64-bit one
 * (seL4_MessageInfo in shared_types.bf); higher bits are lost as the hardware would lose them.
 */
export function truncLabel(k: Kernel, label: number): number {
  const v = Math.trunc(label);
  const m = wordBits(k) === 32 ? 0x100000 : 0x10000000000000; // 2^20, 2^52
  // In range already (almost every label): skip the float remainders (+ 0 turns -0 into 0).
  if (v >= 0 && v < m) return v + 0;
  return ((v % m) + m) % m;
}

/** A message word as a register holds it: 32 bits on a 32-bit ISA (64-bit words pass as is). */
export function truncWord(k: Kernel, w: number): number {
  if (wordBits(k) === 64) return w;
  const m = 0x100000000; // 2^32
  const v = Math.trunc(w);
  if (v >= 0 && v < m) return v + 0;
  return ((v % m) + m) % m;
}

/**
 * doIPCTransfer: move the sender's outgoing message into the receiver. `canGrant` is the Grant
 * right of the cap the message travels through; without it caps are dropped and only data goes.
 */
export function doIpcTransfer(
  k: Kernel,
  sender: Tcb,
  ep: Endpoint | null,
  badge: number,
  canGrant: boolean,
  receiver: Tcb,
): ReceivedMessage {
  const out = sender.outbox;
  const length = Math.min(out.words.length, MSG_MAX_LENGTH);
  const words = out.words.slice(0, length);
  const msg: ReceivedMessage = {
    badge,
    label: truncLabel(k, out.label),
    length,
    words: wordBits(k) === 32 ? words.map((w) => truncWord(k, w)) : words,
    extraCaps: 0,
    capsUnwrapped: 0,
    caps: [],
    unwrappedBadges: [],
  };
  // The length field has 7 bits and seL4 caps it at seL4_MsgMaxLength: the rest is cut.
  if (out.words.length > MSG_MAX_LENGTH) msg.requested = out.words.length;
  copyMessageWords(k, sender, receiver, length);
  if (canGrant && out.caps.length > 0) transferCaps(k, sender, receiver, ep, out.caps, msg);
  receiver.inbox = msg;
  return msg;
}

/** doNBRecvFailedTransfer: a polling receive that found nothing reads badge 0. */
export function doNbRecvFailedTransfer(receiver: Tcb): void {
  receiver.inbox = {
    badge: 0,
    label: 0,
    length: 0,
    words: [],
    extraCaps: 0,
    capsUnwrapped: 0,
    caps: [],
    unwrappedBadges: [],
  };
}

/** seL4_Error codes (libsel4/include/sel4/errors.h), by the name an error message starts with. */
export const SEL4_ERROR: Record<string, number> = {
  InvalidArgument: 1,
  InvalidCapability: 2,
  IllegalOperation: 3,
  RangeError: 4,
  AlignmentError: 5,
  FailedLookup: 6,
  TruncatedMessage: 7,
  DeleteFirst: 8,
  RevokeFirst: 9,
  NotEnoughMemory: 10,
};

/** The seL4_Error code of an error message 'Name: why' (replyFromKernel_error's label). */
export function errorCode(error: string): number {
  return SEL4_ERROR[error.split(':', 1)[0]!.trim()] ?? SEL4_ERROR.IllegalOperation!;
}

/** The kernel's answer to an invocation: an empty message whose label is the seL4_Error code. */
export function setSyscallResult(t: Tcb, error: string | null, words: number[] = []): void {
  t.inbox = {
    badge: 0,
    label: error === null ? 0 : errorCode(error),
    length: words.length,
    words,
    extraCaps: 0,
    capsUnwrapped: 0,
    caps: [],
    unwrappedBadges: [],
    ...(error === null ? {} : { error }),
  };
}
