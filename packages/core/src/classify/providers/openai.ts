/**
 * OpenAI and OpenAI-compatible APIs: `error.code` and message refine the status (error-taxonomy.md §3).
 */
import { integration, model, provider, type Classification } from '../classification.js';
import type { ErrorFacts } from '../error-facts.js';

const QUOTA = integration('quota_exhausted');
const BILLING = integration('billing');
const RATE_LIMITED = integration('rate_limited', true);
const OVERLOADED = provider('overloaded');

const BY_CODE = new Map<string, Classification>([
  ['context_length_exceeded', integration('context_length')],
  ['string_above_max_length', integration('context_length')],
  ['invalid_api_key', integration('auth')],
  ['model_not_found', integration('not_found')],
  ['unsupported_country_region_territory', integration('permission')],
  // §3.1 429 insufficient_quota family: "retrying … won't restore API access"
  ['insufficient_quota', QUOTA],
  ['organization_spend_limit_exceeded', QUOTA],
  ['project_spend_limit_exceeded', QUOTA],
  ['organization_usage_limit_exceeded', QUOTA],
  ['credit_balance_exhausted', BILLING],
  ['billing_hard_limit_reached', BILLING],
  ['billing_not_active', BILLING],
  // §3.1 429 slow_down: ramp-rate protection of shared capacity, within our own limits
  ['slow_down', OVERLOADED],
  // §3.1 503 server_is_overloaded: the model lacks capacity
  ['server_is_overloaded', OVERLOADED],
  // §3.3 Responses API failure codes (inside a 200 stream or a failed response)
  ['invalid_prompt', integration('bad_request')],
  ['vector_store_timeout', provider('timeout')],
  ['bio_policy', model('refusal')],
]);

/** OpenAI rules; `undefined` leaves the verdict to the type word and the status. */
export function openaiRules(f: ErrorFacts): Classification | undefined {
  if (f.code !== undefined) {
    if (f.code === 'rate_limit_exceeded') {
      // §3.1: "Request too large for … TPM" is one request over the limit, not a burst.
      return /request too large/i.test(f.message) ? integration('request_too_large') : RATE_LIMITED;
    }
    const byCode = BY_CODE.get(f.code);
    if (byCode !== undefined) return byCode;
  }
  if (/maximum context length/i.test(f.message)) return integration('context_length');
  // §3.1 legacy 503 "The engine is currently overloaded"
  if (f.status === 503 && /overloaded/i.test(f.message)) return OVERLOADED;
  // §3.1 429 with type `tokens`/`requests` (observed) is our own limit.
  if (f.status === 429 && (f.type === 'tokens' || f.type === 'requests')) return RATE_LIMITED;
  return undefined;
}
