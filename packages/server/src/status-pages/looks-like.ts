/**
 * Tells documents that are not what a poller asked for: HTML error pages and CDN challenge
 * pages. A JetBrains page migration once served HTML with 200 that a poller read as "degraded"
 * for about 9 h (aiwatch#1004, status-pages.md §3); Mistral's page sits behind a Cloudflare
 * managed challenge (aiwatch#1381).
 */

/** Cloudflare marks challenge responses with `cf-mitigated: challenge`; the page's own markers otherwise. */
const CHALLENGE_MARKERS =
  /cf-chl|challenge-platform|just a moment\.\.\.|attention required!|captcha/i;

/** True when the response is a bot challenge rather than the page (markers count in HTML only). */
export function isChallenge(headers: Headers, text: string): boolean {
  if (headers.get('cf-mitigated')?.toLowerCase() === 'challenge') return true;
  return isHtml(headers, text) && CHALLENGE_MARKERS.test(text.slice(0, 16_384));
}

/** True when the response is HTML, by its content type or by its first bytes. */
export function isHtml(headers: Headers, text: string): boolean {
  const type = headers.get('content-type')?.toLowerCase() ?? '';
  return type.includes('text/html') || /^\s*(<!doctype html|<html\b)/i.test(text.slice(0, 512));
}

/** True when the content type says JSON, or says nothing more specific than text. */
export function isJsonType(headers: Headers): boolean {
  const type = (headers.get('content-type') ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
  return (
    type === '' || type === 'application/json' || type.endsWith('+json') || type === 'text/plain'
  );
}
