/**
 * API tokens: random secrets shown once, stored only as sha256 hashes (server-api.md,
 * Authentication). The role is in the prefix so a token pasted in the wrong place is recognisable
 * (`fl_ingest_…`), and nothing else about it can be read from it.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { TokenRole, TokenRow } from '../store/port.js';

export const TOKEN_ROLES: readonly TokenRole[] = ['ingest', 'read', 'admin'];

/** sha256 of the token, hex: the only form a token is stored in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new token: the secret (to show once) and the row to store. */
export function newToken(
  name: string,
  role: TokenRole,
  nowMs: number,
): { secret: string; row: TokenRow } {
  const secret = `fl_${role}_${randomBytes(24).toString('base64url')}`;
  return {
    secret,
    row: {
      id: randomUUID(),
      name,
      role,
      hash: hashToken(secret),
      createdAtMs: nowMs,
      revokedAtMs: null,
    },
  };
}
