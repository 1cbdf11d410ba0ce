/**
 * The failure fields of a record from a span: `http.response.status_code`, `error.type`, span
 * status ERROR and its `exception` event (semconv recording-errors; reference/otel-genai.md §2).
 */
import type { CallRecord } from '@faultline/core';
import type { Attributes, OtlpSpan } from './otlp-span.js';
import { sdkErrorFacts, statusFromMessage } from './sdk-error-class.js';

/**
 * The record fields this module fills. Never `error_message`: an exception message can echo the
 * request (Gemini payload excerpts) or carry key fragments, and without the request it cannot be
 * scrubbed as `instrumentFetch` scrubs it (docs/instrument.md, Redaction). It is read only for
 * the status an SDK error message starts with.
 */
export type FailureFields = Pick<
  CallRecord,
  'http_status' | 'error_type' | 'network_error' | 'aborted_by'
>;

/** `error.type` is a low-cardinality id (semconv); anything else is not copied. */
const WORD = /^\w[\w.:-]{0,63}$/;

/**
 * Transport codes (system errno, undici, Node and OpenSSL codes) that `error.type` may carry;
 * reference/error-taxonomy.md §5.2. Provider words (`RESOURCE_EXHAUSTED`) match none of these.
 */
const TRANSPORT_CODE =
  /^(E[A-Z]{3,}|EAI_[A-Z]+|UND_ERR_[A-Z_]+|ERR_[A-Z0-9_]+|CERT_[A-Z_]+|UNABLE_TO_[A-Z_]+|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)$/;

function text(attrs: Attributes, key: string): string | undefined {
  const v = attrs[key];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function word(attrs: Attributes, key: string): string | undefined {
  const v = text(attrs, key);
  return v === undefined ? undefined : WORD.test(v) ? v : '_OTHER';
}

/** An HTTP status attribute, as an integer or a decimal string; the older name second. */
function statusAttribute(attrs: Attributes): number | undefined {
  for (const key of ['http.response.status_code', 'http.status_code']) {
    const v = attrs[key];
    const n = typeof v === 'string' && /^\d{3}$/.test(v) ? Number(v) : v;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 100 && n <= 599) return n;
  }
  return undefined;
}

/** Reads the failure of a span. A span with no failure sign gets only its status. */
export function spanFailure(span: OtlpSpan): FailureFields {
  const httpStatus = statusAttribute(span.attributes);
  const exception = span.events.find((e) => e.name === 'exception')?.attributes ?? {};
  // Traceloop's instrumentations set no `error.type`, only status ERROR and an exception event.
  const type = word(span.attributes, 'error.type') ?? word(exception, 'exception.type');
  const failed = span.status.code === 'error' || type !== undefined || (httpStatus ?? 0) >= 400;
  if (!failed) return httpStatus === undefined ? {} : { http_status: httpStatus };

  const message = span.status.message || (text(exception, 'exception.message') ?? '');
  const out: { -readonly [K in keyof FailureFields]: FailureFields[K] } = {};
  const sdk = type === undefined ? undefined : sdkErrorFacts(type);
  const typeIsStatus = type !== undefined && /^[1-5]\d\d$/.test(type);
  // An `error.type` that is a status number stands in for a missing status attribute.
  const status =
    httpStatus ??
    (typeIsStatus ? Number(type) : undefined) ??
    sdk?.http_status ??
    sdkStatusFromMessage(type, message);
  if (status !== undefined) out.http_status = status;
  if (type !== undefined && TRANSPORT_CODE.test(type)) out.network_error = type;
  else if (type !== undefined && !typeIsStatus) out.error_type = type;
  // The semconv fallback word, so that a failure nothing names is still a failure.
  else if (type === undefined && status === undefined) out.error_type = '_OTHER';
  if (sdk?.aborted_by !== undefined) out.aborted_by = sdk.aborted_by;
  if (sdk?.network_error !== undefined) out.network_error = sdk.network_error;
  return out;
}

/** Only SDK errors, or errors no one named (`_OTHER`), are read for a status prefix. */
function sdkStatusFromMessage(type: string | undefined, message: string): number | undefined {
  if (type !== undefined && type !== '_OTHER' && sdkErrorFacts(type) === undefined) {
    return undefined;
  }
  return statusFromMessage(message);
}
