/** Masks strings shaped like credentials, wherever they appear in a message. */

/** What replaces a credential or an echo of the request. */
export const REDACTED = '[redacted]';

/**
 * Credential shapes, each with the literal text every match of it starts with. Each names who
 * issues it; the minimum lengths keep ordinary words out. Partly masked keys still match (OpenAI
 * echoes "sk-proj-****…abcd").
 */
export const KEY_SHAPES: readonly (readonly [prefixes: readonly string[], shape: RegExp])[] = [
  [['sk-'], /\bsk-[A-Za-z0-9_*-]{6,}/g], // OpenAI sk-, sk-proj-; Anthropic sk-ant-; DeepSeek, others
  [['sk_'], /\bsk_[A-Za-z0-9_*-]{6,}/g],
  [['gsk_'], /\bgsk_[A-Za-z0-9]{10,}/g], // Groq
  [['xai-'], /\bxai-[A-Za-z0-9]{10,}/g], // xAI
  [['hf_'], /\bhf_[A-Za-z0-9]{10,}/g], // Hugging Face
  [['AIza'], /\bAIza[0-9A-Za-z_-]{10,}/g], // Google API keys
  [['AKIA', 'ASIA'], /\b(?:AKIA|ASIA)[0-9A-Z]{12,}/g], // AWS access key ids (long-term, temporary)
  [['ya29.'], /\bya29\.[0-9A-Za-z_.-]+/g], // Google OAuth 2.0 access tokens
  [['eyJ'], /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g], // JWTs (base64url '{"')
  [['Bearer', 'Basic'], /\b(?:Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/gi], // an Authorization value
];

/** Query parameters that carry keys (Gemini `?key=`, some proxies' `api_key`, OAuth `access_token`). */
const KEY_PARAM = /([?&](?:key|api[_-]?key|access_token|token)=)[^&#\s'"]+/gi;

/**
 * Matches any of the literal starts above or a query separator. Text it does not match cannot hold
 * a credential shape, so most words and messages skip the eleven replace passes.
 */
const MAYBE_KEY = new RegExp(
  [...KEY_SHAPES.flatMap(([p]) => p), '?', '&']
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'i',
);

/** Replaces every credential-shaped substring of `text`. */
export function maskKeyShapes(text: string): string {
  if (!MAYBE_KEY.test(text)) return text;
  let out = text.replace(KEY_PARAM, `$1${REDACTED}`);
  for (const [, shape] of KEY_SHAPES) out = out.replace(shape, REDACTED);
  return out;
}

/** A URL without the values of key-carrying query parameters. */
export function redactUrl(url: string): string {
  return url.indexOf('?') === -1 ? url : url.replace(KEY_PARAM, `$1${REDACTED}`);
}
