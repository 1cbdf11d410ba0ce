/** `classify(record)`: which layer failed for one call, why, whose move it is, and whether to retry. */
import type { CallRecord } from '../records/index.js';
import {
  CANCELLED,
  integration,
  network,
  provider,
  type Classification,
} from './classification.js';
import type { ErrorFacts, ProviderRules } from './error-facts.js';
import { classifyErrorPage } from './error-page.js';
import { classifyBroadType, classifySpecificType } from './error-types.js';
import { classifyHttpStatus } from './http-status.js';
import { classifyAccountWords, classifyDecidingWords } from './message-words.js';
import { classifyOutput } from './model-output.js';
import { classifyNetworkCode } from './network-codes.js';
import { rulesFor } from './providers/provider-rules.js';
import { unwrapError } from './wrapped-error.js';

const CLIENT_TIMEOUT = integration('client_timeout', true);
const CLIENT_ERROR = integration('client_error');
const REQUEST_TOO_LARGE = integration('request_too_large');
const STREAM_ERROR = provider('stream_error');
const PROVIDER_TIMEOUT = provider('timeout');
const SERVER_ERROR_200 = provider('server_error');
const PROXY = network('proxy');
/** Messages longer than records carry (500, spec/call-record.md) are read only this far. */
const MAX_MESSAGE = 4096;

/**
 * Classifies one call record. Pure and total: unknown values degrade (unknown 5xx →
 * `provider/server_error`, unknown 4xx → `integration/client_error`, unknown stop reason with
 * output → `none/ok`) and it never throws. Returns shared frozen objects.
 *
 * @example
 * classify({ ts: 0, provider: 'anthropic', model: 'claude-opus-4-7', http_status: 529 })
 * // → { layer: 'provider', reason: 'overloaded', owner: 'provider', retryable: true }
 */
export function classify(r: CallRecord): Classification {
  if (r.aborted_by === 'caller') return CANCELLED;
  // Our own deadline fired (before headers or mid-body): ours, whatever the transport said.
  if (r.aborted_by === 'timeout') return CLIENT_TIMEOUT;
  const status = r.http_status;
  if (typeof status !== 'number') return classifyNoStatus(r);
  if (status >= 200 && status < 300) return classifySuccess(r);
  if (status < 400) return CLIENT_ERROR; // 1xx/3xx reaching the caller: our client or base URL
  return classifyErrorResponse(r, status);
}

/** Reads a field as a string; records from JavaScript callers may be unvalidated. */
function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function facts(r: CallRecord, status: number | undefined, type: unknown): ErrorFacts {
  const full = str(r.error_message) ?? '';
  const message = full.length > MAX_MESSAGE ? full.slice(0, MAX_MESSAGE) : full;
  return { status, type: str(type), code: str(r.error_code), message, record: r };
}

/** No response arrived (or the status was not recorded). */
function classifyNoStatus(r: CallRecord): Classification {
  const networkError = str(r.network_error);
  if (networkError !== undefined) return classifyNetworkCode(networkError);
  const eventType = str(r.stream_error_type);
  if (eventType !== undefined) return classifyStreamError(r, eventType);
  if (r.error_type !== undefined || r.error_code !== undefined) {
    const f = facts(r, undefined, r.error_type);
    return fromBody(rulesFor(r.provider), f) ?? provider('server_error');
  }
  // Only a message, no response: the SDK or our code refused before sending (or a log that kept
  // only the message). Its words may still tell; otherwise it is ours, never a success.
  if (typeof r.error_message === 'string' && r.error_message.length > 0) {
    return fromBody(rulesFor(r.provider), facts(r, undefined, undefined)) ?? CLIENT_ERROR;
  }
  return classifyOutput(r);
}

/** HTTP 2xx: an error event inside the stream, a body that broke off, or the output itself. */
function classifySuccess(r: CallRecord): Classification {
  const eventType = str(r.stream_error_type) ?? str(r.error_type);
  if (eventType !== undefined) return classifyStreamError(r, eventType);
  if (r.network_error !== undefined) {
    // §2.5: undici `terminated` with UND_ERR_SOCKET (dropped) or UND_ERR_BODY_TIMEOUT (stalled).
    return r.network_error === 'UND_ERR_BODY_TIMEOUT' ? PROVIDER_TIMEOUT : STREAM_ERROR;
  }
  // §7.7: missing [DONE] / message_stop.
  if (r.stream === true && r.stream_completed === false) return STREAM_ERROR;
  return classifyOutput(r);
}

/**
 * An error event after HTTP 200 (§1.3, §2.5, §4.3). Overload and timeouts keep their reason;
 * other provider-side errors are `stream_error`; our own errors stay ours.
 */
function classifyStreamError(r: CallRecord, type: string): Classification {
  const verdict = fromBody(rulesFor(r.provider), facts(r, undefined, type));
  // A 200 body that is an error object (OpenAI Responses `status: "failed"`, a gateway's
  // `{"error": …}`) is no stream: it keeps its own verdict, else the provider's server error.
  if (r.stream !== true && r.stream_error_type === undefined) return verdict ?? SERVER_ERROR_200;
  if (verdict === undefined) return STREAM_ERROR;
  if (verdict.layer !== 'provider') return verdict;
  return verdict.reason === 'overloaded' || verdict.reason === 'timeout' ? verdict : STREAM_ERROR;
}

/** An HTTP error response: intermediaries first, then the body's words, then the status. */
function classifyErrorResponse(r: CallRecord, status: number): Classification {
  // §1.1, S5: 413 comes from Cloudflare before the request reaches the API; the request is too big.
  if (status === 413) return REQUEST_TOO_LARGE;
  // RFC 9110 §15.5.8: 407 Proxy Authentication Required is only ever sent by a proxy.
  if (status === 407) return PROXY;
  const page = classifyErrorPage(r, status);
  if (page !== undefined) return page;
  const f = facts(r, status, r.error_type);
  return fromBody(rulesFor(r.provider), f) ?? classifyHttpStatus(status);
}

/** An error wrapped in the message decides first (Claude on Vertex), then the body's own words. */
function fromBody(rules: ProviderRules, f: ErrorFacts): Classification | undefined {
  const wrapped = unwrapError(f);
  if (wrapped !== undefined) {
    const inner = fromWords(wrapped.rules, wrapped.facts);
    if (inner !== undefined) return inner;
  }
  return fromWords(rules, f);
}

/**
 * Wording that decides (filters, shared capacity), the provider's rules, type words that decide
 * alone, account wording when nothing told, then broad type words when no status is known.
 */
function fromWords(rules: ProviderRules, f: ErrorFacts): Classification | undefined {
  const hasMessage = f.message.length > 0;
  const byWords = hasMessage ? classifyDecidingWords(f.message) : undefined;
  if (byWords !== undefined) return byWords;
  const byRules = rules(f);
  if (byRules !== undefined) return byRules;
  const specific = f.type === undefined ? undefined : classifySpecificType(f.type);
  if (specific !== undefined) return specific;
  if (hasMessage && readsAccountWords(f.status)) {
    const byAccount = classifyAccountWords(f.message);
    if (byAccount !== undefined) return byAccount;
  }
  return f.type !== undefined && f.status === undefined ? classifyBroadType(f.type) : undefined;
}

/** Quota and billing words are read on 400/402/403/429 bodies and on statusless errors. */
function readsAccountWords(status: number | undefined): boolean {
  return (
    status === undefined || status === 400 || status === 402 || status === 403 || status === 429
  );
}
