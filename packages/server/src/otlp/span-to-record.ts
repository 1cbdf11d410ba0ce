/**
 * One GenAI client span → one call record, by the mapping in spec/call-record.md ("Mapping to
 * OpenTelemetry GenAI attributes"). Only the attributes named there are read: prompt and output
 * text (`gen_ai.prompt`, `gen_ai.input.messages`, message events…) never reach a record.
 */
import { validateRecord, type CallRecord } from '@faultline/core';
import type { Attributes, OtlpSpan } from './otlp-span.js';
import { recordProvider } from './provider-name.js';
import { spanFailure } from './span-failure.js';

/** A record, or why the span could not become one (then it counts as rejected). */
export type SpanRecordResult =
  | { readonly ok: true; readonly record: CallRecord }
  | { readonly ok: false; readonly reason: string };

const NANOS_PER_MS = 1_000_000n;

function text(attrs: Attributes, key: string): string | undefined {
  const v = attrs[key];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function tokenCount(attrs: Attributes, key: string, olderKey: string): number | undefined {
  const v = attrs[key] ?? attrs[olderKey];
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined;
}

/** `gen_ai.response.finish_reasons[0]`; a lone string is accepted too. */
function firstFinishReason(attrs: Attributes): string | undefined {
  const v = attrs['gen_ai.response.finish_reasons'];
  const first = Array.isArray(v) ? (v as readonly unknown[])[0] : v;
  return typeof first === 'string' && first.length > 0 ? first : undefined;
}

/** `service.name`, unless it is the SDK default `unknown_service[:<executable>]` (resource semconv). */
function appName(resource: Attributes): string | undefined {
  const name = text(resource, 'service.name');
  return name === undefined || name.startsWith('unknown_service') ? undefined : name;
}

/** Maps a span already known to be a GenAI call (`isGenAiCallSpan`), and validates the result. */
export function spanToRecord(span: OtlpSpan, resource: Attributes): SpanRecordResult {
  const a = span.attributes;
  const providerName = text(a, 'gen_ai.provider.name') ?? text(a, 'gen_ai.system');
  if (providerName === undefined) return { ok: false, reason: 'no gen_ai.provider.name' };
  const model = text(a, 'gen_ai.request.model') ?? text(a, 'gen_ai.response.model');
  if (model === undefined) return { ok: false, reason: 'no gen_ai.request.model' };
  const start = span.startTimeUnixNano;
  if (start === undefined || start === 0n) return { ok: false, reason: 'no startTimeUnixNano' };
  const serverAddress = text(a, 'server.address');

  const record: Record<string, unknown> = {
    ts: Number(start / NANOS_PER_MS),
    provider: recordProvider(providerName, serverAddress),
    model,
  };
  const end = span.endTimeUnixNano;
  if (end !== undefined && end >= start) record.duration_ms = Number(end - start) / 1e6;
  const ttftS = a['gen_ai.response.time_to_first_chunk'];
  if (typeof ttftS === 'number' && ttftS >= 0) record.ttft_ms = ttftS * 1000;
  if (typeof a['gen_ai.request.stream'] === 'boolean') record.stream = a['gen_ai.request.stream'];
  Object.assign(record, spanFailure(span));
  const optional: Record<string, unknown> = {
    stop_reason: firstFinishReason(a),
    input_tokens: tokenCount(a, 'gen_ai.usage.input_tokens', 'gen_ai.usage.prompt_tokens'),
    output_tokens: tokenCount(a, 'gen_ai.usage.output_tokens', 'gen_ai.usage.completion_tokens'),
    source: 'sdk',
    app: appName(resource),
    server_address: serverAddress,
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) record[key] = value;

  const checked = validateRecord(record);
  if (!checked.ok) {
    return { ok: false, reason: checked.problems.map((p) => `${p.field}: ${p.reason}`).join('; ') };
  }
  return { ok: true, record: checked.record as CallRecord };
}
