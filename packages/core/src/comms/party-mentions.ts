/** Who and what a text names: providers, our own side, models, times in UTC, observable facts. */
import { anyMatch, findAll, withoutOverlaps, type Span } from './text-spans.js';

/** Provider names people write, most specific first, with the provider ids each can mean. */
const PROVIDER_NAMES: readonly (readonly [RegExp, readonly string[]])[] = [
  [/\bAzure OpenAI\b/i, ['azure-openai']],
  [/\bOpenAI\b/i, ['openai']],
  [/\bAnthropic\b/i, ['anthropic']],
  [/\bGoogle Vertex(?: AI)?\b|\bVertex(?: AI)?\b/i, ['vertex']],
  [/\bGoogle(?:'s)? Gemini API\b|\bGemini API\b|\bGoogle AI Studio\b/i, ['google']],
  [/\bGoogle\b/i, ['google', 'vertex']],
  [/\b(?:AWS |Amazon )?Bedrock\b|\bAWS\b/i, ['bedrock']],
  [/\bAzure\b/i, ['azure-openai']],
  [
    /\b(?:Mistral AI|Cohere|Groq|DeepSeek|xAI|Together AI|Fireworks AI|OpenRouter|Perplexity)\b/i,
    [],
  ],
];

/** A provider named in the text and the ids it can mean (empty: a provider we do not track). */
export interface ProviderMention extends Span {
  readonly ids: readonly string[];
}

/** Every provider the text names; `names` adds display names by id (e.g. from `providerNames`). */
export function providerMentions(
  text: string,
  names: Readonly<Record<string, string>> = {},
): ProviderMention[] {
  const custom = Object.entries(names).map(([id, name]) => [literal(name), [id]] as const);
  const all = [...custom, ...PROVIDER_NAMES].flatMap(([p, ids]) =>
    findAll(text, p).map((s) => ({ ...s, ids: ids.length > 0 ? ids : [s.text.toLowerCase()] })),
  );
  return withoutOverlaps(all);
}

/** A regular expression matching `s` literally, on word boundaries where it starts and ends with one. */
export function literal(s: string): RegExp {
  const body = s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${/^\w/.test(s) ? '\\b' : ''}${body}${/\w$/.test(s) ? '\\b' : ''}`, 'i');
}

/** Us, the providers as a group, or anyone's API by name ("mistral's API"). */
const PARTIES = [
  /\b(?:our|we|us)\b/i,
  /\b(?:the|all|several|both) (?:AI )?providers\b/i,
  /\b\w+(?:'s|s') (?:APIs?|side|infrastructure|status page)\b/i,
];

/** True when the text names a party: a provider, the providers, or us. */
export function namesOwner(text: string, names: Readonly<Record<string, string>> = {}): boolean {
  return anyMatch(text, PARTIES) || providerMentions(text, names).length > 0;
}

/** Model names as providers spell them: claude-opus-4-7, Opus 4.7, gpt-5.1, o3, gemini-3-pro, … */
const MODEL_NAME =
  /\b(?:claude|gpt|chatgpt|o[1-9]|gemini|opus|sonnet|haiku|llama|mistral|mixtral|codestral|command|titan|nova|deepseek|grok|qwen)(?:[\s-]?[\w.]*\w)?\b/i;
const WHOLE_SCOPE =
  /\b(?:all|every|several|both) (?:of (?:our|the) )?(?:AI )?(?:providers?|models)\b/i;

/** True when the text says which models or providers are hit. */
export function namesScope(
  text: string,
  models: readonly string[] = [],
  names: Readonly<Record<string, string>> = {},
): boolean {
  return (
    anyMatch(text, [MODEL_NAME, WHOLE_SCOPE, ...models.map(literal)]) ||
    providerMentions(text, names).length > 0
  );
}

/** A clock time with a time zone ("04:12 UTC", "4:12 am PT"), or an RFC 3339 time. */
const TIME_WITH_ZONE = [
  /\b(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?\s?(?:[aApP]\.?[mM]\.?\s?)?(?:UTC|utc|GMT|Z|[+-]\d{2}:?\d{2}|[A-Z]{1,3}[SD]?T)\b/,
  /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/,
];

/** True when the text gives a time with its time zone. */
export function namesTime(text: string): boolean {
  return anyMatch(text, TIME_WITH_ZONE);
}

/** An observable fact: a status code, an error type, a share, a slowdown factor. */
const FACTS = [
  /\bHTTP \d{3}\b/,
  /\b[1-5]\d{2} (?:errors?|responses?|status)\b/,
  /\d(?:[.,]\d+)?\s?%/,
  /\d(?:\.\d+)?\s?×/,
  /\b[a-z]+(?:_[a-z]+)+\b/,
];

/** True when the text states something observable rather than an impression. */
export function namesFact(text: string): boolean {
  return anyMatch(text, FACTS);
}
