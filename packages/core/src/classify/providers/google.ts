/** Gemini API and Vertex AI: google.rpc status words, ErrorInfo reasons, messages (error-taxonomy.md §4.1–4.2). */
import { integration, provider, type Classification } from '../classification.js';
import type { ErrorFacts } from '../error-facts.js';
import { isFreeTierWithoutQuota } from '../message-words.js';

const AUTH = integration('auth');
const CONTEXT_LENGTH = integration('context_length');

const BY_REASON = new Map<string, Classification>([
  // §4.1: an invalid key arrives as 400 INVALID_ARGUMENT with ErrorInfo.reason API_KEY_INVALID
  ['API_KEY_INVALID', AUTH],
  ['API_KEY_EXPIRED', AUTH],
  ['ACCESS_TOKEN_EXPIRED', AUTH],
  ['SERVICE_DISABLED', integration('permission')],
  ['BILLING_DISABLED', integration('billing')],
]);

/** Google rules (Gemini API and Vertex AI). */
export function googleRules(f: ErrorFacts): Classification | undefined {
  const byReason = f.code === undefined ? undefined : BY_REASON.get(f.code);
  if (byReason !== undefined) return byReason;
  if (/API key not valid|API key expired/i.test(f.message)) return AUTH;
  if (f.type === 'RESOURCE_EXHAUSTED' || f.status === 429) {
    // §4.2 V1 pay-as-you-go "Resource exhausted, please try again later." (shared pool) is read
    // before these rules, in any punctuation and gRPC form: message-words.ts.
    // google-gemini/gemini-cli#22486: "…free_tier_requests, limit: 0" — the free tier grants this
    // model nothing; only a billing account does. Never a quick retry.
    if (isFreeTierWithoutQuota(f.message)) return integration('billing');
    // §4.2 V1: our Provisioned Throughput reservation exceeded.
    if (/Provisioned Throughput/i.test(f.message)) return integration('rate_limited', true);
    // §4.1: QuotaFailure quotaId PerDay → no quick retry (resets at midnight Pacific).
    if (/PerDay|per day/i.test(f.message)) return integration('quota_exhausted');
  }
  if (f.type === 'FAILED_PRECONDITION') {
    return /billing/i.test(f.message) ? integration('billing') : integration('permission');
  }
  if (f.type === 'INVALID_ARGUMENT' || f.status === 400) {
    if (
      /input token count|exceeds the maximum number of tokens|context (window|length)/i.test(
        f.message,
      )
    ) {
      return CONTEXT_LENGTH;
    }
  }
  if (f.type === 'UNAVAILABLE' && !/overload/i.test(f.message) && /unavailable/i.test(f.message)) {
    return provider('unavailable');
  }
  if (f.type === 'DEADLINE_EXCEEDED' || f.status === 504) {
    // §4.1 G-SDK: js-genai sends our timeout as X-Server-Timeout, so our own deadline can come
    // back as the server's DEADLINE_EXCEEDED; it is ours when the call lasted about as long.
    const { timeout_ms: timeoutMs, duration_ms: durationMs } = f.record;
    if (timeoutMs !== undefined && durationMs !== undefined && durationMs >= timeoutMs * 0.9) {
      return integration('client_timeout', true);
    }
  }
  return undefined;
}
