import { describe, expect, it } from 'vitest';
import { decideReplace, hasUnsavedEdits } from './confirmReplace';

describe('replacing the editor text', () => {
  it('replaces at once when the text is as it was opened', () => {
    expect(decideReplace('a\nb\n', 'a\nb\n', 'Echo')).toEqual({ ask: false });
  });

  it('does not count line endings or trailing blanks as edits', () => {
    expect(hasUnsavedEdits('a  \r\nb\r\n\n', 'a\nb')).toBe(false);
  });

  it('asks first when the text was edited, naming what opens', () => {
    const d = decideReplace('a\nc\n', 'a\nb\n', 'Echo');
    expect(d.ask).toBe(true);
    if (d.ask) expect(d.question).toMatch(/^Open "Echo"\? It replaces the text/);
  });

  it('asks first for text that was never opened from anywhere, unless it is empty', () => {
    expect(hasUnsavedEdits('typed by hand', null)).toBe(true);
    expect(hasUnsavedEdits('  \n', null)).toBe(false);
  });
});
