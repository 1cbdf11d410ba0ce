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
    // Fixed ids: of replicas starting together on an empty store, the store's unique id lets
    // exactly one create (and print) each first token; the others find it there and print none.
    const token = newToken(name, role, nowMs);
    try {
      await store.createToken({ ...token.row, id: FIRST_IDS[role] });
    } catch (e: unknown) {
      const now = await store.listTokens();
      if (now.some((t) => t.id === FIRST_IDS[role])) return created;
      throw e;
    }
    created.push({ name, role, secret: token.secret });
  }
  return created;
}

/** The ids of the tokens a first start creates. */
const FIRST_IDS = { admin: 'first-admin', ingest: 'first-ingest' } as const;

/** The lines the server prints about tokens it created, once. */
export function firstTokenLines(created: readonly CreatedToken[]): string[] {
  if (created.length === 0) return [];
  return [
    'Created these tokens (shown once; only their hashes are stored):',
    ...created.map((t) => `  ${t.role.padEnd(7)} ${t.secret}`),
    'Make more with: faultline token create --role ingest --name checkout-api',
  ];
}
