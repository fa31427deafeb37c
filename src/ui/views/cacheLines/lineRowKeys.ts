// The keys of a focused cache-line row, listed in the help overlay and the README.
export const LINE_ROW_KEYS: readonly { keys: string[]; description: string }[] = [
  { keys: ['↑ / ↓'], description: 'Cache lines (row focused): the row above / below' },
  { keys: ['Enter'], description: 'Cache lines (row focused): select the line (inspector)' },
];
