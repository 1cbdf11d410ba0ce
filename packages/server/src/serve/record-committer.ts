/**
 * Commits records the service made or received outside `POST /v1/records` (OTLP spans, probe
 * calls, status-page observations) exactly as ingest commits a batch: the same rows and
 * classification, counted by source, the live engine fed after the commit.
 */
import { validateRecord, type FaultlineRecord } from '@faultline/core';
import type { ServiceMetrics } from '../api/service-metrics.js';
import { RowCollector } from '../ingest/index.js';
import type { Store, StoredRecord } from '../store/port.js';

export interface CommitterDeps {
  readonly store: Store;
  readonly metrics: ServiceMetrics;
  readonly onCommitted: (records: readonly StoredRecord[]) => void;
  readonly now: () => number;
}

/** A function that commits records and resolves once they are stored (or rejects). */
export function recordCommitter(
  deps: CommitterDeps,
  source: string,
): (records: readonly FaultlineRecord[]) => Promise<void> {
  return async (records) => {
    const rows = new RowCollector(0, deps.now() + RowCollector.MAX_AHEAD_MS);
    records.forEach((r, i) => rows.add(validateRecord(r), undefined, i + 1));
    if (rows.rows.length === 0) return;
    const started = performance.now();
    try {
      const result = await deps.store.commitRecords({
        rows: rows.rows,
        response: '{}',
        nowMs: deps.now(),
      });
      if (result.kind !== 'committed') return;
      const stored = rows.commit(result.firstSeq);
      deps.metrics.ingested(source, stored.length);
      deps.onCommitted(stored);
    } finally {
      deps.metrics.storeWrite((performance.now() - started) / 1000);
    }
  };
}
