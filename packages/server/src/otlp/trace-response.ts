/**
 * OTLP/HTTP response bodies (OTLP spec, "OTLP/HTTP Response"), in the request's encoding: an
 * `ExportTraceServiceResponse` on success, a `google.rpc.Status` on failure.
 */
import type { OtlpEncoding } from './decode-trace-request.js';
import { otlpProtoTypes } from './otlp-proto-schema.js';

/** The content type of each encoding. */
export const CONTENT_TYPES: Readonly<Record<OtlpEncoding, string>> = {
  json: 'application/json',
  protobuf: 'application/x-protobuf',
};

/** gRPC codes for the `Status.code` that OTLP clients ignore but a Status carries (google.rpc.Code). */
const RPC_CODES: Readonly<Record<number, number>> = {
  400: 3, // INVALID_ARGUMENT
  405: 12, // UNIMPLEMENTED
  413: 8, // RESOURCE_EXHAUSTED
  415: 3,
  500: 13, // INTERNAL
  503: 14, // UNAVAILABLE
};

/**
 * The success body: empty when all spans were accepted; `partialSuccess` with the rejected count
 * and why when some were not (the client must not retry those).
 */
export function exportResponseBody(
  encoding: OtlpEncoding,
  rejectedSpans: number,
  errorMessage: string,
): Uint8Array {
  const partial = rejectedSpans > 0 || errorMessage.length > 0;
  if (encoding === 'json') {
    // proto3 JSON writes int64 as a decimal string
    const body = partial
      ? { partialSuccess: { rejectedSpans: String(rejectedSpans), errorMessage } }
      : {};
    return Buffer.from(JSON.stringify(body));
  }
  const { response } = otlpProtoTypes();
  const value = partial ? { partialSuccess: { rejectedSpans, errorMessage } } : {};
  return response.encode(response.fromObject(value)).finish();
}

/** A failure body for an HTTP status. */
export function statusBody(
  encoding: OtlpEncoding,
  httpStatus: number,
  message: string,
): Uint8Array {
  const code = RPC_CODES[httpStatus] ?? 2; // UNKNOWN
  if (encoding === 'json') return Buffer.from(JSON.stringify({ code, message }));
  const { rpcStatus } = otlpProtoTypes();
  return rpcStatus.encode(rpcStatus.fromObject({ code, message })).finish();
}
