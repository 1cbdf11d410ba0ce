/**
 * Error class names of the official OpenAI and Anthropic TypeScript SDKs (both Stainless-generated,
 * `src/core/error.ts`), which `@opentelemetry/instrumentation-openai` writes as `error.type`
 * (`err.constructor.name`). Each class stands for one status, or for a failure with no response
 * (reference/error-taxonomy.md §2.1, §2.3).
 */
import type { CallRecord } from '@faultline/core';

/** What a class name proves about the attempt. */
export type SdkErrorFacts = Pick<CallRecord, 'http_status' | 'aborted_by' | 'network_error'>;

const BY_CLASS = new Map<string, SdkErrorFacts>([
  // `APIError.generate` maps exactly these statuses to these classes
  ['BadRequestError', { http_status: 400 }],
  ['AuthenticationError', { http_status: 401 }],
  ['PermissionDeniedError', { http_status: 403 }],
  ['NotFoundError', { http_status: 404 }],
  ['ConflictError', { http_status: 409 }],
  ['UnprocessableEntityError', { http_status: 422 }],
  ['RateLimitError', { http_status: 429 }],
  // any status >= 500: the message carries the exact one (see `statusFromMessage`)
  ['InternalServerError', {}],
  ['APIError', {}],
  // the caller's AbortSignal fired
  ['APIUserAbortError', { aborted_by: 'caller' }],
  // The SDK's own deadline, but undici connect/headers timeouts collapse into it too (§2.3):
  // recorded as the client's deadline, the common case; instrumentFetch keeps them apart.
  ['APIConnectionTimeoutError', { aborted_by: 'timeout' }],
  // no response and the cause (ECONNRESET, ENOTFOUND…) is not in the span: core's fallback code
  // for a fetch rejected with no code on its cause chain
  ['APIConnectionError', { network_error: 'ERR_FETCH_FAILED' }],
]);

/** The facts a Stainless SDK error class name proves, or `undefined` for another name. */
export function sdkErrorFacts(className: string): SdkErrorFacts | undefined {
  return BY_CLASS.get(className);
}

/**
 * Stainless `APIError.makeMessage` writes `${status} ${message}` (or `${status} status code (no
 * body)`), so an SDK error's message starts with its status: the only place the exact 5xx of an
 * `InternalServerError` survives in the span.
 */
const STATUS_PREFIX = /^([45]\d\d) /;

/** The 4xx/5xx status an SDK error message starts with, or `undefined`. */
export function statusFromMessage(message: string): number | undefined {
  const match = STATUS_PREFIX.exec(message);
  return match === null ? undefined : Number(match[1]);
}
