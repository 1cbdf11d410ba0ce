/**
 * A replica's `/v1/events` fed from the shared store (issue 14): woken when a feed entry commits
 * (LISTEN/NOTIFY) or its session reconnects, it reads the entries after the last id it published
 * and publishes them in id order. Feed ids are visible in commit order (store/postgres/feed.ts),
 * so reading `id > last` never skips one; reads run one at a time, and a wake-up during a read
 * reads again after it.
 */
import type { FeedEntry, Store } from '../store/port.js';

const PAGE = 500;

export interface FeedFollowerOptions {
  readonly store: Pick<Store, 'feedAfter'>;
  readonly publish: (entry: FeedEntry) => void;
  readonly onError: (e: unknown) => void;
}

export class FeedFollower {
  /** The last id published; entries up to it existed before this replica started. */
  lastId: number | undefined;
  #reading: Promise<void> | undefined;
  #again = false;

  constructor(private readonly opts: FeedFollowerOptions) {}

  /** Reads what committed since the last entry published (a no-op until `lastId` is known). */
  wake(): void {
    if (this.lastId === undefined) return;
    if (this.#reading !== undefined) {
      this.#again = true;
      return;
    }
    this.#reading = this.#read().finally(() => {
      this.#reading = undefined;
      if (this.#again) {
        this.#again = false;
        this.wake();
      }
    });
  }

  /** Resolves when no read is in flight. */
  async idle(): Promise<void> {
    while (this.#reading !== undefined) await this.#reading;
  }

  async #read(): Promise<void> {
    try {
      for (;;) {
        const page = await this.opts.store.feedAfter(this.lastId ?? 0, PAGE);
        for (const e of page) {
          if (e.id <= (this.lastId ?? 0)) continue;
          this.lastId = e.id;
          this.opts.publish(e);
        }
        if (page.length < PAGE) return;
      }
    } catch (e: unknown) {
      // The next wake-up (a notification, a reconnect) reads from the same id again.
      this.opts.onError(e);
    }
  }
}
