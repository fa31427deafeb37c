// Sweep progress on stderr, only when stderr is a terminal (a log file or a pipe gets nothing):
// one line rewritten in place with points done, time elapsed and an estimate of the time left.

export interface ProgressSink {
  /** Show `done` of `total` points. */
  update(done: number, total: number): void;
  /** Clear the line before other stderr output, so the two do not mix. */
  clear(): void;
}

export const NO_PROGRESS: ProgressSink = { update: () => {}, clear: () => {} };

function clock(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The text of one progress line (the estimate assumes the remaining points cost the same). */
export function progressLine(done: number, total: number, elapsedMs: number): string {
  const left = done === 0 ? '' : `, ~${clock((elapsedMs / done) * (total - done))} left`;
  return `sweep: ${done}/${total} points, ${clock(elapsedMs)} elapsed${left}`;
}

export function terminalProgress(write: (text: string) => void, now: () => number): ProgressSink {
  const start = now();
  let shown = false;
  return {
    update(done, total) {
      write(`\r\x1b[K${progressLine(done, total, now() - start)}`);
      shown = true;
    },
    clear() {
      if (shown) write('\r\x1b[K');
      shown = false;
    },
  };
}
