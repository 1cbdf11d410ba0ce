/**
 * The composition root of `faultline serve`: the only place that knows every concrete part. It
 * opens the store, joins the replicas of a shared store (the leader runs the engine, the watch,
 * the breakers and retention: cluster/), mounts the routes and, on `close()`, shuts them down in
 * the order that loses nothing: stop accepting, finish requests, flush the engine and save its
 * snapshot, give up the leadership, close the store.
 */
import type { BreakerOptions } from '@faultline/core';
import { FeedHub } from '../api/feed-hub.js';
import { ServiceMetrics } from '../api/service-metrics.js';
import { createServiceReplica, type ServiceReplica } from '../cluster/index.js';
import { formatListen, type FaultlineConfig } from '../config/index.js';
import { createAuth, createHttpServer, type BoundAddress } from '../http/index.js';
import { createNotifier } from '../notify/index.js';
import { delay } from './announce-published.js';
import { batchedSink } from './batched-sink.js';
import { createGateway } from '../gateway/index.js';
import { gatewayBreakersOf } from './gateway-breakers.js';
import type { LiveEngine } from '../live/index.js';
import { createTracesRoute } from '../otlp/index.js';
import { openStore } from '../store/open-store.js';
import { replicaLinkFor } from '../store/open-replica-link.js';
import type { Store, StoredRecord } from '../store/port.js';
import { ensureFirstTokens, type CreatedToken } from '../tokens/first-start-tokens.js';
import { healthDocument } from './health-view.js';
import { recordCommitter } from './record-committer.js';
import { serviceRoutes } from './service-routes.js';
import { StatusView } from './status-view.js';
import type { WatchClock } from './watch.js';

export interface ServiceOptions {
  readonly config: FaultlineConfig;
  /** Where log lines go (one line each, no secrets). */
  readonly log: (line: string) => void;
  readonly now?: () => number;
  /** Overrides `config.listen`'s port (tests: 0). */
  readonly port?: number;
  /** The fetch probes and status-page pollers go out with (default global fetch). */
  readonly fetch?: typeof globalThis.fetch;
  /**
   * For a `now` that runs faster than the wall clock (tests, the demo): the probes' and pollers'
   * timers scaled to it, and the record time of a wall time. Default: Node's timers, wall time.
   */
  readonly watchClock?: WatchClock;
  /** Breaker time constants (tests: shorter); `openOn` comes from `config.breaker.open_on`. */
  readonly breaker?: Omit<BreakerOptions, 'openOn'>;
}

export interface RunningService {
  readonly address: BoundAddress;
  readonly store: Store;
  readonly live: LiveEngine;
  /** Tokens created on this first start (shown once). */
  readonly createdTokens: readonly CreatedToken[];
  /** Resolves once the engine caught up on the stored records (a follower: once it follows). */
  readonly caughtUp: Promise<void>;
  /** `leader` or `follower` now (always `leader` on SQLite and memory). */
  readonly role: () => 'leader' | 'follower';
  close(): Promise<void>;
}

/**
 * How long a shutdown lets requests in flight finish before cutting them. The CLI exits by 9 s
 * (server-api: within 10 s); the engine's last snapshot and the store's close come after this, so
 * a slow client (a trickling body, half-sent headers) must not take the whole budget.
 */
const CLOSE_GRACE_MS = 3_000;

/** How long the service's SQLite writes wait for another process's lock (see openStore below). */
const SQLITE_BUSY_TIMEOUT_MS = 250;

function storeLocation(config: FaultlineConfig): string {
  return config.store.driver === 'sqlite' ? config.store.path : config.store.url;
}

