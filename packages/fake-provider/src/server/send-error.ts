/** Error answers: the provider's JSON error, and the HTML page an edge or proxy sends instead. */
import { STATUS_CODES, type ServerResponse } from 'node:http';
import { hexId } from '../generate/random-id.js';
import type { ErrorSpec, HeaderMap, ProviderAdapter, ResponseMeta } from '../protocol/index.js';

/** Statuses that carry `retry-after` unless the fault says otherwise. */
const RETRY_AFTER_STATUSES: readonly number[] = [429, 503, 529];
const DEFAULT_RETRY_AFTER_S = 1;

/** The provider's JSON error with its headers; `retry-after` when given or by status default. */
export function sendProviderError(
  res: ServerResponse,
  adapter: ProviderAdapter,
  spec: ErrorSpec,
  meta: ResponseMeta,
  retryAfterS?: number,
): void {
  const body = adapter.errorBody(spec, meta);
  const headers: HeaderMap = {
    ...adapter.headers(meta),
    'content-type': adapter.jsonContentType,
    'content-length': String(Buffer.byteLength(body)),
  };
  const retryAfter =
    retryAfterS ?? (RETRY_AFTER_STATUSES.includes(spec.status) ? DEFAULT_RETRY_AFTER_S : undefined);
  if (retryAfter !== undefined) headers['retry-after'] = String(Math.ceil(retryAfter));
  res.writeHead(spec.status, headers);
  res.end(body);
}

/**
 * A CDN-edge error page (Cloudflare's layout): `text/html`, no provider request id, no rate-limit
 * headers — what a client sees when the request never reached the provider.
 */
export function sendHtmlError(res: ServerResponse, status: number): void {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  const body =
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n` +
    `<center><h1>${title}</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n`;
  res.writeHead(status, {
    server: 'cloudflare',
    'cf-ray': `${hexId(16)}-SJC`,
    'content-type': 'text/html',
    'content-length': String(Buffer.byteLength(body)),
  });
  res.end(body);
}
