/**
 * When failover moves to the next target. Before the body: a status a client retries (408, 409,
 * 429, 5xx, Anthropic's 529; core `sdkRetriesStatus`) or a transport failure before headers.
 * After a whole 2xx body: the record's classification says the provider, the network or a
 * retryable output failure (empty, malformed, failed check) — core `classify`, as the SDK router.
 */
import { classify, sdkRetriesStatus, type CallRecord } from '@faultline/core';

/** A status worth another target. */
export function retryableStatus(status: number): boolean {
  return sdkRetriesStatus(status);
}

/** A 2xx answer that is a failure in disguise: an error body, empty or malformed output. */
export function qualityFailure(record: CallRecord | undefined): boolean {
  if (record === undefined) return false;
  const c = classify(record);
  if (c.layer === 'model') return c.retryable;
  return c.layer === 'provider' || c.layer === 'network';
}
