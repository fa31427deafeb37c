// Where the worker's messages enter the store: buffered, then applied together once per
// animation frame (style.md §3.5), with one setState. The page does no per-event work: event
// batches join the mirror as they are (binary chunks), and the worker's timeline and projection
// deltas are applied as they come, so the cost of a frame follows what changed, not how many
// events happened. A batch's records and timeline part join the mirror as the message arrives,
// in the message's own task: the frame that publishes them then only renders, and no task does
// the appending of several batches and a render at once (perf-limits.md §2).
import type { StoreApi } from 'zustand/vanilla';
import { EventLog } from '../../projection/eventLog';
import { applyDelta } from '../../projection/projectionDelta';
import { TimelineModel } from '../../projection/timeline';
import type { FromWorker } from '../../protocol/messages';
import type { SimClient } from '../../worker/simClient';
import { debugPatch } from './debugSlice';
import type { AppError, AppState } from './types';

export type Scheduler = (flush: () => void) => void;

/**
 * While a run is in progress the store changes at most this often (20 times a second): most
 * frames then have nothing to do but paint, and the browser keeps its full frame rate. Paused,
 * every message is applied at the next frame.
 */
export const RUNNING_PUBLISH_MS = 50;

export class MessageIntake {
  private queue: FromWorker[] = [];
  private scheduled = false;
  private store: StoreApi<AppState> | null = null;
  /** Until the reply to the latest load arrives, messages of the previous run are dropped. */
  private awaiting: number | 'any' | null = null;
  private errorIds = 0;
  private lastPublish = -Infinity;
  /** Event batches whose records and timeline part were appended on arrival. */
  private readonly appended = new WeakSet<FromWorker>();

  constructor(
    private readonly client: SimClient,
    private readonly schedule: Scheduler,
  ) {
    client.subscribe((m) => {
      this.appendOnArrival(m);
      this.queue.push(m);
      if (!this.scheduled) {
        this.scheduled = true;
        this.schedule(() => this.flush());
      }
    });
  }

  /**
   * Append an event batch to the mirror and timeline the store holds now, if nothing queued
   * before it replaces them (a load's reply, a restarted worker) and no load is awaited (whose
   * reply would drop it). The flush then publishes it without appending it again.
   */
  private appendOnArrival(m: FromWorker): void {
    if (m.type !== 'events' || this.store === null || this.awaiting !== null) return;
    if (this.queue.some((q) => q.type === 'loaded' || (q.type === 'error' && q.restarted))) return;
    const s = this.store.getState();
    s.log.appendBatch(m.batch);
    s.timeline?.applyDelta(m.timeline);
    this.appended.add(m);
  }

  attach(store: StoreApi<AppState>): void {
    this.store = store;
  }

  /** A load request went out with this seq: the messages before its reply are stale. */
  expectLoad(seq: number): void {
    this.awaiting = seq;
  }

  /** True when no message waits to be applied. */
  get drained(): boolean {
    return this.queue.length === 0;
  }

  flush(): void {
    this.scheduled = false;
    const store = this.store;
    if (store === null) return;
    const now = performance.now();
    const onlyEvents = this.queue.every((m) => m.type === 'events' || m.type === 'done');
    if (store.getState().running && onlyEvents && now - this.lastPublish < RUNNING_PUBLISH_MS) {
      this.scheduled = true;
      this.schedule(() => this.flush());
      return;
    }
    this.lastPublish = now;
    const msgs = this.queue.splice(0);
    const s = store.getState();
    const patch: Partial<AppState> = {};
    let log = s.log;
    let timeline = s.timeline;
    let cursor = s.cursor;
    let projection = s.projection;
    let pending = s.pending;
    let errors: AppError[] | null = null;
    const acks: number[] = [];
    for (const m of msgs) {
      if (m.type === 'done') {
        pending = Math.max(0, pending - 1);
        continue;
      }
      if (m.type === 'error' && m.restarted) {
        // The worker was replaced: requests in flight are gone, and the run starts over.
        pending = 0;
        this.awaiting = m.restarted.reloaded ? 'any' : null;
        log = new EventLog();
        timeline = null;
        projection = null;
        cursor = 0;
        Object.assign(patch, {
          restarts: s.restarts + 1,
          running: false,
          total: 0,
          loadState: m.restarted.reloaded ? 'loading' : 'failed',
          stop: { reason: 'watchdog', detail: m.message },
        });
      }
      if (
        this.awaiting !== null &&
        m.seq !== this.awaiting &&
        !(this.awaiting === 'any' && m.type === 'loaded')
      ) {
        if (!(m.type === 'error' && m.restarted)) continue;
      } else if (this.awaiting !== null) {
        this.awaiting = null;
      }
      switch (m.type) {
        case 'loaded':
          log = new EventLog();
          timeline = new TimelineModel(m.description);
          projection = null;
          Object.assign(patch, {
            scenario: m.scenario,
            config: m.config,
            description: m.description,
            platforms: m.platforms,
            loadState: 'ready',
          });
          break;
        case 'events':
          if (!this.appended.has(m)) {
            log.appendBatch(m.batch);
            timeline?.applyDelta(m.timeline);
          }
          if (m.delta !== null && projection !== null) projection = applyDelta(projection, m.delta);
          cursor = m.cursor;
          // `running` is not taken from here: a batch posted before the worker saw a run request
          // says false. The page runs from its run request until the worker's `stopped`.
          Object.assign(patch, { total: m.total, now: m.now });
          acks.push(m.batchId);
          break;
        case 'snapshot':
          projection = m.projection;
          cursor = m.index;
          patch.total = m.total;
          break;
        case 'stopped':
          Object.assign(patch, { running: false, stop: { reason: m.reason, detail: m.detail } });
          break;
        case 'error':
          errors ??= [...s.errors];
          errors.push({
            id: ++this.errorIds,
            kind: m.kind,
            message: m.message,
            file: m.file,
            line: m.line,
            column: m.column,
            thread: m.thread ?? null,
            at: cursor,
          });
          if (m.kind === 'load' || m.kind === 'setup') patch.loadState = 'failed';
          break;
        case 'scenarios':
          patch.scenarios = s.scenarios.map((e) => {
            const info = m.list.find((i) => i.file === e.file);
            return info && e.title === e.id
              ? { ...e, title: info.name, description: info.description }
              : e;
          });
          break;
        case 'pong':
          break;
        default: {
          // The debugger's replies (hit counts, logpoint values, branches).
          const d = debugPatch(m, { ...s, ...patch });
          if (d !== null) Object.assign(patch, d);
        }
      }
    }
    if (errors !== null) patch.errors = errors;
    store.setState({
      ...patch,
      log,
      timeline,
      cursor,
      projection,
      pending,
      logVersion: s.logVersion + 1,
    });
    for (const batch of acks) this.client.send({ type: 'ack', batch });
  }
}
