// Number formatting shared by the views: thousands separators, cycles with their time on the
// platform's clock, ratios and shares.

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const dec1 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const dec2 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 });

export function fmtInt(n: number): string {
  // Hot (tables re-render every frame while running): plain string work beats Intl here.
  if (!Number.isFinite(n)) return int.format(n);
  const r = Math.round(n);
  const s = String(Math.abs(r));
  let out = '';
  for (let i = s.length; i > 0; i -= 3)
    out = s.slice(Math.max(0, i - 3), i) + (out === '' ? '' : `,${out}`);
  return r < 0 ? `-${out}` : out;
}

export function fmtDec(n: number, digits: 1 | 2 = 1): string {
  return (digits === 1 ? dec1 : dec2).format(n);
}

/** "12,345 cycles" and, given a clock, its time: "(3.63 µs)". */
export function fmtCycles(c: number, clockMHz?: number): string {
  const base = `${fmtInt(c)} cycles`;
  if (clockMHz === undefined || clockMHz <= 0) return base;
  return `${base} (${fmtTime(c / clockMHz)})`;
}

/** Microseconds as ns, µs or ms. */
export function fmtTime(us: number): string {
  if (us < 1) return `${fmtInt(us * 1000)} ns`;
  if (us < 1000) return `${dec2.format(us)} µs`;
  return `${dec2.format(us / 1000)} ms`;
}

export function fmtPercent(part: number, whole: number): string {
  if (whole === 0) return '–';
  return `${dec1.format((100 * part) / whole)}%`;
}

export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

export function fmtRatio(a: number, b: number, digits: 1 | 2 = 1): string {
  const r = ratio(a, b);
  return r === null ? '–' : fmtDec(r, digits);
}

/** A badge or notification word in hex (0x...). */
export function fmtHex(n: number): string {
  return `0x${n.toString(16)}`;
}
