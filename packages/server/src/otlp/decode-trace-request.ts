/** Decodes an OTLP/HTTP trace request body, `application/json` or `application/x-protobuf`. */
import { decodeTraceObject } from './decode-trace-object.js';
import { otlpProtoTypes } from './otlp-proto-schema.js';
import type { DecodeResult } from './otlp-span.js';

/** The two OTLP/HTTP encodings (OTLP spec, "OTLP/HTTP Request"). */
export const OTLP_ENCODINGS = ['json', 'protobuf'] as const;
export type OtlpEncoding = (typeof OTLP_ENCODINGS)[number];

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Reads an OTLP/JSON body: hex ids, enums as numbers or names, 64-bit integers as strings or numbers. */
export function decodeTraceJson(body: Uint8Array): DecodeResult {
  let value: unknown;
  try {
    value = JSON.parse(UTF8.decode(body));
  } catch (e: unknown) {
    return { ok: false, message: `not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  return decodeTraceObject(value, 'hex');
}

/** Reads a binary `ExportTraceServiceRequest`. */
export function decodeTraceProtobuf(body: Uint8Array): DecodeResult {
  const { request } = otlpProtoTypes();
  let value: unknown;
  try {
    // Plain objects in the proto3 JSON shape, except ids, which come as base64 like any bytes.
    value = request.toObject(request.decode(body), { longs: String, bytes: String });
  } catch (e: unknown) {
    return { ok: false, message: `not protobuf: ${e instanceof Error ? e.message : String(e)}` };
  }
  return decodeTraceObject(value, 'base64');
}

/**
 * Decodes a body in the given encoding.
 *
 * @example
 * const result = decodeTraceRequest('json', Buffer.from('{"resourceSpans":[]}'));
 * // → { ok: true, request: { resourceSpans: [] } }
 */
export function decodeTraceRequest(encoding: OtlpEncoding, body: Uint8Array): DecodeResult {
  return encoding === 'json' ? decodeTraceJson(body) : decodeTraceProtobuf(body);
}
