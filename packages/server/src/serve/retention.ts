/**
 * Retention: raw call records older than `retention.records`, and status observations and rollups
 * older than `retention.rollups`, are deleted in small batches, one batch per turn of an unref'd
 * timer, so deletion never holds the store long enough to stall ingest.
 */
import type { Store } from '../store/port.js';

export interface RetentionOptions {
  readonly store: Store;
  readonly keepRecordsMs: number;
  /** The event feed is kept this long for `Last-Event-ID` resume (default 7 days). */
  readonly keepFeedMs?: number;
  /** Per-minute rollups are kept this long (default 90 days). */
  readonly keepRollupsMs?: number;
  readonly now: () => number;
  /** Rows per delete (default 5,000). */
  readonly batch?: number;
  /** Pause between batches while there is more to delete (default 200 ms); idle: one minute. */
  readonly pauseMs?: number;
  readonly onError: (error: unknown) => void;
}

/** Starts deleting; the returned function stops it. */
export function startRetention(opts: RetentionOptions): () => void {
  const batch = opts.batch ?? 5000;
  const keepFeedMs = opts.keepFeedMs ?? 7 * 86_400_000;
  const keepRollupsMs = opts.keepRollupsMs ?? 90 * 86_400_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const turn = async (): Promise<void> => {
    let more = false;
    try {
      const now = opts.now();
      const deleted = await opts.store.deleteRecordsBefore(now - opts.keepRecordsMs, batch, 'call');
      // Status observations are few (one per change) and a restart's pollers start from the last
      // one of each component, so they are kept as long as the rollups, not the raw calls.
      const readings = await opts.store.deleteRecordsBefore(now - keepRollupsMs, batch, 'status');
      const rolled = await opts.store.deleteRollupsBefore(now - keepRollupsMs, batch);
      more = deleted >= batch || readings >= batch || rolled >= batch;
      if (!more) await opts.store.deleteFeedBefore(opts.now() - keepFeedMs);
    } catch (e: unknown) {
      opts.onError(e);
    }
    if (stopped) return;
    timer = setTimeout(() => void turn(), more ? (opts.pauseMs ?? 200) : 60_000);
    timer.unref();
  };
  timer = setTimeout(() => void turn(), 1000);
  timer.unref();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
