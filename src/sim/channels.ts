// User-level side of cross-image channels (world.ts k.channel): messages written to and read from
// the shared region, whose cache lines migrate between the two cores like any shared memory.
import type { Tcb } from './kernel/objects';
import type { ChannelEnd } from './kernel/objects';
import type { OutMessage } from './kernel/requests';
import type { ReceivedMessage } from './kernel/objects';
import type { CoreContext } from './coreContext';

export interface UserResult {
  cost: number;
  value: unknown;
  error?: string;
}

const SLOT_BYTES = 8 * 16; // one message slot in the ring: header + up to 15 words

function endOf(t: Tcb, slot: string): ChannelEnd | string {
  const cap = t.cspace.get(slot)?.cap ?? null;
  if (cap === null) return `slot '${slot}' is empty`;
  if (cap.object.kind !== 'notification' || cap.object.channel === null) {
    return `slot '${slot}' does not hold a channel end (make one with k.channel)`;
  }
  return cap.object.channel;
}

function touchSlot(
  sim: CoreContext,
  c: number,
  region: string,
  index: number,
  write: boolean,
): number {
  const lineSize = sim.profile.lineSize;
  const first = Math.floor(((index % 32) * SLOT_BYTES) / lineSize);
  const lines = Math.ceil(SLOT_BYTES / lineSize);
  let cost = 0;
  for (let i = 0; i < lines; i++) cost += sim.touchLine(c, `user.${region}.${first + i}`, write);
  return cost + Math.ceil(SLOT_BYTES * sim.profile.copyPerByte);
}

export function channelWrite(
  sim: CoreContext,
  c: number,
  t: Tcb,
  slot: string,
  msg: OutMessage,
): UserResult {
  const end = endOf(t, slot);
  if (typeof end === 'string') return { cost: 0, value: undefined, error: `channelSend: ${end}` };
  const peerEnd = end.peer.channel!;
  const index = peerEnd.inbox.length;
  peerEnd.inbox.push({ label: msg.label ?? 0, words: (msg.words ?? []).slice(0, 15), caps: [] });
  return { cost: touchSlot(sim, c, end.region, index, true), value: undefined };
}

export function channelRead(sim: CoreContext, c: number, t: Tcb, slot: string): UserResult {
  const end = endOf(t, slot);
  if (typeof end === 'string') return { cost: 0, value: null, error: `channelRecv: ${end}` };
  const m = end.inbox.shift();
  if (m === undefined) return { cost: touchSlot(sim, c, end.region, 0, false), value: null };
  const value: ReceivedMessage = {
    badge: 0,
    label: m.label,
    length: m.words.length,
    words: m.words,
    extraCaps: 0,
    capsUnwrapped: 0,
    caps: [],
    unwrappedBadges: [],
  };
  return { cost: touchSlot(sim, c, end.region, end.inbox.length, false), value };
}
