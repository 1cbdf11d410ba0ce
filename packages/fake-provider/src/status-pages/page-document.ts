/** Which document of a page a path names, rendered (pure). */
import type { PageView } from './page-view.js';
import { atomFeed, rssFeed } from './render-feed.js';
import { googleIncidents, googleProducts } from './render-google-cloud.js';
import { incidentioProxy, incidentioWidget } from './render-incidentio.js';
import { statuspageDocuments } from './render-statuspage.js';
import { createStamp } from './stamp.js';

/** A rendered document. */
export interface PageDocument {
  readonly contentType: string;
  readonly body: string;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const RSS_TYPE = 'application/rss+xml; charset=utf-8';
const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

/**
 * The document at `path` (below `/status/{id}`), or undefined for none. Every kind serves its
 * feeds at `/history.rss|atom` (Statuspage's names) and `/feed.rss|atom` (incident.io's); then
 * `statuspage`: `/api/v2/{summary,status,components,incidents}.json`,
 * `/api/v2/incidents/unresolved.json`; `incidentio`: `/api/v1/summary`, `/proxy/{host}`;
 * `google-cloud`: `/incidents.json`, `/products.json`, `/en/feed.atom`; `rss`: the page's own
 * URL and `/rss`.
 */
export function pageDocument(
  view: PageView,
  path: string,
  toPageMs: (fakeMs: number) => number,
): PageDocument | undefined {
  const stamp = createStamp(toPageMs);
  const json = (value: unknown): PageDocument => ({
    contentType: JSON_TYPE,
    body: JSON.stringify(value),
  });
  const rss = (): PageDocument => ({ contentType: RSS_TYPE, body: rssFeed(view, toPageMs) });
  const atom = (): PageDocument => ({ contentType: ATOM_TYPE, body: atomFeed(view, stamp) });
  if (path === '/history.rss' || path === '/feed.rss') return rss();
  if (path === '/history.atom' || path === '/feed.atom') return atom();
  switch (view.settings.kind) {
    case 'statuspage': {
      if (!path.startsWith('/api/v2/')) return undefined;
      const doc = statuspageDocuments(view, stamp)[path.slice('/api/v2/'.length)];
      return doc === undefined ? undefined : json(doc);
    }
    case 'incidentio':
      if (path === '/api/v1/summary') return json(incidentioWidget(view, stamp));
      return /^\/proxy\/[^/]+$/.test(path) ? json(incidentioProxy(view, stamp)) : undefined;
    case 'google-cloud':
      if (path === '/incidents.json') return json(googleIncidents(view, stamp));
      if (path === '/products.json') return json(googleProducts(view));
      return path === '/en/feed.atom' ? atom() : undefined;
    case 'rss':
      return path === '' || path === '/' || path === '/rss' ? rss() : undefined;
  }
}
