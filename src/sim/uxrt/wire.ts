// The UX/RT transport's wire format (sel4-reference.md §4.1, §1.4). Every message is an seL4
// message: the label (in the message-info register, not an MR) carries type, flags and byte
// length; MR0 carries the offset or another header word; data follows in the remaining message
// registers (the first few physical, the rest in the IPC buffer) or in the open file's shared
// buffer, with only the header in registers. Bytes are characters 0-255 (others become '?').
// A 64-bit word carries 6 bytes, not 8: JavaScript numbers are exact only to 53 bits; a 32-bit
// word carries its full 4.
import type { Isa } from '../machine/platform';
import type * as Api from '../script/ipcscope';
import { MSG_MAX_LENGTH } from '../kernel/transfer';

/** Message types (label bits 0-4). Requests and replies of the three protocols share the space. */
export const MSG = {
  // transport: client -> file server, on the badged cap of an open file
  READ: 1,
  WRITE: 2,
  CLUNK: 3,
  // replies
  DATA: 4,
  STATUS: 5,
  ERROR: 6,
  // port protocol: process server -> file server, on the unbadged port cap (9P-like)
  P_OPEN: 7,
  P_STAT: 8,
  P_READDIR: 9,
  P_CREATE: 10,
  P_REMOVE: 11,
  OPENED: 12,
  STAT: 13,
  NAMES: 14,
  // VFS protocol: process -> process server
  V_OPEN: 15,
  V_STAT: 16,
  V_READDIR: 17,
  V_CREATE: 18,
  V_REMOVE: 19,
  V_BIND: 20,
  V_MOUNT: 21,
  V_UNMOUNT: 22,
  V_SPAWN: 23,
} as const;

/** Label flags (bits 5-7). */
export const FLAG = {
  /** More of this message follows (oversize writes, long replies). */
  CONT: 1,
  /** The data is in the open file's shared buffer, not in message registers. */
  BUF: 2,
  /** A message-special file's message did not fit the reader's buffer (ETRUNCATED). */
  TRUNC: 4,
} as const;

/** Size of each open file's shared buffer (one page). */
export const SHARED_BUFFER_BYTES = 4096;

export interface Label {
  type: number;
  flags: number;
  /** Bytes of data this message carries (inline or in the buffer). */
  length: number;
}

/** The transport's limits on one platform, derived from its registers and word size. */
export class Wire {
  /** Bytes one message word carries. */
  readonly bytesPerWord: number;
  /** Largest byte length the label's length field holds (20-bit labels on 32-bit ISAs). */
  readonly maxLength: number;

  constructor(
    isa: Isa,
    /** Physical message registers (seL4_FastMessageRegisters, §1.4). */
    readonly physicalMRs: number,
  ) {
    const wide = isa !== 'aarch32' && isa !== 'ia32';
    this.bytesPerWord = wide ? 6 : 4;
    this.maxLength = wide ? 2 ** 44 - 1 : 2 ** 12 - 1;
  }

  /** Data bytes a write carries in physical registers (MR0 holds the offset): the fastpath limit. */
  get writeRegBytes(): number {
    return Math.max(0, this.physicalMRs - 1) * this.bytesPerWord;
  }

  /** Data bytes a read reply carries in physical registers (no header word). */
  get readRegBytes(): number {
    return this.physicalMRs * this.bytesPerWord;
  }

  /** Data bytes one message carries in all 120 message registers after `header` words. */
  messageBytes(header: number): number {
    return (MSG_MAX_LENGTH - header) * this.bytesPerWord;
  }

  /** Bytes one shared-buffer message moves. */
  get bufferBytes(): number {
    return Math.min(SHARED_BUFFER_BYTES, this.maxLength);
  }

  label(type: number, flags: number, length: number): number {
    return type + flags * 32 + length * 256;
  }

  pack(text: string): number[] {
    const bpw = this.bytesPerWord;
    const words: number[] = [];
    for (let i = 0; i < text.length; i += bpw) {
      let w = 0;
      for (let j = Math.min(bpw, text.length - i) - 1; j >= 0; j--) {
        const c = text.charCodeAt(i + j);
        w = w * 256 + (c > 255 ? 63 : c);
      }
      words.push(w);
    }
    return words;
  }

  unpack(words: readonly number[], length: number): string {
    const bpw = this.bytesPerWord;
    const out: string[] = [];
    for (const word of words) {
      let w = word;
      for (let j = 0; j < bpw && out.length < length; j++) {
        out.push(String.fromCharCode(w % 256));
        w = Math.floor(w / 256);
      }
      if (out.length >= length) break;
    }
    return out.join('');
  }

  /** A message: label + header words + text packed after them. */
  message(type: number, flags: number, header: number[], text = '', caps?: string[]): Api.Message {
    const m: Api.Message = {
      label: this.label(type, flags, text.length),
      words: [...header, ...this.pack(text)],
    };
    if (caps !== undefined) m.caps = caps;
    return m;
  }

  /** The text a message carries after `header` words ('' when its data is in the buffer). */
  text(msg: Api.ReceivedMessage, header: number): string {
    const l = decodeLabel(msg.label);
    if ((l.flags & FLAG.BUF) !== 0) return '';
    return this.unpack(msg.words.slice(header), l.length);
  }
}

export function decodeLabel(label: number): Label {
  return {
    type: label % 32,
    flags: Math.floor(label / 32) % 8,
    length: Math.floor(label / 256),
  };
}

/** Words a message of `bytes` inline data and `header` header words occupies. */
export function wordsFor(wire: Wire, header: number, bytes: number): number {
  return header + Math.ceil(bytes / wire.bytesPerWord);
}
