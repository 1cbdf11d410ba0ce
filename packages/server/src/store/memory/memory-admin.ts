// The memory adapter's engine snapshot, hashed tokens and breaker states.
import { FaultlineError } from '@faultline/core';
import type { BreakerRow, EngineSnapshotRow, Store, TokenRow } from '../port.js';

type AdminPart = Pick<
  Store,
  | 'saveSnapshot'
  | 'loadSnapshot'
  | 'createToken'
  | 'listTokens'
  | 'tokenByHash'
  | 'revokeToken'
  | 'saveBreaker'
  | 'loadBreakers'
>;

/** The latest snapshot, tokens in creation order, breakers by target. */
export function memoryAdmin(): AdminPart {
  let snapshot: EngineSnapshotRow | undefined;
  const tokens: TokenRow[] = [];
  const breakers = new Map<string, BreakerRow>();

  return {
    saveSnapshot(row) {
      snapshot = row;
      return Promise.resolve();
    },
    loadSnapshot: () => Promise.resolve(snapshot),
    createToken(token) {
      if (tokens.some((t) => t.id === token.id || t.hash === token.hash)) {
        return Promise.reject(
          new FaultlineError(`a token with id ${token.id} or its hash exists already`),
        );
      }
      tokens.push(token);
      return Promise.resolve();
    },
    listTokens: () => Promise.resolve([...tokens]),
    tokenByHash(hash) {
      return Promise.resolve(tokens.find((t) => t.hash === hash && t.revokedAtMs === null));
    },
    revokeToken(idOrName, atMs) {
      let revoked = 0;
      tokens.forEach((t, i) => {
        if (t.revokedAtMs !== null || (t.id !== idOrName && t.name !== idOrName)) return;
        tokens[i] = { ...t, revokedAtMs: atMs };
        revoked++;
      });
      return Promise.resolve(revoked);
    },
    saveBreaker(row) {
      breakers.set(row.target, row);
      return Promise.resolve();
    },
    loadBreakers() {
      const rows = [...breakers.values()];
      return Promise.resolve(
        rows.sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0)),
      );
    },
  };
}
