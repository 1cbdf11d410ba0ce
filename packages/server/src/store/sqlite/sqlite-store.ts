// The SQLite store over an open, migrated better-sqlite3 connection: sync calls made async.
import type { Database } from 'better-sqlite3';
import { StoreUnavailableError, type Store } from '../port.js';
import { sqliteAdmin } from './sqlite-admin.js';
import { groupCommit } from './group-commit.js';
import { toStoreError } from './sqlite-errors.js';
import { sqliteFeed } from './sqlite-feed.js';
import { sqliteIncidents } from './sqlite-incidents.js';
import { sqliteRecords } from './sqlite-records.js';
import { sqliteRollups } from './sqlite-rollups.js';

/**
 * Wraps `db` (migrated to the newest schema) as a Store. Each call runs synchronously on the
 * connection and settles a promise: a write SQLite cannot make now rejects with
 * StoreUnavailableError, its transaction rolled back. Closing closes `db`.
 */
export function createSqliteStore(db: Database): Store {
  const feed = sqliteFeed(db);
  const parts = {
    ...sqliteRecords(db),
    ...feed,
    ...sqliteIncidents(db, feed),
    ...sqliteAdmin(db),
    ...sqliteRollups(db),
  };
  const ping = db.prepare('SELECT 1');
  let closed = false;

  const wrap =
    <A extends unknown[], R>(fn: (...args: A) => R): ((...args: A) => Promise<R>) =>
    (...args) => {
      if (closed) return Promise.reject(new StoreUnavailableError('the store is closed'));
      try {
        return Promise.resolve(fn(...args));
      } catch (e: unknown) {
        return Promise.reject(toStoreError(e));
      }
    };

  return {
    kind: 'sqlite',
    ping: wrap(() => void ping.get()),
    commitRecords: groupCommit(
      db,
      parts.commitInGroup,
      () => closed,
      () => new StoreUnavailableError('the store is closed'),
    ),
    queryRecords: wrap(parts.queryRecords),
    recordsAfter: wrap(parts.recordsAfter),
    lastSeq: wrap(parts.lastSeq),
    deleteRecordsBefore: wrap(parts.deleteRecordsBefore),
    saveIncidentChange: wrap(parts.saveIncidentChange),
    queryIncidents: wrap(parts.queryIncidents),
    incident: wrap(parts.incident),
    publishUpdate: wrap(parts.publishUpdate),
    appendFeed: wrap(parts.appendFeed),
    feedAfter: wrap(parts.feedAfter),
    feedBetween: wrap(parts.feedBetween),
    deleteFeedBefore: wrap(parts.deleteFeedBefore),
    rollupCursor: wrap(parts.rollupCursor),
    applyRollups: wrap(parts.applyRollups),
    queryRollups: wrap(parts.queryRollups),
    deleteRollupsBefore: wrap(parts.deleteRollupsBefore),
    saveSnapshot: wrap(parts.saveSnapshot),
    loadSnapshot: wrap(parts.loadSnapshot),
    createToken: wrap(parts.createToken),
    listTokens: wrap(parts.listTokens),
    tokenByHash: wrap(parts.tokenByHash),
    revokeToken: wrap(parts.revokeToken),
    saveDelivery: wrap(parts.saveDelivery),
    claimDelivery: wrap(parts.claimDelivery),
    saveBreaker: wrap(parts.saveBreaker),
    loadBreakers: wrap(parts.loadBreakers),
    close() {
      if (!closed) {
        closed = true;
        db.close();
      }
      return Promise.resolve();
    },
  };
}
