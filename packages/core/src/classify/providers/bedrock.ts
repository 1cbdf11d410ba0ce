/** AWS Bedrock Runtime: exception names and messages (error-taxonomy.md §4.3). */
import { integration, provider, type Classification } from '../classification.js';
import type { ErrorFacts } from '../error-facts.js';
import { normalizeErrorType } from '../error-types.js';

/** Bedrock rules. */
export function bedrockRules(f: ErrorFacts): Classification | undefined {
  const type = f.type === undefined ? undefined : normalizeErrorType(f.type);
  if (type === 'ThrottlingException') {
    // B2: "throttled because of service-wide limitations … resubmit later or in a different region"
    if (/service-wide|different region/i.test(f.message)) return provider('overloaded');
    // "Too many tokens…" is the account's TPM quota.
    if (/too many tokens/i.test(f.message)) return integration('rate_limited', true);
    // "Too many requests…" may be either; the owner stays open until more calls tell.
    return integration('rate_limited', true, 'unknown');
  }
  if (type === 'ValidationException') {
    if (/too long|too many (input )?tokens|context (window|length)/i.test(f.message)) {
      return integration('context_length');
    }
  }
  if (type === 'AccessDeniedException' && /expired/i.test(f.message)) return integration('auth');
  return undefined;
}
