// The in-memory store: the whole port in plain maps and arrays, for tests and `:memory:`.
import { StoreUnavailableError, type Store } from '../port.js';
import { memoryAdmin } from './memory-admin.js';
import { memoryFeed } from './memory-feed.js';
import { memoryIncidents } from './memory-incidents.js';
import { memoryRecords } from './memory-records.js';
import { memoryRollups } from './memory-rollups.js';

type Method = (...args: never[]) => Promise<unknown>;

/**
 * Creates an empty in-memory store with the same semantics as the SQLite and PostgreSQL adapters
 * (they share one contract suite). Nothing survives the process; `close()` makes later calls reject.
 *
 * @example
 * const store = createMemoryStore();
 * await store.commitRecords({ rows: [], response: '{}', nowMs: Date.now() });
 */
export function createMemoryStore(): Store {
  const feed = memoryFeed();
  const parts = {
    ...memoryRecords(),
    ...feed,
    ...memoryIncidents(feed),
    ...memoryAdmin(),
    ...memoryRollups(),
  };
  let closed = false;
  /** Every method rejects once closed, as a real connection would. */
  const guard = <M extends Method>(method: M): M =>
    ((...args: Parameters<M>) =>
      closed
        ? Promise.reject(new StoreUnavailableError('the store is closed'))
        : method(...args)) as M;

  return {
    kind: 'memory',
    ping: guard(() => Promise.resolve()),
    commitRecords: guard(parts.commitRecords.bind(parts)),
    queryRecords: guard(parts.queryRecords.bind(parts)),
    recordsAfter: guard(parts.recordsAfter.bind(parts)),
    lastSeq: guard(parts.lastSeq.bind(parts)),
    deleteRecordsBefore: guard(parts.deleteRecordsBefore.bind(parts)),
    saveIncidentChange: guard(parts.saveIncidentChange.bind(parts)),
    queryIncidents: guard(parts.queryIncidents.bind(parts)),
    incident: guard(parts.incident.bind(parts)),
    publishUpdate: guard(parts.publishUpdate.bind(parts)),
    appendFeed: guard(parts.appendFeed.bind(parts)),
    feedAfter: guard(parts.feedAfter.bind(parts)),
    feedBetween: guard(parts.feedBetween.bind(parts)),
    deleteFeedBefore: guard(parts.deleteFeedBefore.bind(parts)),
    rollupCursor: guard(parts.rollupCursor.bind(parts)),
    applyRollups: guard(parts.applyRollups.bind(parts)),
    queryRollups: guard(parts.queryRollups.bind(parts)),
    deleteRollupsBefore: guard(parts.deleteRollupsBefore.bind(parts)),
    saveSnapshot: guard(parts.saveSnapshot.bind(parts)),
    loadSnapshot: guard(parts.loadSnapshot.bind(parts)),
    createToken: guard(parts.createToken.bind(parts)),
    listTokens: guard(parts.listTokens.bind(parts)),
    tokenByHash: guard(parts.tokenByHash.bind(parts)),
    revokeToken: guard(parts.revokeToken.bind(parts)),
    saveDelivery: guard(parts.saveDelivery.bind(parts)),
    claimDelivery: guard(parts.claimDelivery.bind(parts)),
    saveBreaker: guard(parts.saveBreaker.bind(parts)),
    loadBreakers: guard(parts.loadBreakers.bind(parts)),
    close() {
      closed = true;
      return Promise.resolve();
    },
  };
}
