/** The live engine's options, what it reports, and its defaults. */
import type { EngineWarning, Incident } from '@faultline/core';
import type { FeedEntry, Store, StoredRecord } from '../store/port.js';
import type { ProviderHealth } from './health-window.js';

/** How far the catch-up after a start has read. */
export interface CatchUpProgress {
  /** Records read so far. */
  readonly records: number;
  readonly lastSeq: number;
  /** The store's last `seq` when the catch-up began. */
  readonly targetSeq: number;
}

export interface LiveEngineOptions {
  readonly store: Store;
  /** The wall clock, epoch ms. Default `Date.now`. */
  readonly now?: () => number;
  /**
   * While catching up on stored records, a record is fed once one this much newer was read
   * (stored records are in commit order, nearly time order). Default 30,000.
   */
  readonly latenessMs?: number;
  /**
   * Live, a record is fed once the wall clock is this far past it: what a record may take from
   * its time to its commit (the SDK's batch sink sends every second). Later ones are late.
   * Default 2,000.
   */
  readonly graceMs?: number;
  /** How often the state is saved. Default 5,000. */
  readonly snapshotEveryMs?: number;
  /** How often the engine's time moves on with the wall clock. Default 1,000. */
  readonly tickEveryMs?: number;
  /**
   * Replicas on a shared store (issue 14): read the records after the last one taken this often,
   * so records other replicas commit reach the engine too. Default: off (ingest hands them over).
   */
  readonly pollStoreEveryMs?: number;
  /** Records taken live by those reads, once each, in `seq` order (the breakers see them). */
  readonly onPolledRecords?: (records: readonly StoredRecord[]) => void;
  /** Records per store read while catching up. Default 10,000. */
  readonly pageSize?: number;
  /** Each feed entry once its change is committed (also `liveEngine.onFeed`). */
  readonly onFeed?: (entry: FeedEntry) => void;
  /** The engine's warnings about its limits. */
  readonly onWarning?: (warning: EngineWarning) => void;
  /** Our own faults (a failing store write, a tick that threw): logged, never thrown. */
  readonly onError?: (error: unknown, what: string) => void;
  readonly onProgress?: (progress: CatchUpProgress) => void;
}

/** Numbers for /metrics and /readyz. */
export interface LiveStats {
  readonly ready: boolean;
  /** The last record taken. */
  readonly lastSeq: number;
  /** Records waiting for the watermark. */
  readonly held: number;
  /** Records that came behind the watermark and were fed at the engine's time. */
  readonly late: number;
  /** Stored records that did not parse (skipped). */
  readonly bad: number;
  /** Seconds between the newest record and the engine's clock, in ms. */
  readonly lagMs: number;
  /** Saves waiting or in flight. */
  readonly pendingSaves: number;
  readonly saveFailures: number;
}

/** GET /v1/health without the status pages and breakers, which the API joins in. */
export interface LiveHealth {
  /** RFC 3339. */
  readonly at: string;
  readonly providers: readonly ProviderHealth[];
}

/** The engine of `faultline serve`: stored records in, incidents out to the store and the feed. */
export interface LiveEngine {
  /** Resumes from the latest snapshot, catches up on the records after it, then runs. */
  start(): Promise<void>;
  /** Takes records just committed, in `seq` order (each ingest commit calls this). */
  accept(records: readonly StoredRecord[]): void;
  /** One step of the timer: the engine's time moves with the wall clock. Never throws. */
  tick(): void;
  /** True once the catch-up after `start()` is done (readiness). */
  readonly ready: boolean;
  stats(): LiveStats;
  health(): LiveHealth;
  /** Every incident the engine knows, as `faultline diagnose` lists them. */
  incidents(): Incident[];
  /** Listens to feed entries as they are committed, with their ids. */
  onFeed(listener: (entry: FeedEntry) => void): { dispose(): void };
  /** Resolves once every change and snapshot so far is saved. */
  flush(): Promise<void>;
  /** Stops the timer, saves a last snapshot after every pending change; resolves when written. */
  stop(): Promise<void>;
}
