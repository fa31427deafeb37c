// Checkpoints and seeking (DESIGN.md "Time and determinism"). Program generators cannot be
// cloned, so a checkpoint is not a copy of the machine: it is the event count plus the traceHash
// of the log up to it. Restoring rebuilds the simulation from its scenario and replays, and the
// recorded hashes prove the replay walked the same path as the run they were taken from.
import type { SimEvent } from '../simEvents';
import type { Simulation } from '../simulation';

export interface Checkpoint {
  /** Events in the log at this checkpoint (a multiple of the index's interval). */
  eventCount: number;
  /** traceHash of exactly those events. */
  traceHash: string;
}

/** Records a checkpoint every `every` events of a running simulation. */
export class CheckpointIndex {
  readonly checkpoints: Checkpoint[] = [];

  constructor(readonly every = 1000) {
    if (!Number.isInteger(every) || every < 1) throw new RangeError('every must be >= 1');
  }

  /**
   * Record from this simulation as it runs (attach before running). Costs one comparison per
   * event. Returns a function that stops recording.
   */
  attach(sim: Simulation): () => void {
    const listener = (e: SimEvent): void => {
      const count = e.seq + 1;
      if (count % this.every === 0)
        this.checkpoints.push({ eventCount: count, traceHash: sim.traceHash });
    };
    sim.listeners.push(listener);
    return () => {
      const i = sim.listeners.indexOf(listener);
      if (i >= 0) sim.listeners.splice(i, 1);
    };
  }

  /** The last checkpoint at or before `eventIndex` events, or null. */
  nearest(eventIndex: number): Checkpoint | null {
    let best: Checkpoint | null = null;
    for (const c of this.checkpoints) if (c.eventCount <= eventIndex) best = c;
    return best;
  }
}

export class CheckpointMismatch extends Error {
  constructor(
    readonly checkpoint: Checkpoint,
    /** The replay's trace hash at that event count, or null if the replay ended before it. */
    readonly actual: string | null,
  ) {
    super(
      `replay diverged: ${
        actual === null
          ? `it ended before event ${checkpoint.eventCount}`
          : `after ${checkpoint.eventCount} events the trace hash is ${actual}`
      }, the checkpoint recorded ${checkpoint.traceHash} (a scenario that keeps state between ` +
        'runs, or a different configuration?)',
    );
    this.name = 'CheckpointMismatch';
  }
}

export interface Restored {
  /** The rebuilt simulation, stopped at the first queue-item boundary at or after the index. */
  sim: Simulation;
  /** Exactly the first `eventIndex` events (fewer if the run ended before). */
  events: SimEvent[];
  /** Events the last replayed item emitted past the index; the UI shows them as "next". */
  overshoot: SimEvent[];
  /** The checkpoints the replay was checked against (all at or before the index). */
  verified: Checkpoint[];
}

/**
 * Rebuild with `build` and replay to `eventIndex`, checking every recorded checkpoint on the way
 * (throws CheckpointMismatch on the first that differs). `build` must evaluate the scenario
 * afresh (a module may keep state in closures) and create the Simulation with keepLog.
 * Cost: a replay from the start, O(eventIndex) events.
 */
export function restoreAt(
  build: () => Simulation,
  eventIndex: number,
  index: CheckpointIndex | null = null,
): Restored {
  const sim = build();
  const due = (index?.checkpoints ?? []).filter((c) => c.eventCount <= eventIndex);
  const verified: Checkpoint[] = [];
  let mismatch: CheckpointMismatch | null = null;
  let next = 0;
  const listener = (e: SimEvent): void => {
    const c = due[next];
    if (c === undefined || e.seq + 1 !== c.eventCount) return;
    next++;
    const actual = sim.traceHash;
    if (actual !== c.traceHash) mismatch ??= new CheckpointMismatch(c, actual);
    else verified.push(c);
  };
  sim.listeners.push(listener);
  try {
    sim.runToEvent(eventIndex);
  } finally {
    sim.listeners.splice(sim.listeners.indexOf(listener), 1);
  }
  const missed = due[next];
  if (mismatch === null && missed !== undefined) mismatch = new CheckpointMismatch(missed, null);
  if (mismatch !== null) throw mismatch;
  if (sim.log.length !== sim.eventCount) {
    throw new Error('restoreAt needs a Simulation built with keepLog: true');
  }
  return {
    sim,
    events: sim.log.slice(0, eventIndex),
    overshoot: sim.log.slice(eventIndex),
    verified,
  };
}