/** Starts the service; rejects (with nothing left open) when the store or the port fails. */
export async function startService(opts: ServiceOptions): Promise<RunningService> {
  const { config, log } = opts;
  const now = opts.now ?? Date.now;
  const location = storeLocation(config);
  // The SQLite driver is synchronous: a write waiting on another process's lock (a `faultline
  // token` command, a backup) stalls every request meanwhile. Waiting at most 250 ms bounds that
  // stall; past it the write fails as unavailable and ingest answers 503 with Retry-After, which
  // the SDK sinks resend.
  const store = await openStore(location, { sqliteBusyTimeoutMs: SQLITE_BUSY_TIMEOUT_MS });
  try {
    const hub = new FeedHub();
    const closing = new AbortController();
    const deliveries: { count?: (channel: string, outcome: string) => void } = {};
    const notifier = createNotifier({
      channels: config.notify,
      store,
      now,
      log,
      onDelivery: (row) => deliveries.count?.(row.channel, row.outcome),
      ...(opts.fetch === undefined ? {} : { fetch: opts.fetch }),
    });
    const parts: { replica?: ServiceReplica } = {};
    const term = () => parts.replica?.term;
    const metrics = new ServiceMetrics({
      lagSeconds: () => live.stats().lagMs / 1000,
      lateRecords: () => live.stats().late,
      openIncidents: () =>
        live
          .incidents()
          .filter((i) => i.status !== 'resolved')
          .map((i) => ({ layer: i.layer, scope: i.scope, provider: i.provider ?? 'all' })),
      breakers: () => term()?.breakers.entries() ?? [],
    });
    deliveries.count = (channel, outcome) => metrics.notification(channel, outcome);
    const connect = replicaLinkFor(location);
    const onCommitted = (records: readonly StoredRecord[]): void => {
      // On a shared store the leader reads every record from the store, whoever committed it.
      if (connect === undefined) {
        live.accept(records);
        term()?.breakers.records(records);
      }
      for (const r of records)
        if (r.kind === 'call') metrics.call(r.provider, r.model, r.layer, r.reason ?? 'unknown');
    };
    const statusView = new StatusView((data, atMs) => {
      const entry = { type: 'status.changed', atMs, data: JSON.stringify(data) };
      void store.appendFeed(entry).then(
        (id) => replica.publish({ ...entry, id }),
        (e: unknown) => log(`status change not stored: ${errorText(e)}`),
      );
    });
    const replica: ServiceReplica = (parts.replica = createServiceReplica({
      config,
      store,
      now,
      log,
      metrics,
      statusView,
      notifier,
      hub,
      onCommitted,
      connect,
      fetch: opts.fetch,
      watchClock: opts.watchClock,
      breaker: opts.breaker,
      leaderHealth: () =>
        healthDocument({
          live: () => live.health(),
          statusView,
          watched: () => term()?.watch.providers() ?? [],
          breaker: (provider, model) => term()?.breakers.state(provider, model) ?? 'closed',
          targets: (provider, model) =>
            (term()?.breakers.targetEntries() ?? []).filter(
              (e) => e.provider === provider && e.model === model,
            ),
        }),
    }));
    const live: LiveEngine = replica.live;
    const traces = createTracesRoute({
      ingestRecords: recordCommitter({ store, metrics, onCommitted, now }, 'sdk'),
    });
    const auth = createAuth({ store, tokens: config.tokens });
    const http = createHttpServer({
      auth,
      closeGraceMs: CLOSE_GRACE_MS,
      routes: serviceRoutes({
        store,
        live,
        metrics,
        config,
        onCommitted,
        now,
        traces,
        hub,
        health: () => replica.health(),
        closing: closing.signal,
        notifier,
        auth,
      }),
    });
    // A single process leads at once (its breakers resume before the port opens); a replica of
    // a shared store campaigns, and leads or follows, while it already serves.
    const started = replica.start();
    if (connect === undefined) await started;
    const caughtUp = replica.caughtUp;
    const stopReplica = async (): Promise<void> => {
      await started.catch(() => undefined);
      await replica.stop();
    };
    const address = await http
      .listen(config.listen.host, opts.port ?? config.listen.port)
      .catch(async (e: unknown) => {
        await stopReplica();
        throw e;
      });
    // Only once the port is ours: a start that fails creates no token nobody was shown.
    const createdTokens = await ensureFirstTokens(store, config.tokens.length, now()).catch(
      async (e: unknown) => {
        await http.close();
        await stopReplica();
        throw e;
      },
    );
    const gatewayRecords = batchedSink(
      recordCommitter({ store, metrics, onCommitted, now }, 'gateway'),
      (e) => log(`gateway records not stored: ${errorText(e)}`),
    );
    const gateway =
      config.gateway === null
        ? undefined
        : createGateway({
            config: config.gateway,
            sink: gatewayRecords.sink,
            log,
            now,
            breakers: gatewayBreakersOf(
              config.gateway,
              { ...opts.breaker, openOn: config.breaker.open_on },
              () => term()?.breakers.gateway,
              log,
            ),
          });
    if (gateway !== undefined) {
      const at = await gateway.listen().catch(async (e: unknown) => {
        await http.close();
        await stopReplica();
        throw e;
      });
      log(`gateway listening on ${at.url}`);
    }
    log(
      `listening on ${address.url} (store: ${store.kind}, config listen ${formatListen(config.listen)})`,
    );
    let closed: Promise<void> | undefined;
    return {
      address,
      store,
      live,
      createdTokens,
      caughtUp,
      role: () => replica.role,
      close: () =>
        (closed ??= (async () => {
          await term()?.stopInputs();
          await gateway?.close();
          await gatewayRecords.flush();
          closing.abort();
          await http.close();
          // The engine saves its last snapshot before the lock goes to the next leader.
          await stopReplica();
          await Promise.race([notifier.flush(), delay(2000)]);
          await notifier.close();
          await store.close();
        })()),
    };
  } catch (e: unknown) {
    await store.close().catch(() => undefined);
    throw e;
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
