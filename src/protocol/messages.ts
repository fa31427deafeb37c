// What crosses the worker boundary (DESIGN.md "Worker protocol"; style.md §3.6). Plain,
// structured-clone-safe data only. Every message carries the protocol version; requests carry a
// sequence number, and every request ends with a `done` naming it.
import type { DebugBreakpoint } from '../debugger/conditions';
import type { DebugReply, DebugRequest, LogpointSpec } from '../debugger/protocol';
import type { Breakpoint, StepUnit } from '../projection/breakpoints';
import type { EncodedBatch } from '../projection/eventLog';
import type { ProjectionDelta } from '../projection/projectionDelta';
import type { TimelineDelta } from '../projection/timelineDelta';
import type { Projection } from '../projection/types';
import type { ConfigOverrides, RunConfig } from '../sim/config';
import type { MachineDescription } from '../sim/describe';

/** Bump on any incompatible change to these shapes. */
export const PROTOCOL_VERSION = 1;

export interface Envelope {
  /** PROTOCOL_VERSION of the sender. */
  v: number;
  /** Request number (page to worker); for replies, the request answered (0: unsolicited). */
  seq: number;
}

export type Request =
  /**
   * Load a scenario and build its machine; replies loaded + snapshot, or error. With logpoints,
   * the run records their values from the start (answered by logpoints too).
   */
  | {
      type: 'load';
      source: string;
      file: string;
      overrides: ConfigOverrides;
      logpoints?: LogpointSpec[];
    }
  /** Read the name and description of scenario sources without running them. */
  | { type: 'describeScenarios'; sources: { file: string; source: string }[] }
  /** Run from the cursor until paused, a breakpoint, the end of the run or the log cap. */
  | { type: 'run' }
  | { type: 'pause' }
  /** Move the cursor by one event, kernel entry or message, forward (1) or back (-1). */
  | { type: 'step'; unit: StepUnit; direction: 1 | -1 }
  /** Move the cursor to just after event index - 1 (0: before the first event). */
  | { type: 'seek'; index: number }
  | { type: 'setBreakpoints'; breakpoints: Breakpoint[] }
  /** Events per second while running; null runs as fast as the machine allows. */
  | { type: 'setSpeed'; eventsPerSecond: number | null }
  /** The page has applied the batch with this id (flow control: at most four in flight). */
  | { type: 'ack'; batch: number }
  /** Liveness probe for the watchdog; answered by pong. */
  | { type: 'ping' }
  /**
   * The loaded scenario's whole run as the CLI's --events (JSON lines) or --trace (Chrome/Perfetto
   * trace) file writes it, byte for byte (the same writers, a fresh run); answered by runFile.
   */
  | { type: 'exportRun'; format: RunFileFormat }
  /** Semantic breakpoints (conditions on the machine); answered by debugState. */
  | { type: 'setConditions'; breakpoints: DebugBreakpoint[] }
  /** The debugger's requests: continue either way, logpoints, run diffs, forks. */
  | DebugRequest;

export type ToWorker = Envelope & Request;

export interface ScenarioInfo {
  file: string;
  name: string;
  description: string;
  machine: { platform?: string; cores?: number; kernel?: string; mcs?: boolean };
  params: Record<string, number>;
}

/** A built-in platform profile, for the machine menu. */
export interface PlatformInfo {
  id: string;
  name: string;
  isa: string;
  cores: number;
  clusterSize: number;
  socketSize: number;
}

export type ErrorKind = 'load' | 'setup' | 'runtime' | 'watchdog';

/** Why the cursor stopped moving. */
export type StopReason =
  | 'paused'
  | 'breakpoint'
  /** No thread can run any more: the run is over. */
  | 'idle'
  | 'maxCycles'
  | 'maxEvents'
  | 'watchdog'
  /** The log holds LOG_CAP events; the run stops there (everything before stays seekable). */
  | 'logFull'
  /** A step searched STEP_SEARCH_LIMIT events without finding its end. */
  | 'stepLimit'
  /** Reverse-continue found no earlier hit: the cursor is at the start of the run. */
  | 'runStart'
  | 'error';

export type Reply =
  | {
      type: 'loaded';
      scenario: { file: string; name: string; description: string };
      config: RunConfig;
      description: MachineDescription;
      /** Every built-in platform (the page never imports the engine to list them). */
      platforms: PlatformInfo[];
    }
  | { type: 'scenarios'; list: ScenarioInfo[]; errors: { file: string; message: string }[] }
  /**
   * New events of the log (possibly none) and the cursor. While running, at most one per
   * animation frame; the page acks each batch id once it has applied it.
   */
  | {
      type: 'events';
      batchId: number;
      batch: EncodedBatch;
      cursor: number;
      total: number;
      running: boolean;
      /** Simulated time of the last event of the log. */
      now: number;
      /** The timeline's spans and points added since the last batch (the worker builds it). */
      timeline: TimelineDelta;
      /**
       * While running: what changed in the projection at the cursor since the last snapshot or
       * delta (the page never folds events itself). Null when a snapshot follows.
       */
      delta: ProjectionDelta | null;
    }
  /** The projection at the cursor: after every pause, step, seek and load. */
  | { type: 'snapshot'; index: number; total: number; projection: Projection }
  | {
      type: 'error';
      kind: ErrorKind;
      message: string;
      file: string | null;
      line: number | null;
      column: number | null;
      /** The thread whose program failed (runtime and watchdog errors). */
      thread?: string;
      /** Set by the client when it restarted a worker that stopped responding. */
      restarted?: { reloaded: boolean };
    }
  | { type: 'stopped'; reason: StopReason; detail: string; index: number; total: number }
  | { type: 'done' }
  | { type: 'pong' }
  | { type: 'runFile'; format: RunFileFormat; text: string }
  | DebugReply;

export type RunFileFormat = 'events' | 'trace';

export type FromWorker = Envelope & Reply;
