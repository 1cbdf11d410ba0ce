/**
 * Error pages that the API itself did not write: a CDN edge, a proxy, or the wrong server.
 * Sources: reference/error-taxonomy.md §1.1, §1.4, §3.2, §7.2; spec/call-record.md `edge`.
 */
import type { CallRecord } from '../records/index.js';
import { integration, network, provider, type Classification } from './classification.js';
import { classifyHttpStatus } from './http-status.js';
import { isProviderHost } from './provider-hosts.js';

const EDGE_REJECTED = network('edge_rejected', false);
const PROXY = network('proxy');
const NOT_FOUND = integration('not_found');

/**
 * Pages the provider's own edge writes when its origin fails (Cloudflare "5xx errors" docs:
 * 502/504 from the edge, 520 unknown origin error, 521 origin down, 522 connect timed out,
 * 523 origin unreachable, 524 origin timed out, 525/526 edge-to-origin TLS). Other 5xx go by status.
 */
const EDGE_STATUS = new Map<number, Classification>([
  [502, provider('unavailable')],
  [504, provider('timeout')],
  [520, provider('server_error')],
  [521, provider('unavailable')],
  [522, provider('timeout')],
  [523, provider('unavailable')],
  [524, provider('timeout')],
  [525, provider('unavailable')],
  [526, provider('unavailable')],
]);

/**
 * The verdict on an error page that carries no provider request id, or `undefined` when the
 * response is the API's own (a request id, or a body that is not a page).
 */
export function classifyErrorPage(r: CallRecord, status: number): Classification | undefined {
  if (!isErrorPage(r)) return undefined;
  // A 404 page is the wrong URL, whoever served it: edges and proxies refuse with 403/407/429.
  if (status === 404) return NOT_FOUND;
  if (status >= 500) {
    // spec/call-record.md `edge`: an edge page on the provider's own host is its infrastructure.
    if (hasEdge(r) && isProviderHost(r.provider, r.server_address)) {
      return EDGE_STATUS.get(status) ?? classifyHttpStatus(status);
    }
    return PROXY;
  }
  // §1.1: a 403 "Just a moment…" challenge, an edge 429: refused before the API.
  return EDGE_REJECTED;
}

/** §7.2: HTML, or plain text with no error type, and no provider request id (§1.4). */
function isErrorPage(r: CallRecord): boolean {
  if (r.request_id !== undefined) return false;
  const contentType = r.content_type;
  if (typeof contentType !== 'string') return false;
  if (contentType.includes('html')) return true;
  return contentType.startsWith('text/plain') && r.error_type === undefined;
}

function hasEdge(r: CallRecord): boolean {
  return typeof r.edge === 'string' && r.edge.length > 0;
}
