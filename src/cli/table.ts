// Plain-text tables and number formats for the readable (non --json) output.

export type Align = 'left' | 'right';

/** Lay out rows under a header; numbers-looking columns are right-aligned unless told. */
export function formatTable(header: string[], rows: string[][], align?: Align[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const isNumeric = header.map((_, i) =>
    rows.every((r) => /^[-+]?[\d,.]*[kMG%]?$|^-$|^$/.test(r[i] ?? '')),
  );
  const cell = (text: string, i: number): string => {
    const a = align?.[i] ?? (isNumeric[i] ? 'right' : 'left');
    return a === 'right' ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
  };
  const line = (r: string[]): string =>
    r
      .map((t, i) => cell(t, i))
      .join('  ')
      .trimEnd();
  return (
    [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n'
  );
}

/** 1234567 -> "1,234,567"; fractions keep `digits` decimals. */
export function formatNumber(n: number | null, digits = 0): string {
  if (n === null || !Number.isFinite(n)) return '-';
  return n.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** Engineering-style rate: 1.23M, 456k. */
export function formatRate(n: number): string {
  if (!Number.isFinite(n)) return '-';
  if (n >= 1e9) return `${(n / 1e9).toFixed(2)}G`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)}k`;
  return n.toFixed(0);
}
