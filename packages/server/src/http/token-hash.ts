/** Reads a bearer token from `Authorization` and hashes tokens the way the store keeps them. */
import { createHash } from 'node:crypto';

/** sha256 of the token's UTF-8 bytes, lowercase hex: the only form a token is stored in. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/** The token of `Authorization: Bearer <token>` (RFC 6750 §2.1), or `undefined`. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  return BEARER.exec(header)?.[1];
}
