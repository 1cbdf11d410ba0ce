// The PostgreSQL adapter's engine snapshot, hashed tokens and breaker states.
import type { BreakerRow, EngineSnapshotRow, Store, TokenRow } from '../port.js';
import type { Db } from './db.js';

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

const TOKEN = `id, name, role, hash, created_at_ms AS "createdAtMs", revoked_at_ms AS "revokedAtMs"`;

/** One snapshot row (the latest replaces it), tokens in creation order, breakers by target. */
export function postgresAdmin(db: Db): AdminPart {
  return {
    async saveSnapshot(s) {
      await db.count(
        `INSERT INTO engine_snapshot (id, json, last_seq, saved_at_ms) VALUES (1, $1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET json = EXCLUDED.json, last_seq = EXCLUDED.last_seq,
           saved_at_ms = EXCLUDED.saved_at_ms`,
        [s.json, s.lastSeq, s.savedAtMs],
      );
    },
    async loadSnapshot() {
      const [row] = await db.rows<EngineSnapshotRow>(
        `SELECT json, last_seq AS "lastSeq", saved_at_ms AS "savedAtMs" FROM engine_snapshot`,
      );
      return row;
    },
    async createToken(t) {
      // The primary key and the unique hash reject a second token with the same id or hash.
      await db.count(
        `INSERT INTO tokens (id, name, role, hash, created_at_ms, revoked_at_ms)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [t.id, t.name, t.role, t.hash, t.createdAtMs, t.revokedAtMs],
      );
    },
    listTokens() {
      return db.rows<TokenRow>(`SELECT ${TOKEN} FROM tokens ORDER BY position`);
    },
    async tokenByHash(hash) {
      const [row] = await db.rows<TokenRow>(
        `SELECT ${TOKEN} FROM tokens WHERE hash = $1 AND revoked_at_ms IS NULL`,
        [hash],
      );
      return row;
    },
    revokeToken(idOrName, atMs) {
      return db.count(
        `UPDATE tokens SET revoked_at_ms = $2
         WHERE (id = $1 OR name = $1) AND revoked_at_ms IS NULL`,
        [idOrName, atMs],
      );
    },
    async saveBreaker(b) {
      await db.count(
        `INSERT INTO breakers (target, json, updated_at_ms) VALUES ($1, $2, $3)
         ON CONFLICT (target) DO UPDATE SET json = EXCLUDED.json, updated_at_ms = EXCLUDED.updated_at_ms`,
        [b.target, b.json, b.updatedAtMs],
      );
    },
    loadBreakers() {
      return db.rows<BreakerRow>(
        `SELECT target, json, updated_at_ms AS "updatedAtMs" FROM breakers ORDER BY target`,
      );
    },
  };
}
