/** Ingest's counters, moved on the service's metrics. */
import type { ServiceMetrics } from '../api/service-metrics.js';
import type { IngestObserver } from '../ingest/index.js';

export function ingestObserver(metrics: ServiceMetrics): IngestObserver {
  return {
    accepted: (source, n) => metrics.ingested(source === '' ? 'none' : source, n),
    rejected: (n) => metrics.rejected('unknown', n),
    storeWrite: (seconds) => metrics.storeWrite(seconds),
  };
}
