/**
 * Commits the call records an OTLP export became, exactly as `POST /v1/records` commits a batch
 * (same rows, same classification, the live engine fed after the commit), so `/v1/traces` only
 * answers once they are stored.
 */
import { validateRecord, type CallRecord } from '@faultline/core';
import { RowCollector } from '../ingest/index.js';
import type { Store, StoredRecord } from '../store/port.js';
import type { ServiceMetrics } from '../api/service-metrics.js';

/** The `ingestRecords` function of the traces route. */
export function tracesIngest(
  store: Store,
  metrics: ServiceMetrics,
  onCommitted: (records: readonly StoredRecord[]) => void,
  now: () => number,
): (records: readonly CallRecord[]) => Promise<void> {
  return async (records) => {
    const rows = new RowCollector(0);
    records.forEach((r, i) => rows.add(validateRecord(r), undefined, i + 1));
    if (rows.rows.length === 0) return;
    const started = performance.now();
    try {
      const result = await store.commitRecords({ rows: rows.rows, response: '{}', nowMs: now() });
      if (result.kind !== 'committed') return;
      const stored = rows.commit(result.firstSeq);
      metrics.ingested('sdk', stored.length);
      onCommitted(stored);
    } finally {
      metrics.storeWrite((performance.now() - started) / 1000);
    }
  };
}
