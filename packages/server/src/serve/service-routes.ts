/** Every route of the service, from the parts the composition root made. */
import type { FeedHub } from '../api/feed-hub.js';
import type { ServiceMetrics } from '../api/service-metrics.js';
import type { FaultlineConfig } from '../config/index.js';
import { dashboardRoutes } from '../dashboard/index.js';
import { healthzRoute, type Authenticator, type Route } from '../http/index.js';
import { createIngestRoute } from '../ingest/index.js';
import type { LiveEngine } from '../live/index.js';
import type { Notifier } from '../notify/index.js';
import type { TracesHandler } from '../otlp/index.js';
import { providersOfHealth, statusRoutes } from '../status-page/index.js';
import type { Store, StoredRecord } from '../store/port.js';
import { actionRoutes } from './action-routes.js';
import { announcePublished } from './announce-published.js';
import { ingestObserver } from './ingest-metrics.js';
import { opsRoutes } from './ops-routes.js';
import { readRoutes } from './read-routes.js';

export interface ServiceRouteDeps {
  readonly store: Store;
  readonly live: LiveEngine;
  readonly metrics: ServiceMetrics;
  readonly config: FaultlineConfig;
  readonly onCommitted: (records: readonly StoredRecord[]) => void;
  readonly now: () => number;
  readonly traces: TracesHandler;
  readonly hub: FeedHub;
  readonly health: () => Record<string, unknown>;
  readonly closing: AbortSignal;
  readonly notifier: Notifier;
  readonly auth: Authenticator;
}

export function serviceRoutes(deps: ServiceRouteDeps): Route[] {
  const { store, live, metrics, config, onCommitted, now, traces, hub, health, notifier } = deps;
  return [
    healthzRoute(),
    ...opsRoutes({
      store,
      engineReady: () => live.ready,
      metrics,
      metricsToken: config.metrics.token,
    }),
    createIngestRoute({ store, onCommitted, observer: ingestObserver(metrics), now }),
    {
      method: 'POST',
      path: '/v1/traces',
      access: 'ingest',
      handle: ({ req, res }) => traces(req, res),
    },
    ...readRoutes({
      store,
      feed: hub,
      health,
      now,
      closing: deps.closing,
      // A token revoked since the stream opened ends it; a stream opened without a bearer token
      // (the dashboard's session) is not re-checked here.
      stillAllowed: async (authorization) =>
        authorization === undefined || (await deps.auth.authenticate(authorization)).kind === 'ok',
    }),
    ...actionRoutes({
      store,
      now,
      onPublished: (id, stage, text) => void announcePublished(store, notifier, id, stage, text),
    }),
    ...statusRoutes({
      store,
      config: config.status_page,
      providers: () => providersOfHealth(health()),
      now,
    }),
    // The dashboard checks its session cookie with the same tokens the API accepts.
    ...dashboardRoutes({ auth: deps.auth }),
  ];
}
