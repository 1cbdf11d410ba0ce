/** The read API (`GET /v1/…`, role `read`) as routes over the store and the live engine. */
import type { ServerResponse } from 'node:http';
import { jsonResult, type ApiResult } from '../api/api-result.js';
import { streamEvents, type FeedSource } from '../api/events-route.js';
import { readHistory } from '../api/history-route.js';
import { listIncidents, showIncident } from '../api/incidents-route.js';
import { exportRecords } from '../api/records-route.js';
import type { Route } from '../http/index.js';
import type { Store } from '../store/port.js';

/** Writes a handler's result. */
export function sendResult(res: ServerResponse, result: ApiResult): void {
  res.writeHead(result.status, {
    ...result.headers,
    'content-type': result.contentType,
    'content-length': Buffer.byteLength(result.body),
  });
  res.end(result.body);
}

export interface ReadRouteDeps {
  readonly store: Store;
  readonly feed: FeedSource;
  /** The `/v1/health` document. */
  readonly health: () => Record<string, unknown>;
  readonly now: () => number;
  /** Aborted when the service shuts down: event streams end so shutdown need not wait on them. */
  readonly closing: AbortSignal;
  /** Whether a request's token is still good (a revoked token ends its event stream). */
  readonly stillAllowed: (authorization: string | undefined) => Promise<boolean>;
}

/** `/v1/incidents`, `/v1/incidents/{id}`, `/v1/records`, `/v1/history`, `/v1/health`, `/v1/events`. */
export function readRoutes(deps: ReadRouteDeps): Route[] {
  return [
    {
      method: 'GET',
      path: '/v1/incidents',
      access: 'read',
      handle: async ({ res, url }) =>
        sendResult(res, await listIncidents(deps.store, url.searchParams)),
    },
    {
      method: 'GET',
      path: '/v1/incidents/:id',
      access: 'read',
      handle: async ({ res, params }) =>
        sendResult(res, await showIncident(deps.store, params.id ?? '')),
    },
    {
      method: 'GET',
      path: '/v1/records',
      access: 'read',
      handle: async ({ res, url }) =>
        sendResult(res, await exportRecords(deps.store, url, deps.now())),
    },
    {
      method: 'GET',
      path: '/v1/history',
      access: 'read',
      handle: async ({ res, url }) =>
        sendResult(res, await readHistory(deps.store, url.searchParams, deps.now())),
    },
    {
      method: 'GET',
      path: '/v1/health',
      access: 'read',
      handle: ({ res }) => sendResult(res, jsonResult(200, deps.health())),
    },
    {
      method: 'GET',
      path: '/v1/events',
      access: 'read',
      handle: ({ req, res, url }) =>
        streamEvents(req, res, url, {
          store: deps.store,
          feed: deps.feed,
          signal: deps.closing,
          stillAllowed: () => deps.stillAllowed(req.headers.authorization),
        }),
    },
  ];
}
