/** Anthropic Messages API: where the body's words overrule the status (error-taxonomy.md §1). */
import { integration, type Classification } from '../classification.js';
import type { ErrorFacts } from '../error-facts.js';

const CONTEXT_LENGTH = integration('context_length');
const SPEND_CAP = integration('quota_exhausted');
const BILLING = integration('billing');
const PERMISSION = integration('permission');

/** Anthropic rules; `undefined` leaves the verdict to the type word and the status. */
export function anthropicRules(f: ErrorFacts): Classification | undefined {
  // §1.1 429 (c): tier spend cap → usage paused until the 1st; never retry.
  if (f.code === 'enforced_spend_limit_reached') return SPEND_CAP;
  if (f.type === 'invalid_request_error') {
    // §1.1 400: "prompt is too long: N tokens > M maximum" (anthropics/claude-code#12186)
    if (/prompt is too long/i.test(f.message)) return CONTEXT_LENGTH;
    // §1.1 400 is also sent when a spend limit we set is reached; only the message tells.
    if (/credit balance/i.test(f.message)) return BILLING;
    if (/(usage|spend(ing)?) limits?/i.test(f.message)) return SPEND_CAP;
  }
  // §1.1 401: browser Origin header + org policy, not a bad key.
  if (f.type === 'authentication_error' && /^CORS requests are not allowed/i.test(f.message)) {
    return PERMISSION;
  }
  return undefined;
}
