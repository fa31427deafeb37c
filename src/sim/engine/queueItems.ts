// The kinds of item the cores put in the event queue (coreRunner.ts handles each): one typed
// list, so a new kind is one edit the runner's switch follows.
export const ItemKind = {
  /** A thread's user-level work (sys.compute, the time to its next kernel entry) ends. */
  userDone: 0,
  /** The core's timer interrupt: the classic tick or the MCS budget / timeslice end. */
  timer: 1,
  /** The kernel entry in progress ends (its cost has elapsed). */
  kernelExit: 2,
  /** The big lock is handed to this core (CLH queue, sel4-reference.md §1.10). */
  lockGrant: 3,
  /** An IPI arrives at this core. */
  ipi: 4,
  /** The run starts on this core: it picks its first thread. */
  start: 5,
  /** An MCS release (replenishment) interrupt: the release queue's head refill is due. */
  release: 6,
} as const;

export type ItemKind = (typeof ItemKind)[keyof typeof ItemKind];
