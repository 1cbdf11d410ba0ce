/** Builds the record of a failed attempt: an HTTP error answer, no answer at all, or our deadline. */
import { sdkRetriesStatus } from '@faultline/core';
import type { AttemptContext, AttemptResult, TimedCall } from './fault.js';
import type { HttpErrorSpec } from './provider-errors.js';
import type { Rng } from './rng.js';

/**
 * An error response from the provider itself: it carries the provider's request id.
 * Fills in `record`, the attempt's fresh record (built by assignment: spreading is slow in V8).
 */
export function httpFailure(
  spec: HttpErrorSpec,
  record: TimedCall,
  ctx: AttemptContext,
  rng: Rng,
): AttemptResult {
  const durationMs = Math.round(rng.between(spec.latencyMs[0], spec.latencyMs[1]));
  record.duration_ms = durationMs;
  record.http_status = spec.status;
  record.error_type = spec.type;
  if (spec.code !== undefined) record.error_code = spec.code;
  record.error_message =
    typeof spec.message === 'string' ? spec.message : spec.message(rng, ctx.model.id);
  record.content_type = 'application/json';
  record.request_id = ctx.provider.requestId(rng);
  // The SDKs retry these by themselves (error-taxonomy.md §2.2).
  const retryable = sdkRetriesStatus(spec.status);
  if (spec.retryAfterMs === undefined) return { record, durationMs, retryable };
  const retryAfterMs = Math.round(rng.between(spec.retryAfterMs[0], spec.retryAfterMs[1]));
  record.retry_after_ms = retryAfterMs;
  return { record, durationMs, retryable, retryAfterMs };
}

/**
 * Typical time until each transport error surfaces (error-taxonomy.md §5.2): refusals and
 * resolver misses are fast, EAI_AGAIN waits out the resolver (~5 s), undici's connect timeout is 10 s.
 */
const NETWORK_LATENCY_MS: Readonly<Record<string, readonly [number, number]>> = {
  ECONNREFUSED: [1, 25],
  ENOTFOUND: [2, 60],
  EAI_AGAIN: [5_000, 5_080],
  UND_ERR_CONNECT_TIMEOUT: [10_000, 10_040],
  ECONNRESET: [40, 2_500],
};

/** No HTTP response arrived: no status, no request id, only the transport code. */
export function networkFailure(code: string, record: TimedCall, rng: Rng): AttemptResult {
  const [min, max] = NETWORK_LATENCY_MS[code] ?? [20, 2_000];
  const durationMs = Math.round(rng.between(min, max));
  record.duration_ms = durationMs;
  record.network_error = code;
  return { record, durationMs, retryable: true };
}

/** Our own deadline fired before the answer (or, for a stream, before its first token). */
export function timeoutFailure(record: TimedCall, timeoutMs: number, rng: Rng): AttemptResult {
  const durationMs = timeoutMs + rng.int(0, 12);
  record.duration_ms = durationMs;
  record.aborted_by = 'timeout';
  // Both Stainless SDKs retry their own timeouts (APIConnectionTimeoutError, §2.4).
  return { record, durationMs, retryable: true };
}
