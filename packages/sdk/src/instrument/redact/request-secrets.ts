/** The credentials a request carried, read from its headers and query, to redact by value. */
import type { FetchInit, FetchInput } from '../fetch-types.js';
import { requestHeaders } from '../headers.js';

/** Headers that carry credentials (Anthropic, OpenAI, Azure, Gemini, AWS, proxies). */
const KEY_HEADERS = [
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'x-goog-api-key',
  'x-amz-security-token',
] as const;

/** `Bearer xyz`: the value after the scheme word. */
const SCHEME_WORD = /^[A-Za-z][\w-]*\s+(\S.*)$/;
/** Query parameters that carry keys (Gemini `?key=`). */
const KEY_PARAMS = /[?&](?:key|api[_-]?key|access_token)=([^&#]+)/gi;

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
  for (const value of requestHeaders(input, init, KEY_HEADERS)) {
    if (value === undefined) continue;
    add(value);
    add(SCHEME_WORD.exec(value.trim())?.[1]);
  }
  // A key parameter needs a `=`: most model calls have none in their URL.
  if (url.includes('=')) {
    for (const m of url.matchAll(KEY_PARAMS)) {
      add(m[1]);
      add(safeDecode(m[1]!));
    }
  }
  if (found.size === 0) return [];
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
