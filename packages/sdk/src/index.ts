/** @faultline/sdk: instrument an app's LLM API calls; records go to a sink. */
export { instrumentFetch } from './instrument/index.js';
export type { InstrumentFetchOptions } from './instrument/index.js';
export { builtInChecks } from './checks/output-check.js';
export type { CheckRequest, OutputCheck, OutputFacts } from './checks/output-check.js';
export { createMemorySink } from './sinks/memory-sink.js';
export type { MemorySink } from './sinks/memory-sink.js';
export { createJsonlFileSink } from './sinks/jsonl-file-sink.js';
export type { JsonlFileSink } from './sinks/jsonl-file-sink.js';
export { createHttpBatchSink } from './sinks/http-batch-sink.js';
export type { HttpBatchSink, HttpBatchSinkOptions } from './sinks/http-batch-sink.js';
export { INGEST_OUTCOMES, IngestError, isIngestError } from './sinks/ingest-error.js';
export type { IngestOutcome, IngestRejection } from './sinks/ingest-error.js';
export type { RecordSink } from './sinks/sink.js';
export { createRouter } from './route/index.js';
export type {
  AttemptContext,
  FollowServerOptions,
  RouteCallOptions,
  RouteTarget,
  Router,
  RouterOptions,
} from './route/index.js';
// The instrument's parts the gateway shares (issue 12: one implementation of the interpreters).
export { Observation } from './instrument/observation.js';
export type { ObservationConfig, Settle } from './instrument/observation.js';
export { readRequestFacts } from './instrument/request-facts.js';
export type { RequestFacts } from './instrument/request-facts.js';
export { endpointFor } from './instrument/endpoints.js';
export type { Endpoint } from './instrument/endpoints.js';
export { interpreterFor } from './instrument/interpreters/index.js';
export type { Interpreter, OutputState } from './instrument/interpreters/index.js';
export { SseDecoder } from './instrument/sse-decoder.js';
// Credential masking, shared with the service's ingest (records posted by any client are masked too).
export { maskKeyShapes } from './instrument/redact/index.js';
