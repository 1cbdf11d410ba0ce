/**
 * Turns an `ExportTraceServiceRequest` in the proto3 JSON shape (parsed OTLP/JSON, or protobufjs'
 * `toObject` of a binary body) into a `TraceRequest`. Containers of the wrong type make the
 * request undecodable (400); a bad leaf only leaves that field absent.
 */
import { FaultlineError } from '@faultline/core';
import { asObject, decodeAttributes, toBigInt } from './any-value.js';
import {
  SPAN_KINDS,
  STATUS_CODES,
  type DecodeResult,
  type OtlpEvent,
  type OtlpResourceSpans,
  type OtlpSpan,
  type SpanKind,
  type StatusCode,
} from './otlp-span.js';

/** How ids are written: hex in OTLP/JSON (OTLP spec, JSON encoding), base64 in plain proto3 JSON. */
export type IdEncoding = 'hex' | 'base64';

/** A request whose structure is wrong; private, caught below and answered as a 400. */
class Malformed extends FaultlineError {
  override name = 'Malformed';
}

function list(value: unknown, path: string): readonly unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Malformed(`${path} must be an array`);
  return value as unknown[];
}

function object(value: unknown, path: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  const obj = asObject(value);
  if (obj === undefined) throw new Malformed(`${path} must be an object`);
  return obj;
}

function id(value: unknown, encoding: IdEncoding): string {
  if (typeof value !== 'string') return '';
  if (encoding === 'base64') return Buffer.from(value, 'base64').toString('hex');
  return /^[0-9a-fA-F]*$/.test(value) ? value.toLowerCase() : '';
}

/** Unsigned nanoseconds since the epoch; `undefined` when absent or negative. */
function nanos(value: unknown): bigint | undefined {
  const n = toBigInt(value);
  return n === undefined || n < 0n ? undefined : n;
}

/** An enum as its number, or as its proto name (`SPAN_KIND_CLIENT`, `STATUS_CODE_ERROR`). */
function enumValue<T extends string>(value: unknown, names: readonly T[], prefix: string): T {
  if (typeof value === 'number') return names[value] ?? names[0]!;
  if (typeof value === 'string' && value.startsWith(prefix)) {
    const name = value.slice(prefix.length).toLowerCase();
    return names.find((n) => n === name) ?? names[0]!;
  }
  return names[0]!;
}

function decodeEvent(value: unknown, path: string): OtlpEvent {
  const e = object(value, path);
  return {
    name: typeof e.name === 'string' ? e.name : '',
    timeUnixNano: nanos(e.timeUnixNano),
    attributes: decodeAttributes(e.attributes),
  };
}

function decodeSpan(value: unknown, path: string, ids: IdEncoding): OtlpSpan {
  const s = object(value, path);
  const status = object(s.status, `${path}.status`);
  return {
    traceId: id(s.traceId, ids),
    spanId: id(s.spanId, ids),
    name: typeof s.name === 'string' ? s.name : '',
    kind: enumValue<SpanKind>(s.kind, SPAN_KINDS, 'SPAN_KIND_'),
    startTimeUnixNano: nanos(s.startTimeUnixNano),
    endTimeUnixNano: nanos(s.endTimeUnixNano),
    attributes: decodeAttributes(s.attributes),
    events: list(s.events, `${path}.events`).map((e, i) => decodeEvent(e, `${path}.events[${i}]`)),
    status: {
      code: enumValue<StatusCode>(status.code, STATUS_CODES, 'STATUS_CODE_'),
      message: typeof status.message === 'string' ? status.message : '',
    },
  };
}

function decodeResourceSpans(value: unknown, path: string, ids: IdEncoding): OtlpResourceSpans {
  const rs = object(value, path);
  const spans: OtlpSpan[] = [];
  list(rs.scopeSpans, `${path}.scopeSpans`).forEach((scope, i) => {
    const at = `${path}.scopeSpans[${i}]`;
    list(object(scope, at).spans, `${at}.spans`).forEach((span, j) => {
      spans.push(decodeSpan(span, `${at}.spans[${j}]`, ids));
    });
  });
  return { resource: decodeAttributes(object(rs.resource, `${path}.resource`).attributes), spans };
}

/** Decodes a parsed request object. Unknown fields are ignored (OTLP spec: forward compatibility). */
export function decodeTraceObject(value: unknown, ids: IdEncoding): DecodeResult {
  try {
    const root = asObject(value);
    if (root === undefined) return { ok: false, message: 'the body is not an object' };
    const resourceSpans = list(root.resourceSpans, 'resourceSpans').map((rs, i) =>
      decodeResourceSpans(rs, `resourceSpans[${i}]`, ids),
    );
    return { ok: true, request: { resourceSpans } };
  } catch (e: unknown) {
    if (e instanceof Malformed) return { ok: false, message: e.message };
    throw e;
  }
}
