import { describe, expect, it } from 'vitest';
import { decodeLabel, FLAG, MSG, Wire, wordsFor } from './wire';

describe('the transport wire format (§4.1, §1.4)', () => {
  it('carries type, flags and byte length in the label, outside the message registers', () => {
    const w = new Wire('x86-64', 4);
    const l = decodeLabel(w.label(MSG.WRITE, FLAG.BUF | FLAG.CONT, 4096));
    expect(l).toEqual({ type: MSG.WRITE, flags: FLAG.BUF | FLAG.CONT, length: 4096 });
  });

  it('packs bytes into words and back, 6 per 64-bit word and 4 per 32-bit word', () => {
    const text = 'hello, world! \u0000\u00ff~';
    const w64 = new Wire('aarch64', 4);
    const w32 = new Wire('aarch32', 4);
    expect(w64.pack(text)).toHaveLength(Math.ceil(text.length / 6));
    expect(w32.pack(text)).toHaveLength(Math.ceil(text.length / 4));
    expect(w64.unpack(w64.pack(text), text.length)).toBe(text);
    expect(w32.unpack(w32.pack(text), text.length)).toBe(text);
    for (const word of w64.pack('\u00ff'.repeat(12))) expect(Number.isSafeInteger(word)).toBe(true);
  });

  it("turns a character above 255 into '?' (bytes are 0-255)", () => {
    const w = new Wire('x86-64', 4);
    expect(w.unpack(w.pack('a\u20acb'), 3)).toBe('a?b');
  });

  it('keeps MR0 for the offset: a write fits (MRs - 1) words in registers, a read reply MRs words', () => {
    const x86 = new Wire('x86-64', 4);
    expect(x86.writeRegBytes).toBe(18);
    expect(x86.readRegBytes).toBe(24);
    expect(wordsFor(x86, 1, x86.writeRegBytes)).toBe(4);
    expect(wordsFor(x86, 1, x86.writeRegBytes + 1)).toBe(5);
    const arm32 = new Wire('aarch32', 4);
    expect([arm32.writeRegBytes, arm32.readRegBytes]).toEqual([12, 16]);
  });

  it('leaves no data register for a write on IA-32 MCS (one physical MR, §1.4)', () => {
    expect(new Wire('ia32', 2).writeRegBytes).toBe(4);
    expect(new Wire('ia32', 1).writeRegBytes).toBe(0);
    expect(new Wire('ia32', 1).readRegBytes).toBe(4);
  });

  it('carries at most 120 message words (seL4_MsgMaxLength) per message', () => {
    expect(new Wire('x86-64', 4).messageBytes(1)).toBe(119 * 6);
    expect(new Wire('aarch32', 4).messageBytes(0)).toBe(120 * 4);
  });

  it('limits one message to 4095 bytes on 32-bit ISAs, whose label has 20 bits', () => {
    const w = new Wire('aarch32', 4);
    expect(w.maxLength).toBe(4095);
    expect(w.bufferBytes).toBe(4095);
    expect(new Wire('x86-64', 4).bufferBytes).toBe(4096);
  });
});
