// Limits of one run in the app. The log cap bounds memory: about 21 bytes an event in the
// worker's binary log, plus projection checkpoints (a 2,000,000-event run of the UI bench's 16
// cores and 200 threads takes about 18 MB of worker heap and 42 MB of buffers in all), and as much
// again in the page's mirror; past it the run stops and everything logged stays seekable.

/** The most events one run keeps; the run stops there. */
export const LOG_CAP = 10_000_000;
/** Projection checkpoint spacing: a seek folds at most this many events (a few ms; the UI
 * bench's seek median is 22-38 ms in all), and each checkpoint shares what did not change. */
export const CHECKPOINT_EVERY = 8_192;
/** A step by entry or message gives up after producing this many events. */
export const STEP_SEARCH_LIMIT = 500_000;
/** Simulated cycles after which a run ends (DESIGN.md "The command line": --max-cycles). */
export const MAX_CYCLES = 100_000_000;
