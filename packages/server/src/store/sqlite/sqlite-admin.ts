// The SQLite adapter's engine snapshot, hashed tokens, notification deliveries and breakers.
import type { Database } from 'better-sqlite3';
import type { BreakerRow, DeliveryRow, EngineSnapshotRow, TokenRow } from '../port.js';

/** The remaining parts of the port, synchronous. */
export interface SqliteAdmin {
  saveSnapshot(this: void, snapshot: EngineSnapshotRow): void;
  loadSnapshot(this: void): EngineSnapshotRow | undefined;
  createToken(this: void, token: TokenRow): void;
  listTokens(this: void): TokenRow[];
  tokenByHash(this: void, hash: string): TokenRow | undefined;
  revokeToken(this: void, idOrName: string, atMs: number): number;
  saveDelivery(this: void, delivery: DeliveryRow): void;
  claimDelivery(this: void, incidentId: string, stage: string, channel: string): boolean;
  saveBreaker(this: void, breaker: BreakerRow): void;
  loadBreakers(this: void): BreakerRow[];
}

const TOKEN = 'id, name, role, hash, created_at_ms AS createdAtMs, revoked_at_ms AS revokedAtMs';

/** Prepares the statements on `db`. */
export function sqliteAdmin(db: Database): SqliteAdmin {
  const putSnapshot = db.prepare(
    'INSERT OR REPLACE INTO engine_snapshot (slot, json, last_seq, saved_at_ms) VALUES (1, ?, ?, ?)',
  );
  const getSnapshot = db.prepare<[], EngineSnapshotRow>(
    'SELECT json, last_seq AS lastSeq, saved_at_ms AS savedAtMs FROM engine_snapshot WHERE slot = 1',
  );
  const addToken = db.prepare(
    'INSERT INTO tokens (id, name, role, hash, created_at_ms, revoked_at_ms) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const tokens = db.prepare<[], TokenRow>(`SELECT ${TOKEN} FROM tokens ORDER BY n`);
  const byHash = db.prepare<[string], TokenRow>(
    `SELECT ${TOKEN} FROM tokens WHERE hash = ? AND revoked_at_ms IS NULL`,
  );
  const revoke = db.prepare(
    'UPDATE tokens SET revoked_at_ms = ? WHERE (id = ? OR name = ?) AND revoked_at_ms IS NULL',
  );
  const putDelivery = db.prepare(`INSERT OR REPLACE INTO deliveries
    (incident_id, channel, event, kind, at_ms, outcome, attempts) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const claim = db.prepare(
    'INSERT OR IGNORE INTO delivery_claims (incident_id, stage, channel) VALUES (?, ?, ?)',
  );
  const putBreaker = db.prepare(
    'INSERT OR REPLACE INTO breakers (target, json, updated_at_ms) VALUES (?, ?, ?)',
  );
  const breakers = db.prepare<[], BreakerRow>(
    'SELECT target, json, updated_at_ms AS updatedAtMs FROM breakers ORDER BY target',
  );

  return {
    saveSnapshot: (s) => void putSnapshot.run(s.json, s.lastSeq, s.savedAtMs),
    loadSnapshot: () => getSnapshot.get(),
    createToken: (t) =>
      void addToken.run(t.id, t.name, t.role, t.hash, t.createdAtMs, t.revokedAtMs),
    listTokens: () => tokens.all(),
    tokenByHash: (hash) => byHash.get(hash),
    revokeToken: (idOrName, atMs) => revoke.run(atMs, idOrName, idOrName).changes,
    saveDelivery: (d) =>
      void putDelivery.run(d.incidentId, d.channel, d.event, d.kind, d.atMs, d.outcome, d.attempts),
    claimDelivery: (incidentId, stage, channel) =>
      claim.run(incidentId, stage, channel).changes === 1,
    saveBreaker: (b) => void putBreaker.run(b.target, b.json, b.updatedAtMs),
    loadBreakers: () => breakers.all(),
  };
}
