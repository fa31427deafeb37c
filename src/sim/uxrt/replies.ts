// Replies every UX/RT protocol shares: a status (a successful write returns error 0, §4.1) and an
// error carrying the errno in MR0 and its sentence after it, as 9P's Rerror carries a string.
import type * as Api from '../script/ipcscope';
import { errnoName, fsError, FsError } from './errors';
import { decodeLabel, MSG, type Wire } from './wire';

export function statusReply(wire: Wire, n: number): Api.Message {
  return wire.message(MSG.STATUS, 0, [n]);
}

export function errorReply(wire: Wire, e: FsError): Api.Message {
  return wire.message(MSG.ERROR, 0, [e.code], e.detail.slice(0, wire.messageBytes(1)));
}

/** The error an ERROR reply carries, or null for any other reply. */
export function replyError(wire: Wire, r: Api.ReceivedMessage): FsError | null {
  const l = decodeLabel(r.label);
  if (l.type !== MSG.ERROR) return null;
  return fsError(errnoName(r.words[0] ?? 5), wire.unpack(r.words.slice(1), l.length));
}

/** The kernel refused the Call itself (seL4 error in the reply, §1.3). */
export function kernelFailure(error: string, slot: string): FsError {
  if (/without Write right/.test(error)) {
    return fsError('EACCES', `the cap in '${slot}' lacks the Write right (${error})`);
  }
  return fsError('EIO', `the kernel refused the call on '${slot}': ${error}`);
}

/** Check a reply's type; anything else is a protocol error. */
export function expectReply(
  wire: Wire,
  r: Api.ReceivedMessage,
  type: number,
  slot: string,
): FsError | null {
  if (r.error !== undefined) return kernelFailure(r.error, slot);
  const e = replyError(wire, r);
  if (e !== null) return e;
  const got = decodeLabel(r.label).type;
  if (got !== type)
    return fsError('EIO', `protocol error: reply type ${got} where ${type} was due`);
  return null;
}

export function isFsError(x: unknown): x is FsError {
  return x instanceof FsError;
}
