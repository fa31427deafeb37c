// The "call chains" section of `ipcscope run`: for each chain (a thread that Calls and is never
// called, and the servers its Calls reach), what it imposed on every hop (src/debugger/attribution.ts).
import type { Attribution } from '../debugger/attribution';
import { formatNumber, formatTable } from './table';

export function formatChains(chains: readonly Attribution[]): string {
  if (chains.length === 0) return '';
  const body = chains
    .map(
      (c) =>
        `from ${c.root}:\n` +
        formatTable(
          [
            'hop',
            'thread',
            'called by',
            'requests',
            'imposed cycles',
            'kernel cycles',
            'migrations',
            'migration cycles',
          ],
          c.hops.map((h) => [
            String(h.depth),
            h.thread,
            h.calledBy ?? '-',
            formatNumber(h.requests),
            formatNumber(h.imposedCycles),
            formatNumber(h.kernelCycles),
            formatNumber(h.migrations),
            formatNumber(h.migrationCycles),
          ]),
        )
          .split('\n')
          .map((l) => (l === '' ? l : `  ${l}`))
          .join('\n'),
    )
    .join('\n');
  return `\ncall chains (cycles each chain imposed on the threads it reached, from its first Call)\n${body}`;
}
