/**
 * One term of the leader's duties (issue 14): the breakers, a fresh live engine restored from the
 * latest snapshot plus the records after its `lastSeq`, the watch (status-page pollers, probes)
 * retention and the rollup job. A replica runs one while it leads and stops it when it stops leading; followers
 * run none. Single-process stores run one term for the life of the process.
 */
import type { BreakerOptions } from '@faultline/core';
import type { ServiceMetrics } from '../api/service-metrics.js';
import { startBreakers, type ServiceBreakers } from '../breakers/index.js';
import type { FaultlineConfig } from '../config/index.js';
import { createLiveEngine } from '../live/index.js';
import { notifyEventOfFeed, type Notifier } from '../notify/index.js';
import { startRollupJob } from '../rollups/rollup-job.js';
import { startRetention } from '../serve/retention.js';
import type { StatusView } from '../serve/status-view.js';
import { createWatch, type Watch, type WatchClock } from '../serve/watch.js';
import type { FeedEntry, Store, StoredRecord } from '../store/port.js';
import type { LiveSwitch } from './live-switch.js';

/** How often a leader on a shared store reads the records other replicas committed. */
export const SHARED_POLL_MS = 250;

export interface LeaderTermDeps {
  readonly config: FaultlineConfig;
  readonly store: Store;
  readonly now: () => number;
  readonly log: (line: string) => void;
  readonly metrics: ServiceMetrics;
  readonly statusView: StatusView;
  readonly notifier: Notifier;
  /** Hands a stored feed entry to this replica's `/v1/events` clients. */
  readonly publish: (entry: FeedEntry) => void;
  readonly live: LiveSwitch;
  /** Commits of the watch's records go the way ingest's do. */
  readonly onCommitted: (records: readonly StoredRecord[]) => void;
  /**
   * A shared store: the engine reads every record from the store (whoever committed it) every
   * {@link SHARED_POLL_MS}, and the breakers get them from there.
   */
  readonly shared: boolean;
  readonly fetch?: typeof globalThis.fetch | undefined;
  readonly watchClock?: WatchClock | undefined;
  readonly breaker?: Omit<BreakerOptions, 'openOn'> | undefined;
}

export interface LeaderTerm {
  readonly breakers: ServiceBreakers;
  readonly watch: Watch;
  /** Resolves once the term's engine caught up on the stored records. */
  readonly caughtUp: Promise<void>;
  /** Stops the pollers, probes and retention (no more records of ours); idempotent. */
  stopInputs(): Promise<void>;
  /** Stops everything, the engine saving its last snapshot; idempotent. */
  stop(): Promise<void>;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Starts a term; resolves once the breakers resumed and the engine began catching up. */
export async function startLeaderTerm(deps: LeaderTermDeps): Promise<LeaderTerm> {
  const { config, store, now, log, notifier } = deps;
  const breakers = startBreakers({
    store,
    publish: deps.publish,
    health: () => engine.health(),
    ready: () => engine.ready,
    now,
    log,
    breaker: { ...deps.breaker, openOn: config.breaker.open_on },
    gatewayTargets: config.gateway?.targets ?? [],
    ...(deps.watchClock === undefined ? {} : { timers: deps.watchClock.timers }),
  });
  const engine = createLiveEngine({
    store,
    now,
    onFeed: (entry) => {
      deps.publish(entry);
      deps.live.emit(entry);
      breakers.feed(entry);
      // Replayed history after a restart or takeover is deduplicated by the delivery claims.
      const event = notifyEventOfFeed(entry);
      if (event !== undefined) notifier.handle(event);
    },
    onError: (e, what) => log(`engine: ${what}: ${errorText(e)}`),
    onWarning: (w) => log(`engine: ${w.message}`),
    ...(deps.shared
      ? {
          pollStoreEveryMs: SHARED_POLL_MS,
          onPolledRecords: (records: readonly StoredRecord[]) => breakers.records(records),
        }
      : {}),
  });
  const watch = createWatch({
    config,
    store,
    metrics: deps.metrics,
    onCommitted: deps.onCommitted,
    now,
    statusView: deps.statusView,
    log,
    ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
    ...(deps.watchClock === undefined ? {} : { clock: deps.watchClock }),
  });
  await breakers.start();
  deps.live.current = engine;
  const caughtUp = engine.start();
  const stopRetention = startRetention({
    store,
    keepRecordsMs: config.retention.records,
    keepRollupsMs: config.retention.rollups,
    now,
    onError: (e) => log(`retention: ${errorText(e)}`),
  });
  const rollups = startRollupJob({ store, onError: (e) => log(`rollups: ${errorText(e)}`) });
  for (const line of watch.costLines()) log(line);
  watch.start();
  let inputsStopped: Promise<void> | undefined;
  let stopped: Promise<void> | undefined;
  const stopInputs = (): Promise<void> =>
    (inputsStopped ??= (async () => {
      stopRetention();
      await rollups.stop();
      await watch.stop();
    })());
  return {
    breakers,
    watch,
    caughtUp,
    stopInputs,
    stop: () =>
      (stopped ??= (async () => {
        await stopInputs();
        await caughtUp.catch(() => undefined);
        await engine.stop();
        await breakers.stop();
        if (deps.live.current === engine) deps.live.current = undefined;
      })()),
  };
}
