/**
 * Transport failure codes (system errno, undici, TLS) → classification.
 * Source: reference/error-taxonomy.md §5.2 (undici docs, Node.js "Common system errors", tls.md).
 */
import { integration, network, provider, type Classification } from './classification.js';

const DNS = network('dns');
const REFUSED = network('connect_refused');
const CONNECT_TIMEOUT = network('connect_timeout');
const RESET = network('reset');
const TLS = network('tls', false);
const PROXY = network('proxy');
const PROVIDER_TIMEOUT = provider('timeout');
const CLIENT_ERROR = integration('client_error');
const CLIENT_TIMEOUT = integration('client_timeout', true);

const BY_CODE = new Map<string, Classification>([
  // getaddrinfo failures (N1; EAI_AGAIN: nodejs/undici#4330)
  ['ENOTFOUND', DNS],
  ['EAI_AGAIN', DNS],
  ['EAI_NODATA', DNS],
  ['EAI_NONAME', DNS],
  ['EAI_FAIL', DNS],
  ['ECONNREFUSED', REFUSED],
  // connect never completed: undici connect timeout (default 10 s), errno timeouts, no route (N1, U1)
  ['UND_ERR_CONNECT_TIMEOUT', CONNECT_TIMEOUT],
  ['ETIMEDOUT', CONNECT_TIMEOUT],
  ['ENETUNREACH', CONNECT_TIMEOUT],
  ['EHOSTUNREACH', CONNECT_TIMEOUT],
  ['ENETDOWN', CONNECT_TIMEOUT],
  ['EHOSTDOWN', CONNECT_TIMEOUT],
  ['ERR_SOCKET_CONNECTION_TIMEOUT', CONNECT_TIMEOUT],
  // the connection broke (N1; undici 'other side closed' is UND_ERR_SOCKET)
  ['ECONNRESET', RESET],
  ['ECONNABORTED', RESET],
  ['EPIPE', RESET],
  ['UND_ERR_SOCKET', RESET],
  ['UND_ERR_CLOSED', RESET],
  ['UND_ERR_RES_CONTENT_LENGTH_MISMATCH', RESET],
  ['UND_ERR_HEADERS_OVERFLOW', RESET],
  ['ERR_STREAM_PREMATURE_CLOSE', RESET],
  // fetch rejected with no code on its cause chain (the instrument's fallback)
  ['ERR_FETCH_FAILED', RESET],
  // proxy in the path (U1)
  ['UND_ERR_PRX_TLS', PROXY],
  ['UND_ERR_PRX_CONN', PROXY],
  ['ERR_PROXY_CONNECTION_FAILED', PROXY],
  ['ERR_TUNNEL_CONNECTION_FAILED', PROXY],
  // the provider accepted the connection but sent no headers / stalled the body within undici's
  // 300 s defaults: slow provider (U1 headersTimeout, bodyTimeout)
  ['UND_ERR_HEADERS_TIMEOUT', PROVIDER_TIMEOUT],
  ['UND_ERR_BODY_TIMEOUT', PROVIDER_TIMEOUT],
  // our own code or configuration (U1: dispatcher version mismatch, bad arguments)
  ['UND_ERR_INVALID_ARG', CLIENT_ERROR],
  ['UND_ERR_NOT_SUPPORTED', CLIENT_ERROR],
  ['UND_ERR_REQ_CONTENT_LENGTH_MISMATCH', CLIENT_ERROR],
  ['ERR_INVALID_URL', CLIENT_ERROR],
  ['ERR_INVALID_ARG_TYPE', CLIENT_ERROR],
  ['ERR_INVALID_ARG_VALUE', CLIENT_ERROR],
  // an AbortSignal fired without the instrument knowing whose: a request we ended ourselves
  ['UND_ERR_ABORTED', CLIENT_ERROR],
  ['UND_ERR_ABORT', CLIENT_ERROR],
  ['ABORT_ERR', CLIENT_ERROR],
  ['AbortError', CLIENT_ERROR],
  // DOMException name of AbortSignal.timeout(): our own deadline
  ['TimeoutError', CLIENT_TIMEOUT],
  // TLS (N1 tls.md "X509 certificate error codes"): intercepting proxy, missing CA, wrong clock
  ['CERT_HAS_EXPIRED', TLS],
  ['CERT_NOT_YET_VALID', TLS],
  ['CERT_REVOKED', TLS],
  ['CERT_UNTRUSTED', TLS],
  ['CERT_REJECTED', TLS],
  ['CERT_SIGNATURE_FAILURE', TLS],
  ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', TLS],
  ['UNABLE_TO_GET_ISSUER_CERT', TLS],
  ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', TLS],
  ['SELF_SIGNED_CERT_IN_CHAIN', TLS],
  ['DEPTH_ZERO_SELF_SIGNED_CERT', TLS],
  ['HOSTNAME_MISMATCH', TLS],
  ['ERR_TLS_CERT_ALTNAME_INVALID', TLS],
  ['EPROTO', TLS],
]);

/** Patterns for codes not in the table, so that unknown codes still land on the closest reason. */
const FALLBACKS: ReadonlyArray<readonly [RegExp, Classification]> = [
  [/^HPE_/, RESET], // llhttp parse errors: a truncated or garbled response (U1)
  [/CERT|TLS|SSL/, TLS],
  [/PROXY|PRX/i, PROXY],
  [/^EAI_|DNS|NOTFOUND/i, DNS],
  [/REFUSED/, REFUSED],
  [/TIME_?D?_?OUT/i, CONNECT_TIMEOUT],
];

/** Classifies a transport failure code; an unknown code is a generic `network/reset`. */
export function classifyNetworkCode(code: string): Classification {
  const known = BY_CODE.get(code);
  if (known !== undefined) return known;
  for (const [pattern, verdict] of FALLBACKS) if (pattern.test(code)) return verdict;
  return RESET;
}
