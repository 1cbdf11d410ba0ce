/**
 * Fans feed entries out to the connected `/v1/events` clients. Producers (the live engine, later
 * breakers and status pollers) store an entry first, then `publish` it with its id.
 */
import type { FeedEntry } from '../store/port.js';
import type { FeedSource } from './events-route.js';

export class FeedHub implements FeedSource {
  readonly #listeners = new Set<(entry: FeedEntry) => void>();

  /** Delivers `entry` to every listener; one listener's fault never reaches another. */
  publish(entry: FeedEntry): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(entry);
      } catch {
        // A client stream that failed closes itself; the others go on.
      }
    }
  }

  onFeed(listener: (entry: FeedEntry) => void): { dispose(): void } {
    this.#listeners.add(listener);
    return { dispose: () => this.#listeners.delete(listener) };
  }

  /** Connected listeners (for tests and metrics). */
  get size(): number {
    return this.#listeners.size;
  }
}
