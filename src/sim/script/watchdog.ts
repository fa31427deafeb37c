// Watchdog for programs that never yield. User code runs between two kernel entries in zero
// simulated time, so an endless loop would hang the simulator; the loader puts a guard call in
// every loop body, and the guard throws once the current program has held the CPU (real time)
// longer than the limit. The clock is injected: the simulation itself never reads real time.

export class WatchdogError extends Error {
  constructor(
    readonly process: string,
    readonly line: number,
    readonly limitMs: number,
  ) {
    super(
      `watchdog: '${process}' ran for more than ${limitMs} ms without a kernel entry ` +
        `(endless loop at line ${line}?). Every loop in a program needs a yield* sys.<op>(...).`,
    );
    this.name = 'WatchdogError';
  }
}

/** Armed, but the clock not read yet. */
const NOT_STARTED = -1;

interface WatchdogState {
  clock: () => number;
  limitMs: number;
  deadline: number;
  process: string;
  countdown: number;
}

const state: WatchdogState = {
  clock: () => 0,
  limitMs: 2000,
  deadline: Infinity,
  process: '',
  countdown: 1024,
};

/** Arm the watchdog before running user code for `process`. */
export function armWatchdog(process: string, clock: () => number, limitMs: number): void {
  state.clock = clock;
  state.limitMs = limitMs;
  state.process = process;
  // The clock is read only once a program loops long enough to reach a check (most programs
  // reach their next kernel entry first): the limit counts from that first check.
  state.deadline = NOT_STARTED;
  state.countdown = 1024;
}

export function disarmWatchdog(): void {
  state.deadline = Infinity;
}

/** Called by instrumented loops; reads the clock only every 1024 iterations. */
export function loopGuard(line: number): void {
  if (--state.countdown > 0) return;
  state.countdown = 1024;
  const now = state.clock();
  if (state.deadline === NOT_STARTED) {
    state.deadline = now + state.limitMs;
    return;
  }
  if (now > state.deadline) {
    const process = state.process;
    state.deadline = Infinity;
    throw new WatchdogError(process, line, state.limitMs);
  }
}

/** The program whose code runs now (the loader's logpoints name it). */
export function runningProcess(): string {
  return state.process;
}
