/** The headers of every ingest POST, and the secrets among them that reports must never show. */
import { ConfigError } from '@faultline/core';

/** Header names whose values are credentials, redacted from reports like the token. */
const SECRET_HEADER = /auth|token|key|secret|cookie|session/i;

/** A bearer token is visible ASCII without spaces (RFC 6750 §2.1 is stricter still). */
const TOKEN = /^[\x21-\x7e]+$/;

/** The request headers and the secrets to redact. */
export interface IngestHeaders {
  readonly headers: Headers;
  readonly secrets: readonly string[];
}

/**
 * `Authorization: Bearer <token>`, `Content-Type: application/x-ndjson` (server-api.md) and the
 * user's own headers (ours win). Throws a `ConfigError` that never quotes a value.
 */
export function ingestHeaders(
  token: string | undefined,
  extra: Readonly<Record<string, string>> | undefined,
): IngestHeaders {
  const problem = 'invalid HTTP batch sink options';
  let headers: Headers;
  try {
    headers = new Headers(extra);
  } catch {
    // undici's message quotes the bad value, which may be a credential: name the keys only.
    throw new ConfigError(problem, [
      `headers: not valid HTTP headers (${Object.keys(extra ?? {}).join(', ')})`,
    ]);
  }
  const secrets = Object.entries(extra ?? {})
    .filter(([name]) => SECRET_HEADER.test(name))
    .map(([, value]) => value.trim());
  if (token !== undefined) {
    if (!TOKEN.test(token)) {
      throw new ConfigError(problem, ['token: must be visible ASCII without spaces or newlines']);
    }
    headers.set('authorization', `Bearer ${token}`);
    secrets.push(token);
  }
  headers.set('content-type', 'application/x-ndjson');
  return { headers, secrets };
}
