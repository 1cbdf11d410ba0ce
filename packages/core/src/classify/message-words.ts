/**
 * Message wording that decides across providers and gateways, whatever the type word says.
 * Each pattern names who writes it; sources are the rows of docs/classification.md
 * "Wording that decides" and reference/error-taxonomy.md.
 */
import { integration, model, provider, type Classification } from './classification.js';

const CONTENT_FILTER = model('content_filter');
const OVERLOADED = provider('overloaded');
const QUOTA = integration('quota_exhausted');
const BILLING = integration('billing');

/**
 * The provider's filter blocked the output or the prompt: Azure "content management policy" (Z1,
 * §4.4; also as an SSE error chunk, Oaklight/argo-proxy#91), Anthropic 400 "Output blocked by
 * content filtering policy" (anthropics/claude-code#43487), gateways' "blocked by content filter".
 */
const CONTENT_FILTER_WORDS =
  /content management policy|content filtering|blocked by (?:the |a )?content[ _-]?filter|output (?:was )?blocked/i;

/**
 * Shared capacity ran out, not our quota: Vertex pay-as-you-go "Resource exhausted, please try
 * again later." in any punctuation, casing or gRPC form (§4.2 V1); Azure "experiencing high demand
 * … during peak load" (pollinations/pollinations#6260); OpenAI/Azure "overloaded with other
 * requests" (openai/openai-python#414); gateways whose upstream is rate-limited
 * (Aculeasis/openrouter-proxy#1, anomalyco/opencode#47747).
 */
const CAPACITY_WORDS =
  /resource[\s_-]*exhausted\b[\s\S]{0,40}?try again later|high demand|peak load|overloaded with other requests|rate[- ]limited upstream|upstream\b[\s\S]{0,60}?rate[- _]?limit/i;

/** Gemini free tier with no quota at all for the model: only a billing account unlocks it. */
const FREE_TIER = /free[_ -]?tier/i;
const LIMIT_ZERO = /\blimit:\s*0\b/;

/** OpenAI's `insufficient_quota` wording (§3.1, O2), relayed by compatible APIs without the type. */
const QUOTA_WORDS = /exceeded your current quota|insufficient[_ ]quota/i;

/** Anthropic "credit balance is too low" (§1.1), DeepSeek-style "Insufficient Balance", billing. */
const BILLING_WORDS = /credit balance|insufficient (?:balance|credits?|funds)|\bbilling\b/i;

/** Wording that overrules type words and provider rules: filters and shared capacity. */
export function classifyDecidingWords(message: string): Classification | undefined {
  if (CONTENT_FILTER_WORDS.test(message)) return CONTENT_FILTER;
  if (CAPACITY_WORDS.test(message)) return OVERLOADED;
  return undefined;
}

/** True for Gemini's "…free_tier… limit: 0": the free tier grants this model nothing. */
export function isFreeTierWithoutQuota(message: string): boolean {
  return LIMIT_ZERO.test(message) && FREE_TIER.test(message);
}

/**
 * Account wording, read only when no type word or code told: free tier without quota and billing
 * words → `billing`, "exceeded your current quota" → `quota_exhausted`. Quota comes before the
 * bare word "billing" because OpenAI's quota message says "check your plan and billing details".
 */
export function classifyAccountWords(message: string): Classification | undefined {
  if (isFreeTierWithoutQuota(message)) return BILLING;
  if (QUOTA_WORDS.test(message)) return QUOTA;
  if (BILLING_WORDS.test(message)) return BILLING;
  return undefined;
}
