/** Masks strings shaped like credentials, wherever they appear in a message. */

/** What replaces a credential or an echo of the request. */
export const REDACTED = '[redacted]';

/**
 * Credential shapes. Each names who issues it; the minimum lengths keep ordinary words out.
 * Partly masked keys still match (OpenAI echoes "sk-proj-****…abcd").
 */
const KEY_SHAPES: readonly RegExp[] = [
  /\bsk-[A-Za-z0-9_*-]{6,}/g, // OpenAI sk-, sk-proj-; Anthropic sk-ant-; DeepSeek and others
  /\bsk_[A-Za-z0-9_*-]{6,}/g,
  /\bgsk_[A-Za-z0-9]{10,}/g, // Groq
  /\bxai-[A-Za-z0-9]{10,}/g, // xAI
  /\bhf_[A-Za-z0-9]{10,}/g, // Hugging Face
  /\bAIza[0-9A-Za-z_-]{10,}/g, // Google API keys
  /\b(?:AKIA|ASIA)[0-9A-Z]{12,}/g, // AWS access key ids (long-term, temporary)
  /\bya29\.[0-9A-Za-z_.-]+/g, // Google OAuth 2.0 access tokens
  /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, // JWTs (base64url '{"')
  /\b(?:Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/gi, // an Authorization header value
];

/** Query parameters that carry keys (Gemini `?key=`, some proxies' `api_key`, OAuth `access_token`). */
const KEY_PARAM = /([?&](?:key|api[_-]?key|access_token|token)=)[^&#\s'"]+/gi;

/** Replaces every credential-shaped substring of `text`. */
export function maskKeyShapes(text: string): string {
  let out = text.replace(KEY_PARAM, `$1${REDACTED}`);
  for (const shape of KEY_SHAPES) out = out.replace(shape, REDACTED);
  return out;
}

/** A URL without the values of key-carrying query parameters. */
export function redactUrl(url: string): string {
  return url.indexOf('?') === -1 ? url : url.replace(KEY_PARAM, `$1${REDACTED}`);
}
