/** The credentials a request carried, read from its headers and query, to redact by value. */
import type { FetchInit, FetchInput } from '../fetch-types.js';
import { requestHeader } from '../headers.js';

/** Headers that carry credentials (Anthropic, OpenAI, Azure, Gemini, AWS, proxies). */
const KEY_HEADERS = [
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'x-goog-api-key',
  'x-amz-security-token',
] as const;

/** Shorter values are not treated as secrets: redacting them would mangle ordinary words. */
const MIN_SECRET_CHARS = 6;

/**
 * Every credential value in the request: each key header whole and without its scheme word
 * (`Bearer`, `bearer`, `Basic`), and the `key=` query parameter, raw and decoded.
 */
export function requestSecrets(input: FetchInput, init: FetchInit, url: string): string[] {
  const found = new Set<string>();
  const add = (v: string | undefined): void => {
    const s = v?.trim();
    if (s !== undefined && s.length >= MIN_SECRET_CHARS) found.add(s);
  };
  for (const name of KEY_HEADERS) {
    const value = requestHeader(input, init, name);
    if (value === undefined) continue;
    add(value);
    add(/^[A-Za-z][\w-]*\s+(\S.*)$/.exec(value.trim())?.[1]);
  }
  for (const m of url.matchAll(/[?&](?:key|api[_-]?key|access_token)=([^&#]+)/gi)) {
    add(m[1]);
    add(safeDecode(m[1]!));
  }
  // Longest first, so a key is removed whole before any shorter value inside it.
  return [...found].sort((a, b) => b.length - a.length);
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
