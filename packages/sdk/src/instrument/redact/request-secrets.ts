/** The credentials a request carried, read from its headers and query, to redact by value. */
import type { FetchInit, FetchInput } from '../fetch-types.js';
import { requestHeaderValuesWhere } from '../headers.js';

/**
 * Headers that carry credentials, by name: `authorization`, `proxy-authorization`, `x-api-key`,
 * `api-key`, `x-goog-api-key`, `x-amz-security-token`, and gateways' own (`x-portkey-api-key`,
 * Azure API Management's `Ocp-Apim-Subscription-Key`, `x-auth-token`, …): any name that says
 * key, token, secret, auth, password or credential.
 */
const KEY_HEADER = /key|token|secret|auth|passw|credential/;
const isKeyHeader = (lowerName: string): boolean => KEY_HEADER.test(lowerName);

/** `Bearer xyz`: the value after the scheme word. */
const SCHEME_WORD = /^[A-Za-z][\w-]*\s+(\S.*)$/;
/** Query parameters that carry keys (Gemini `?key=`). */
const KEY_PARAMS = /[?&](?:key|api[_-]?key|access_token)=([^&#]+)/gi;

/** The user-info of a URL's authority: `scheme://user:password@host`. */
const USERINFO = /^[a-z][a-z0-9+.-]*:\/\/([^/?#@]*)@/i;

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
  for (const value of requestHeaderValuesWhere(input, init, isKeyHeader)) {
    add(value);
    add(SCHEME_WORD.exec(value.trim())?.[1]);
  }
  // user:password@host (fetch refuses such a URL, and its message quotes it)
  const userinfo = USERINFO.exec(url);
  if (userinfo !== null) {
    for (const part of userinfo[1]!.split(':')) {
      add(part);
      add(safeDecode(part));
    }
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
