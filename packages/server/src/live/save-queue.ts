/** Saves engine events and snapshots in order, one at a time, retrying a failing store. */
import type { EngineSnapshotRow, FeedEntry, Store } from '../store/port.js';
import type { PreparedChange } from './incident-change.js';

/** One write: an incident change (the `ordinal`-th event of its incident), or a snapshot. */
export type SaveJob =
  | { readonly kind: 'change'; readonly prepared: PreparedChange; readonly ordinal: number }
  | { readonly kind: 'snapshot'; readonly row: EngineSnapshotRow };

export interface SaveQueueOptions {
  readonly store: Store;
  /** Called with each feed entry once its change is committed. */
  readonly onSaved: (entry: FeedEntry) => void;
  /** Called with every failed attempt (the job is retried) and every give-up. */
  readonly onError: (error: unknown, what: string) => void;
  /** The first retry's delay; each next one doubles, up to `maxRetryMs`. Default 100. */
  readonly retryMs?: number;
  /** Default 5,000. */
  readonly maxRetryMs?: number;
}

/** Attempts per job once closing (then the job is given up, and said so). */
const ATTEMPTS_WHEN_CLOSING = 3;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * A serial queue: jobs run in the order pushed, so a snapshot is written only after every event
 * before it. A failed write is retried with backoff until it succeeds (never dropped while
 * running); once closing, after a few attempts it is given up and reported, and no later
 * snapshot is written, so a restart replays the records behind the lost event and makes it again.
 * A change whose incident already holds `ordinal` events is skipped: it was saved before a crash,
 * and the records after the last snapshot made it again.
 */
export class SaveQueue {
  readonly #jobs: SaveJob[] = [];
  #running: Promise<void> | undefined;
  #closing = false;
  #gaveUp = false;
  /** Failed write attempts so far. */
  failures = 0;

  constructor(private readonly opts: SaveQueueOptions) {}

  /** Jobs waiting or in flight. */
  get size(): number {
    return this.#jobs.length;
  }

  /** Queues a job; a snapshot replaces any older snapshot still waiting (only the newest matters). */
  push(job: SaveJob): void {
    if (job.kind === 'snapshot') {
      for (let i = this.#jobs.length - 1; i >= 1; i--)
        if (this.#jobs[i]!.kind === 'snapshot') this.#jobs.splice(i, 1);
    }
    this.#jobs.push(job);
    this.#running ??= this.#drain();
  }

  /** Resolves when every job pushed so far is done (saved, skipped or given up). */
  async flush(): Promise<void> {
    while (this.#running !== undefined) await this.#running;
  }

  /** Stops retrying forever: what still fails after a few attempts is given up. Then flushes. */
  async close(): Promise<void> {
    this.#closing = true;
    await this.flush();
  }

  async #drain(): Promise<void> {
    let job: SaveJob | undefined;
    while ((job = this.#jobs[0]) !== undefined) {
      await this.#run(job);
      this.#jobs.shift();
    }
    this.#running = undefined;
  }

  async #run(job: SaveJob): Promise<void> {
    const what =
      job.kind === 'change'
        ? `saving the ${job.prepared.change.event.kind} event of ${job.prepared.change.incident.id}`
        : 'saving the engine snapshot';
    let delayMs = this.opts.retryMs ?? 100;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.#save(job);
        return;
      } catch (e: unknown) {
        this.failures++;
        this.opts.onError(e, what);
        if (this.#closing && attempt >= ATTEMPTS_WHEN_CLOSING) {
          if (job.kind === 'change') this.#gaveUp = true;
          this.opts.onError(new Error(`gave up ${what}`), what);
          return;
        }
        await sleep(delayMs);
        delayMs = Math.min(delayMs * 2, this.opts.maxRetryMs ?? 5_000);
      }
    }
  }

  async #save(job: SaveJob): Promise<void> {
    const { store } = this.opts;
    if (job.kind === 'snapshot') {
      // An event was lost: this snapshot would claim it; the older one makes a restart redo it.
      if (!this.#gaveUp) await store.saveSnapshot(job.row);
      return;
    }
    const { change, feed } = job.prepared;
    const stored = await store.incident(change.incident.id);
    if (stored !== undefined && stored.events.length >= job.ordinal) return;
    const id = await store.saveIncidentChange(change, feed);
    try {
      this.opts.onSaved({ id, type: feed.type, atMs: change.event.atMs, data: feed.data });
    } catch (e: unknown) {
      this.opts.onError(e, 'a feed listener');
    }
  }
}
