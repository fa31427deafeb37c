// Numbers in text as `toLocaleString('en-US')` writes them (1,234,567), from one formatter:
// toLocaleString builds a new one on every call, which the narration does thousands of times a
// seek.
const en = new Intl.NumberFormat('en-US');

export function groupDigits(n: number): string {
  return en.format(n);
}
