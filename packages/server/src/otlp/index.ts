/** OTLP/HTTP trace ingest: decoding, the GenAI span → call record mapping, the `/v1/traces` route. */
export { createTracesRoute, DEFAULT_MAX_TRACE_BODY_BYTES } from './traces-route.js';
export type { TracesHandler, TracesRouteOptions } from './traces-route.js';
export {
  OTLP_ENCODINGS,
  decodeTraceJson,
  decodeTraceProtobuf,
  decodeTraceRequest,
} from './decode-trace-request.js';
export type { OtlpEncoding } from './decode-trace-request.js';
export { SPAN_KINDS, STATUS_CODES } from './otlp-span.js';
export type {
  AttributeValue,
  Attributes,
  DecodeResult,
  OtlpEvent,
  OtlpResourceSpans,
  OtlpSpan,
  SpanKind,
  StatusCode,
  TraceRequest,
} from './otlp-span.js';
export { isGenAiCallSpan } from './genai-span.js';
export { spanToRecord } from './span-to-record.js';
export type { SpanRecordResult } from './span-to-record.js';
export { traceRecords } from './trace-records.js';
export type { TraceRecords } from './trace-records.js';
