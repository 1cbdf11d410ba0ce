// Generated OTLP trace requests of GenAI spans, in the proto3 JSON shape, with the records they must give.
import fc from 'fast-check';

/** A GenAI client span's facts, and the record fields it must map to. */
export interface SpanFacts {
  readonly providerName: string;
  readonly provider: string;
  readonly model: string;
  readonly startMs: number;
  readonly durationMs: number;
  readonly httpStatus: number | undefined;
  readonly inputTokens: number | undefined;
  readonly outputTokens: number | undefined;
  readonly finishReason: string | undefined;
  readonly kind: number;
}

/** semconv provider names and the record provider each becomes (spec/call-record.md). */
const PROVIDERS: ReadonlyArray<readonly [string, string]> = [
  ['anthropic', 'anthropic'],
  ['openai', 'openai'],
  ['aws.bedrock', 'bedrock'],
  ['gcp.gemini', 'google'],
  ['gcp.vertex_ai', 'vertex'],
  ['azure.ai.openai', 'azure-openai'],
  ['my-llm', 'my-llm'],
];

export const spanFacts: fc.Arbitrary<SpanFacts> = fc
  .record({
    provider: fc.constantFrom(...PROVIDERS),
    model: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
    startMs: fc.integer({ min: 1_000_000_000_000, max: 4_000_000_000_000 }),
    durationNs: fc.nat(600_000_000_000),
    httpStatus: fc.option(fc.integer({ min: 100, max: 599 }), { nil: undefined }),
    inputTokens: fc.option(fc.nat(1_000_000), { nil: undefined }),
    outputTokens: fc.option(fc.nat(1_000_000), { nil: undefined }),
    finishReason: fc.option(fc.string({ minLength: 1, maxLength: 10 }), { nil: undefined }),
    kind: fc.constantFrom(1, 3),
  })
  .map(({ provider: [providerName, provider], durationNs, ...f }) => ({
    ...f,
    providerName,
    provider,
    durationMs: durationNs / 1e6,
  }));

type Value = { stringValue: string } | { intValue: string } | { arrayValue: { values: Value[] } };

const kv = (key: string, value: Value) => ({ key, value });

/** The span as proto3 JSON, ids given by `id` (hex for OTLP/JSON, bytes for protobufjs). */
export function spanObject(
  f: SpanFacts,
  i: number,
  id: (hex: string) => unknown,
): Record<string, unknown> {
  const attrs = [
    kv('gen_ai.operation.name', { stringValue: 'chat' }),
    kv('gen_ai.provider.name', { stringValue: f.providerName }),
    kv('gen_ai.request.model', { stringValue: f.model }),
  ];
  if (f.httpStatus !== undefined)
    attrs.push(kv('http.response.status_code', { intValue: String(f.httpStatus) }));
  if (f.inputTokens !== undefined)
    attrs.push(kv('gen_ai.usage.input_tokens', { intValue: String(f.inputTokens) }));
  if (f.outputTokens !== undefined)
    attrs.push(kv('gen_ai.usage.output_tokens', { intValue: String(f.outputTokens) }));
  if (f.finishReason !== undefined)
    attrs.push(
      kv('gen_ai.response.finish_reasons', {
        arrayValue: { values: [{ stringValue: f.finishReason }] },
      }),
    );
  const start = BigInt(f.startMs) * 1_000_000n;
  return {
    traceId: id('5b8efff798038103d269b633813fc60c'),
    spanId: id(i.toString(16).padStart(16, '0')),
    name: `chat ${f.model}`,
    kind: f.kind,
    startTimeUnixNano: start.toString(),
    endTimeUnixNano: (start + BigInt(Math.round(f.durationMs * 1e6))).toString(),
    attributes: attrs,
    status: {},
  };
}

/** A whole request: one resource, its spans in one scope. */
export function requestObject(
  spans: readonly SpanFacts[],
  id: (hex: string) => unknown,
): Record<string, unknown> {
  return {
    resourceSpans: [
      {
        resource: { attributes: [kv('service.name', { stringValue: 'checkout' })] },
        scopeSpans: [{ scope: { name: 'fuzz' }, spans: spans.map((s, i) => spanObject(s, i, id)) }],
      },
    ],
  };
}

/** Every node of a JSON-like value, depth first, so that one can be replaced by its index. */
export function replaceNodes(value: unknown, picks: ReadonlyMap<number, unknown>): unknown {
  let n = 0;
  const walk = (v: unknown): unknown => {
    const here = n++;
    if (picks.has(here)) return picks.get(here);
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null)
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}
