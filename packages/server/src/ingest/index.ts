/** Ingest: `POST /v1/records` and the pieces it judges bodies with. */
export { createIngestRoute } from './ingest-route.js';
export { INGEST_HOOK_ERROR_CHANNEL } from './commit-batch.js';
export { MAX_KEY_LENGTH, readIngestHeaders } from './ingest-headers.js';
export type { IngestHeaders } from './ingest-headers.js';
export type { IngestLimits, IngestRouteOptions } from './ingest-route.js';
export { NO_OBSERVER } from './ingest-observer.js';
export type { IngestObserver } from './ingest-observer.js';
export { bodyEncodingOf, bodyFormatOf } from './media-type.js';
export type { BodyEncoding, BodyFormat } from './media-type.js';
export { withClassification } from './with-classification.js';
export { RowCollector } from './row-collector.js';
export type { Rejection } from './row-collector.js';
