/**
 * The public status page's routes (server-api.md, Pages): `/status`, `/status/feed.atom` and
 * `/status/summary.json`, all `public` (no token), each read fresh from the store.
 */
import type { Route } from '../http/index.js';
import { buildStatusPage } from './build-status-page.js';
import { sendCached } from './cached-reply.js';
import { loadIncidents, type StatusPageStore } from './load-incidents.js';
import { pageComponents } from './page-components.js';
import type { StatusPageModel } from './page-model.js';
import { renderAtom } from './render-atom.js';
import { FEED_PATH, renderStatusHtml, SUMMARY_PATH } from './render-html.js';
import { requestOrigin } from './request-origin.js';
import { summaryJson } from './summary-json.js';

/** `status_page` of the configuration (config.md); `null` is the default page. */
export interface StatusPageConfig {
  readonly title: string;
  readonly components: readonly { readonly name: string; readonly uses: readonly string[] }[];
}

export interface StatusRouteDeps {
  readonly store: StatusPageStore;
  readonly config: StatusPageConfig | null;
  /** Providers the service knows of now (traffic, probes, status pages): the default components. */
  readonly providers: () => readonly string[];
  readonly now: () => number;
}

/**
 * No script may run and nothing may load from elsewhere: the page needs none, and a slip in
 * escaping then still runs nothing (CSP Level 3).
 */
const HTML_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

async function model(deps: StatusRouteDeps): Promise<StatusPageModel> {
  const nowMs = deps.now();
  const incidents = await loadIncidents(deps.store, nowMs);
  const seen = [...deps.providers(), ...incidents.flatMap((i) => i.provider ?? [])];
  return buildStatusPage({
    title: deps.config?.title ?? 'Status',
    components: pageComponents(deps.config?.components ?? [], seen),
    incidents,
    nowMs,
  });
}

/**
 * The three routes.
 *
 * @example
 * routes.push(...statusRoutes({ store, config: config.status_page, providers, now }));
 */
export function statusRoutes(deps: StatusRouteDeps): Route[] {
  return [
    {
      method: 'GET',
      path: '/status',
      access: 'public',
      handle: async ({ req, res }) =>
        sendCached(req, res, 'text/html; charset=utf-8', renderStatusHtml(await model(deps)), {
          'content-security-policy': HTML_CSP,
          'referrer-policy': 'no-referrer',
        }),
    },
    {
      method: 'GET',
      path: FEED_PATH,
      access: 'public',
      handle: async ({ req, res }) =>
        sendCached(
          req,
          res,
          'application/atom+xml; charset=utf-8',
          renderAtom(await model(deps), requestOrigin(req)),
        ),
    },
    {
      method: 'GET',
      path: SUMMARY_PATH,
      access: 'public',
      handle: async ({ req, res }) =>
        sendCached(
          req,
          res,
          'application/json; charset=utf-8',
          JSON.stringify(summaryJson(await model(deps), requestOrigin(req))),
          { 'access-control-allow-origin': '*' },
        ),
    },
  ];
}
