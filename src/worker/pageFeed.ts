// What the page has been sent of a run, and what it still needs: the log's records and strings
// past what it has, the timeline's new part, the projection at the cursor (whole, or as what
// changed since the last one posted), and how many batches it has not applied yet (its acks).
import { diffProjection, type ProjectionDelta } from '../projection/projectionDelta';
import { deltaBuffers } from '../projection/timelineDelta';
import type { Projection } from '../projection/types';
import type { Reply } from '../protocol/messages';
import type { RunLog } from './runLog';

/**
 * While running, what the page has not seen goes out at most this often: the page shows a
 * running machine at most this often anyway (RUNNING_PUBLISH_MS), and each post costs a
 * projection diff here and a deserialization there whatever its size.
 */
const POST_MS = 40;
const MAX_UNACKED = 4;
/**
 * While the page is behind (MAX_UNACKED batches not yet applied), the run goes on and the events
 * wait for the next post: a busy page then gets fewer, bigger batches instead of stalling the
 * engine. Past this many unposted events the run waits for the page (a hidden tab, say).
 */
const MAX_UNPOSTED = 500_000;

export class PageFeed {
  private sentEvents = 0;
  private sentStrings = 0;
  private batchId = 0;
  private unacked = 0;
  private lastPost = -Infinity;
  /** The projection the page has (the last snapshot, plus the deltas since). */
  private sentProjection: Projection | null = null;

  /** A new run: the page has nothing of it. */
  reset(): void {
    this.sentProjection = null;
    this.sentEvents = 0;
    this.sentStrings = 0;
    this.unacked = 0;
  }

  /** The page applied a batch. */
  ack(): void {
    this.unacked = Math.max(0, this.unacked - 1);
  }

  /** Too far behind to go on: the run waits for the page's acks. */
  mustWait(run: RunLog): boolean {
    return this.unacked >= MAX_UNACKED && run.log.length - this.sentEvents >= MAX_UNPOSTED;
  }

  /** While running: whether a post is due now (not behind, something new, POST_MS since). */
  due(run: RunLog, moved: number, now: number): boolean {
    if (this.unacked >= MAX_UNACKED) return false;
    if (moved === 0 && this.sentEvents >= run.log.length) return false;
    if (now - this.lastPost < POST_MS) return false;
    this.lastPost = now;
    return true;
  }

  /**
   * The events the page has not seen, the timeline's new part, and (`withDelta`, while running)
   * what changed in the projection at the cursor since the last one posted, with the buffers
   * to transfer. Pauses, steps and seeks follow this with a whole snapshot instead.
   */
  events(
    run: RunLog,
    cursor: number,
    running: boolean,
    withDelta: boolean,
  ): { reply: Reply; transfer: Transferable[] } {
    let delta: ProjectionDelta | null = null;
    if (withDelta && this.sentProjection !== null) {
      const p = run.projectionAt(cursor);
      delta = diffProjection(this.sentProjection, p);
      this.sentProjection = p;
    }
    const batch = run.log.slice(this.sentEvents, run.log.length, this.sentStrings);
    this.sentEvents = run.log.length;
    this.sentStrings = run.log.strings.length;
    this.unacked++;
    const timeline = run.timeline.takeDelta();
    return {
      reply: {
        type: 'events',
        batchId: ++this.batchId,
        batch,
        cursor,
        total: run.log.length,
        running,
        now: run.sim.now,
        timeline,
        delta,
      },
      transfer: [batch.words.buffer, ...deltaBuffers(timeline)],
    };
  }

  /** The whole projection at the cursor; the page has it from now on. */
  snapshot(run: RunLog, cursor: number): Reply {
    this.sentProjection = run.projectionAt(cursor);
    return {
      type: 'snapshot',
      index: cursor,
      total: run.log.length,
      projection: this.sentProjection,
    };
  }
}
