// Fuzzed OTLP decoding: arbitrary bytes never throw, and generated GenAI spans map to valid records in both encodings.
import fc from 'fast-check';
import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { validateRecord, type CallRecord } from '@faultline/core';
import { decodeTraceRequest, traceRecords, type OtlpEncoding } from '../../src/otlp/index.js';
import { otlpProtoTypes } from '../../src/otlp/otlp-proto-schema.js';
import { fuzzParams } from './fuzz-params.js';
import { replaceNodes, requestObject, spanFacts, type SpanFacts } from './otlp-requests.js';

function protobufBody(request: Record<string, unknown>): Uint8Array {
  const { request: type } = otlpProtoTypes();
  return type.encode(type.fromObject(request)).finish();
}

const hex = (h: string): string => h;
const bytes = (h: string): Buffer => Buffer.from(h, 'hex');

/** Decodes and maps a body; asserts what holds for any input: no throw, records valid. */
function records(encoding: OtlpEncoding, body: Uint8Array): readonly CallRecord[] | undefined {
  const decoded = decodeTraceRequest(encoding, body);
  if (!decoded.ok) {
    expect(decoded.message).toMatch(/\S/);
    return undefined;
  }
  const out = traceRecords(decoded.request);
  for (const r of out.records)
    expect(validateRecord(JSON.parse(JSON.stringify(r)))).toMatchObject({ ok: true });
  expect(out.rejections.length).toBeLessThanOrEqual(out.rejectedSpans);
  return out.records;
}

function expected(f: SpanFacts): Record<string, unknown> {
  return {
    ts: f.startMs,
    provider: f.provider,
    model: f.model,
    duration_ms: f.durationMs,
    source: 'sdk',
    app: 'checkout',
    ...(f.httpStatus === undefined ? {} : { http_status: f.httpStatus }),
    ...(f.inputTokens === undefined ? {} : { input_tokens: f.inputTokens }),
    ...(f.outputTokens === undefined ? {} : { output_tokens: f.outputTokens }),
    ...(f.finishReason === undefined ? {} : { stop_reason: f.finishReason }),
  };
}

describe('OTLP decoding fuzz', () => {
  it('maps every generated GenAI span to its record, the same from JSON and from protobuf', () => {
    fc.assert(
      fc.property(fc.array(spanFacts, { maxLength: 6 }), (spans) => {
        const fromJson = records('json', Buffer.from(JSON.stringify(requestObject(spans, hex))));
        const fromProto = records('protobuf', protobufBody(requestObject(spans, bytes)));
        expect(fromProto).toEqual(fromJson);
        expect(fromJson).toHaveLength(spans.length);
        spans.forEach((f, i) => expect(fromJson?.[i]).toMatchObject(expected(f)));
      }),
      fuzzParams(300, 1440),
    );
  });

  it('never throws on arbitrary bytes in either encoding', () => {
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.json({ maxDepth: 5 }).map((j) => new TextEncoder().encode(j)),
      // A valid body with bytes flipped: deep enough to reach nested messages.
      fc
        .tuple(
          fc.array(spanFacts, { minLength: 1, maxLength: 2 }),
          fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 4 }),
        )
        .map(([spans, flips]) => {
          const b = protobufBody(requestObject(spans, bytes));
          for (const [at, v] of flips) b[at % b.length] = v;
          return b;
        }),
    );
    fc.assert(
      fc.property(body, fc.constantFrom<OtlpEncoding>('json', 'protobuf'), (b, encoding) => {
        records(encoding, b);
      }),
      fuzzParams(1500, 1441),
    );
  });

  it('never throws on a request with any of its JSON values replaced by arbitrary JSON', () => {
    const leaf = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.constantFrom(
        'NaN',
        '-1',
        '18446744073709551616',
        'SPAN_KIND_CLIENT',
        'STATUS_CODE_ERROR',
        99,
        -1,
        1.5,
      ),
      fc.constantFrom(
        { doubleValue: 'Infinity' },
        { bytesValue: '@@' },
        { kvlistValue: { values: [{ key: 'a' }] } },
      ),
    );
    const picks = fc
      .array(fc.tuple(fc.nat(60), leaf), { minLength: 1, maxLength: 5 })
      .map((p) => new Map(p));
    fc.assert(
      fc.property(fc.array(spanFacts, { minLength: 1, maxLength: 3 }), picks, (spans, replace) => {
        const json = replaceNodes(requestObject(spans, hex), replace);
        records('json', Buffer.from(JSON.stringify(json)));
      }),
      fuzzParams(1500, 1442),
    );
  });

  it('never throws on attribute values nested to any depth', () => {
    fc.assert(
      fc.property(spanFacts, fc.integer({ min: 1, max: 3000 }), (f, depth) => {
        const request = requestObject([f], hex);
        const spans = (
          request.resourceSpans as Array<{ scopeSpans: Array<{ spans: unknown[] }> }>
        )[0]!.scopeSpans[0]!.spans as Array<{ attributes: unknown[] }>;
        spans[0]!.attributes.push({ key: 'deep', value: 'DEEP' });
        // Written as text: JSON.stringify itself runs out of stack at such depths.
        const json = JSON.stringify(request).replace('"DEEP"', nestedJson(depth));
        const fromJson = records('json', Buffer.from(json));
        if (fromJson !== undefined) expect(fromJson).toHaveLength(1);
        // protobufjs refuses to encode such depth, so the nested span is written by hand and
        // appended: concatenated messages merge (protobuf encoding, "Last One Wins" / repeated).
        const body = Buffer.concat([
          protobufBody(requestObject([f], bytes)),
          nestedProtobuf(depth),
        ]);
        const got = records('protobuf', body);
        if (got !== undefined) expect(got).toHaveLength(1);
      }),
      fuzzParams(30, 1443, 300),
    );
  });
});

/** An AnyValue nested `depth` times, alternating lists and maps, as JSON text. */
function nestedJson(depth: number): string {
  let v = '{"stringValue":"x"}';
  for (let i = 0; i < depth; i++)
    v =
      i % 2 === 0
        ? `{"arrayValue":{"values":[${v}]}}`
        : `{"kvlistValue":{"values":[{"key":"k","value":${v}}]}}`;
  return v;
}

/** A length-delimited field. */
function field(id: number, payload: Uint8Array | string): Uint8Array {
  const w = protobuf.Writer.create().uint32((id << 3) | 2);
  return (typeof payload === 'string' ? w.string(payload) : w.bytes(payload)).finish();
}

/** `ResourceSpans { scopeSpans { spans { attributes: deep } } }` as field 1 of a request. */
function nestedProtobuf(depth: number): Uint8Array {
  let v = field(1, 'x');
  for (let i = 0; i < depth; i++)
    v =
      i % 2 === 0
        ? field(5, field(1, v))
        : field(6, field(1, Buffer.concat([field(1, 'k'), field(2, v)])));
  const attribute = Buffer.concat([field(1, 'deep'), field(2, v)]);
  return field(1, field(2, field(2, field(9, attribute))));
}
