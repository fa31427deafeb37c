// Turning load failures and stops into the messages the page shows: what happened, and where in
// the scenario file when there is a place to point at.
import { locate, ScenarioError } from '../loader/loadScenario';
import { describeBreakpoint, type Breakpoint } from '../projection/breakpoints';
import type { Reply, StopReason } from '../protocol/messages';
import { ConfigError } from '../sim/config';
import { LOG_CAP, MAX_CYCLES, STEP_SEARCH_LIMIT } from './sessionLimits';

export function loadErrorReply(e: unknown, file: string): Reply {
  if (e instanceof ScenarioError) {
    return {
      type: 'error',
      kind: 'load',
      message: e.detail,
      file: e.file,
      line: e.line,
      column: e.column,
    };
  }
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof ConfigError) {
    return { type: 'error', kind: 'setup', message, file: null, line: null, column: null };
  }
  // setup(k) threw: point at the line of the scenario that made the bad call, if it is there.
  const at = locate(e, file);
  return {
    type: 'error',
    kind: 'setup',
    message,
    file: at ? file : null,
    line: at?.line ?? null,
    column: at?.column ?? null,
  };
}

export function stopDetail(why: StopReason | Breakpoint): string {
  if (typeof why === 'object') return `Breakpoint ${describeBreakpoint(why)}.`;
  switch (why) {
    case 'paused':
      return 'Paused.';
    case 'breakpoint':
      return 'Stopped at a breakpoint.';
    case 'idle':
      return 'No thread can run any more: the run is over.';
    case 'maxCycles':
      return `The run reached ${MAX_CYCLES.toLocaleString('en-US')} cycles, the most one run simulates.`;
    case 'maxEvents':
      return 'The run reached its event limit.';
    case 'watchdog':
      return 'A program ran too long without a kernel entry and was stopped (see the console).';
    case 'logFull':
      return (
        `The log holds ${LOG_CAP.toLocaleString('en-US')} events, the most one run keeps: ` +
        'everything before stays seekable; reload to start over.'
      );
    case 'stepLimit':
      return `No such event in the next ${STEP_SEARCH_LIMIT.toLocaleString('en-US')} events.`;
    case 'runStart':
      return 'No earlier hit of an enabled breakpoint: back at the start of the run.';
    case 'error':
      return 'The simulation stopped on an internal error.';
  }
}
