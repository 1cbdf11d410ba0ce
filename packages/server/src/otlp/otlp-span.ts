/** The decoded shape of an OTLP trace export, the same whether it came as JSON or protobuf. */

/** `Span.SpanKind` of opentelemetry-proto `trace/v1/trace.proto`, by its number. */
export const SPAN_KINDS = [
  'unspecified',
  'internal',
  'server',
  'client',
  'producer',
  'consumer',
] as const;
export type SpanKind = (typeof SPAN_KINDS)[number];

/** `Status.StatusCode` of opentelemetry-proto `trace/v1/trace.proto`, by its number. */
export const STATUS_CODES = ['unset', 'ok', 'error'] as const;
export type StatusCode = (typeof STATUS_CODES)[number];

/**
 * An attribute value (`AnyValue`): 64-bit integers become numbers (the values read here, token
 * counts and statuses, are far below 2^53), bytes stay bytes, lists and maps nest.
 */
export type AttributeValue =
  string | number | boolean | Uint8Array | readonly AttributeValue[] | Attributes;

/** Attributes by key (`KeyValue[]`); a repeated key keeps its last value. */
export interface Attributes {
  readonly [key: string]: AttributeValue;
}

/** A span event (`Span.Event`), e.g. an `exception` event (semconv recording-errors). */
export interface OtlpEvent {
  readonly name: string;
  readonly timeUnixNano: bigint | undefined;
  readonly attributes: Attributes;
}

/** One span, with the fields the GenAI mapping reads. Ids are lower-case hex. */
export interface OtlpSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly name: string;
  readonly kind: SpanKind;
  /** Absent when missing or not an unsigned 64-bit integer. */
  readonly startTimeUnixNano: bigint | undefined;
  readonly endTimeUnixNano: bigint | undefined;
  readonly attributes: Attributes;
  readonly events: readonly OtlpEvent[];
  readonly status: { readonly code: StatusCode; readonly message: string };
}

/** The spans of one resource (one service), flattened over their instrumentation scopes. */
export interface OtlpResourceSpans {
  readonly resource: Attributes;
  readonly spans: readonly OtlpSpan[];
}

/** A decoded `ExportTraceServiceRequest`. */
export interface TraceRequest {
  readonly resourceSpans: readonly OtlpResourceSpans[];
}

/** The outcome of decoding a request body: data, not an exception (400 when not ok). */
export type DecodeResult =
  | { readonly ok: true; readonly request: TraceRequest }
  | { readonly ok: false; readonly message: string };
