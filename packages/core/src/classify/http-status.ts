/**
 * HTTP status → classification when the body's words do not decide.
 * Sources: reference/error-taxonomy.md §1.1, §3.1, §4 (per-provider status tables) and §2.1 (SDK mapping).
 */
import { integration, provider, type Classification } from './classification.js';

const BY_STATUS = new Map<number, Classification>([
  [400, integration('bad_request')],
  [401, integration('auth')],
  [402, integration('billing')],
  [403, integration('permission')],
  [404, integration('not_found')],
  [405, integration('client_error')],
  // 408: the server gave up waiting (Bedrock ModelTimeoutException); SDKs retry it (sdk-retry.ts)
  [408, provider('timeout')],
  // 409: Anthropic conflict_error; both Stainless SDKs retry it (sdk-retry.ts, §2.2)
  [409, integration('client_error', true)],
  [410, integration('not_found')],
  [411, integration('bad_request')],
  [413, integration('request_too_large')],
  [414, integration('request_too_large')],
  [415, integration('bad_request')],
  [422, integration('bad_request')],
  [429, integration('rate_limited', true)],
  [431, integration('request_too_large')],
  // 499: the client closed the request (nginx; Google CANCELLED)
  [499, integration('client_error')],
  [500, provider('server_error')],
  [501, provider('server_error')],
  [502, provider('server_error')],
  [503, provider('unavailable')],
  [504, provider('timeout')],
  // Cloudflare in front of the provider: 520 unknown, 521 origin down, 522/524 timeouts, 523 unreachable
  [520, provider('server_error')],
  [521, provider('unavailable')],
  [522, provider('timeout')],
  [523, provider('unavailable')],
  [524, provider('timeout')],
  // Cloudflare 525/526: TLS between the provider's edge and its origin failed
  [525, provider('unavailable')],
  [526, provider('unavailable')],
  // Anthropic: overloaded across all users (§1.1)
  [529, provider('overloaded')],
]);

const CLIENT_ERROR = integration('client_error');
const SERVER_ERROR = provider('server_error');

/** Classifies an error status by itself: unknown 4xx → `client_error`, unknown 5xx → `server_error`. */
export function classifyHttpStatus(status: number): Classification {
  return BY_STATUS.get(status) ?? (status >= 500 ? SERVER_ERROR : CLIENT_ERROR);
}
