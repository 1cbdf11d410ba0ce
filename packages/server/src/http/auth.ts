/** Turns `Authorization: Bearer …` into a caller: configured tokens first, then the store. */
import { timingSafeEqual } from 'node:crypto';
import type { TokenRole } from '../store/port.js';
import type { Principal } from './route.js';
import { TokenCache } from './token-cache.js';
import { bearerToken, tokenHash } from './token-hash.js';

/** The part of the store auth reads (a `Store` is one). */
export interface TokenLookup {
  tokenByHash(
    hash: string,
  ): Promise<{ readonly name: string; readonly role: TokenRole } | undefined>;
}

/** A token from the config file (config.md `tokens`), in clear as the file holds it. */
export interface ConfiguredToken {
  readonly name: string;
  readonly role: TokenRole;
  readonly token: string;
}

export type AuthResult =
  | { readonly kind: 'ok'; readonly principal: Principal }
  /** No `Authorization: Bearer` header. */
  | { readonly kind: 'missing' }
  /** A token nobody knows (or a revoked one). */
  | { readonly kind: 'unknown' };

/** Authenticates one request's `Authorization` header; rejects only when the store fails. */
export interface Authenticator {
  authenticate(authorization: string | undefined): Promise<AuthResult>;
}

export interface AuthOptions {
  readonly store: TokenLookup;
  readonly tokens?: readonly ConfiguredToken[];
  /** How long a found token is trusted without asking the store again. Default 2 s. */
  readonly cacheTtlMs?: number;
  /** Default 1,000 tokens. */
  readonly cacheMaxEntries?: number;
  readonly now?: () => number;
}

/**
 * Creates the authenticator. Tokens are compared by sha256 only; configured ones in constant
 * time. Store hits are cached briefly (`cacheTtlMs`), so ingest does not query the store per
 * request and a revocation is honoured within that time; misses are never cached.
 *
 * @example
 * const auth = createAuth({ store, tokens: [{ name: 'ci', role: 'ingest', token: 's3cret' }] });
 * await auth.authenticate('Bearer s3cret'); // → { kind: 'ok', principal: { name: 'ci', role: 'ingest' } }
 */
export function createAuth(opts: AuthOptions): Authenticator {
  const configured = (opts.tokens ?? []).map((t) => ({
    principal: { name: t.name, role: t.role },
    hash: Buffer.from(tokenHash(t.token), 'hex'),
  }));
  const cache = new TokenCache<Principal>(opts.cacheTtlMs ?? 2000, opts.cacheMaxEntries ?? 1000);
  const now = opts.now ?? Date.now;

  return {
    async authenticate(authorization) {
      const token = bearerToken(authorization);
      if (token === undefined) return { kind: 'missing' };
      const hash = tokenHash(token);
      const digest = Buffer.from(hash, 'hex');
      let fromConfig: Principal | undefined;
      // Every configured token is compared, found or not, so timing tells nothing of which.
      for (const c of configured) if (timingSafeEqual(c.hash, digest)) fromConfig = c.principal;
      if (fromConfig !== undefined) return { kind: 'ok', principal: fromConfig };
      const cached = cache.get(hash, now());
      if (cached !== undefined) return { kind: 'ok', principal: cached };
      const row = await opts.store.tokenByHash(hash);
      if (row === undefined) return { kind: 'unknown' };
      const principal = { name: row.name, role: row.role };
      cache.set(hash, principal, now());
      return { kind: 'ok', principal };
    },
  };
}
