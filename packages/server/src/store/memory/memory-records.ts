// The memory adapter's records and idempotency keys: the same semantics as the SQLite tables.
import {
  IDEMPOTENCY_KEY_TTL_MS,
  type CommitResult,
  type RecordBatch,
  type RecordQuery,
  type Store,
  type StoredRecord,
} from '../port.js';

type RecordsPart = Pick<
  Store,
  'commitRecords' | 'queryRecords' | 'recordsAfter' | 'lastSeq' | 'deleteRecordsBefore'
>;

/** Orders records by `ts`, then `seq` (the export order of GET /v1/records). */
function byTsThenSeq(a: StoredRecord, b: StoredRecord): number {
  return a.tsMs - b.tsMs || a.seq - b.seq;
}

function matches(r: StoredRecord, q: RecordQuery): boolean {
  if (r.kind !== q.kind || r.tsMs < q.fromMs || r.tsMs >= q.toMs) return false;
  if (q.provider !== undefined && r.provider !== q.provider) return false;
  if (q.model !== undefined && r.model !== q.model) return false;
  if (q.layer !== undefined && r.layer !== q.layer) return false;
  if (q.source !== undefined && r.source !== q.source) return false;
  const after = q.after;
  return after === undefined || r.tsMs > after.tsMs || (r.tsMs === after.tsMs && r.seq > after.seq);
}

/** Records kept in seq order in an array; keys in a map with the time they were first seen. */
export function memoryRecords(): RecordsPart {
  const records: StoredRecord[] = [];
  const keys = new Map<string, { readonly response: string; readonly atMs: number }>();
  let nextSeq = 1;
  let purgedAtMs = -Infinity;

  /** Forgets expired keys, at most once a minute of batch time, so the map stays bounded. */
  function purgeKeys(nowMs: number): void {
    if (nowMs - purgedAtMs < 60_000) return;
    purgedAtMs = nowMs;
    for (const [key, seen] of keys)
      if (nowMs - seen.atMs >= IDEMPOTENCY_KEY_TTL_MS) keys.delete(key);
  }

  return {
    commitRecords(batch: RecordBatch): Promise<CommitResult> {
      purgeKeys(batch.nowMs);
      const key = batch.idempotencyKey;
      if (key !== undefined) {
        const seen = keys.get(key);
        if (seen !== undefined && batch.nowMs - seen.atMs < IDEMPOTENCY_KEY_TTL_MS) {
          return Promise.resolve({ kind: 'duplicate', response: seen.response });
        }
        keys.set(key, { response: batch.response, atMs: batch.nowMs });
      }
      const firstSeq = nextSeq;
      for (const row of batch.rows) records.push({ ...row, seq: nextSeq++ });
      return Promise.resolve({ kind: 'committed', firstSeq });
    },
    queryRecords(query) {
      const found = records.filter((r) => matches(r, query)).sort(byTsThenSeq);
      return Promise.resolve(found.slice(0, Math.max(0, query.limit)));
    },
    recordsAfter(afterSeq, limit) {
      return Promise.resolve(records.filter((r) => r.seq > afterSeq).slice(0, Math.max(0, limit)));
    },
    lastSeq() {
      return Promise.resolve(records.at(-1)?.seq ?? 0);
    },
    deleteRecordsBefore(beforeMs, limit, kind) {
      const doomed = new Set(
        records
          .filter((r) => r.tsMs < beforeMs && (kind === undefined || r.kind === kind))
          .sort(byTsThenSeq)
          .slice(0, Math.max(0, limit))
          .map((r) => r.seq),
      );
      let kept = 0;
      for (const r of records) if (!doomed.has(r.seq)) records[kept++] = r;
      records.length = kept;
      return Promise.resolve(doomed.size);
    },
  };
}
