/**
 * The live engine as the rest of the service sees it across leader terms: each term runs a fresh
 * engine (restored from the latest snapshot), and this forwards to the current one. Between
 * terms, and on a follower, it has no engine: nothing to accept, no incidents in memory.
 */
import type { Incident } from '@faultline/core';
import type { LiveEngine, LiveHealth, LiveStats } from '../live/index.js';
import type { FeedEntry, StoredRecord } from '../store/port.js';

const IDLE_STATS: LiveStats = {
  ready: false,
  lastSeq: 0,
  held: 0,
  late: 0,
  bad: 0,
  lagMs: 0,
  pendingSaves: 0,
  saveFailures: 0,
};

export class LiveSwitch implements LiveEngine {
  #engine: LiveEngine | undefined;
  readonly #listeners = new Set<(entry: FeedEntry) => void>();

  /**
   * @param readyWithout readiness while there is no engine: a follower is ready once its store
   *   answers (`/readyz` checks that), since it has no engine to catch up.
   */
  constructor(
    private readonly now: () => number,
    private readonly readyWithout: () => boolean = () => false,
  ) {}

  /** The current term's engine, or `undefined` when this replica does not lead. */
  get current(): LiveEngine | undefined {
    return this.#engine;
  }

  set current(engine: LiveEngine | undefined) {
    this.#engine = engine;
  }

  /** Hands a term engine's feed entry to `onFeed` listeners. */
  emit(entry: FeedEntry): void {
    for (const l of [...this.#listeners]) l(entry);
  }

  /** Started by the leader election, not here: resolves at once. */
  start(): Promise<void> {
    return Promise.resolve();
  }

  accept(records: readonly StoredRecord[]): void {
    this.#engine?.accept(records);
  }

  tick(): void {
    this.#engine?.tick();
  }

  get ready(): boolean {
    return this.#engine?.ready ?? this.readyWithout();
  }

  stats(): LiveStats {
    return this.#engine?.stats() ?? IDLE_STATS;
  }

  health(): LiveHealth {
    return this.#engine?.health() ?? { at: new Date(this.now()).toISOString(), providers: [] };
  }

  incidents(): Incident[] {
    return this.#engine?.incidents() ?? [];
  }

  onFeed(listener: (entry: FeedEntry) => void): { dispose(): void } {
    this.#listeners.add(listener);
    return { dispose: () => void this.#listeners.delete(listener) };
  }

  async flush(): Promise<void> {
    await this.#engine?.flush();
  }

  async stop(): Promise<void> {
    await this.#engine?.stop();
  }
}
