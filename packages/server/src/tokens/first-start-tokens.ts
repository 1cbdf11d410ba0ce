/**
 * On a first start with no token stored and none configured, the server creates one `admin` and
 * one `ingest` token and prints them once (server-api.md, Authentication).
 */
import type { Store, TokenRole } from '../store/port.js';
import { newToken } from './token-secret.js';

export interface CreatedToken {
  readonly name: string;
  readonly role: TokenRole;
  readonly secret: string;
}

/** Creates the first tokens when the store holds none and the config gives none. */
export async function ensureFirstTokens(
  store: Store,
  configuredTokens: number,
  nowMs: number,
): Promise<CreatedToken[]> {
  if (configuredTokens > 0) return [];
  const existing = await store.listTokens();
  if (existing.length > 0) return [];
  const created: CreatedToken[] = [];
  for (const [name, role] of [
    ['admin', 'admin'],
    ['ingest', 'ingest'],
  ] as const) {
    const token = newToken(name, role, nowMs);
    await store.createToken(token.row);
    created.push({ name, role, secret: token.secret });
  }
  return created;
}

/** The lines the server prints about tokens it created, once. */
export function firstTokenLines(created: readonly CreatedToken[]): string[] {
  if (created.length === 0) return [];
  return [
    'Created these tokens (shown once; only their hashes are stored):',
    ...created.map((t) => `  ${t.role.padEnd(7)} ${t.secret}`),
    'Make more with: faultline token create --role ingest --name checkout-api',
  ];
}
