/** Builds OTLP/JSON trace requests for tests, in the encoding the OTLP spec describes. */

/** An OTLP/JSON `AnyValue` for a plain value. */
export function anyValue(value: unknown): Record<string, unknown> {
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  if (typeof value === 'number') {
    return Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value };
  }
  if (Array.isArray(value)) return { arrayValue: { values: value.map(anyValue) } };
  throw new Error(`no AnyValue for ${String(value)}`);
}

/** An OTLP/JSON `KeyValue[]`. */
export function keyValues(attrs: Record<string, unknown>): Record<string, unknown>[] {
  return Object.entries(attrs).map(([key, value]) => ({ key, value: anyValue(value) }));
}

/** Fields of a test span; times in epoch milliseconds. */
export interface SpanFixture {
  readonly attributes: Record<string, unknown>;
  readonly kind?: number | string;
  readonly startMs?: number;
  readonly durationMs?: number;
  readonly status?: Record<string, unknown>;
  readonly events?: readonly Record<string, unknown>[];
  readonly spanId?: string;
}

/** One span in OTLP/JSON: hex ids, 64-bit nanosecond times as decimal strings. */
export function jsonSpan(s: SpanFixture): Record<string, unknown> {
  const startNs = BigInt(s.startMs ?? 1_790_000_000_000) * 1_000_000n;
  const endNs = startNs + BigInt(Math.round((s.durationMs ?? 250) * 1e6));
  return {
    traceId: '5B8EFFF798038103D269B633813FC60C',
    spanId: s.spanId ?? 'EEE19B7EC3C1B174',
    name: 'chat gpt-5.1',
    kind: s.kind ?? 3,
    startTimeUnixNano: startNs.toString(),
    endTimeUnixNano: endNs.toString(),
    attributes: keyValues(s.attributes),
    events: s.events ?? [],
    status: s.status ?? {},
  };
}

/** A whole `ExportTraceServiceRequest` with one resource and one scope. */
export function jsonRequest(
  spans: readonly SpanFixture[],
  resource: Record<string, unknown> = { 'service.name': 'checkout' },
): Record<string, unknown> {
  return {
    resourceSpans: [
      {
        resource: { attributes: keyValues(resource) },
        scopeSpans: [{ scope: { name: 'test' }, spans: spans.map(jsonSpan) }],
      },
    ],
  };
}
