// The real OTLP/HTTP exporters (JSON and protobuf, 0.223) talking to the /v1/traces route.
import { diag, DiagLogLevel, SpanKind, SpanStatusCode, type DiagLogger } from '@opentelemetry/api';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { classify } from '@faultline/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeTraceRequest, type OtlpSpan } from '../../src/otlp/index.js';
import { startTracesServer, type TracesServer } from './traces-server.js';

const T0 = 1_790_000_000_000;
const resource = resourceFromAttributes({ 'service.name': 'checkout' });

/** Emits the test spans on a provider whose processor sends them to `exporter`; returns it. */
async function emitSpans(exporter: SpanExporter): Promise<BasicTracerProvider> {
  const provider = new BasicTracerProvider({
    resource,
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('exporters.test');
  const ok = tracer.startSpan('chat gpt-5.1', {
    kind: SpanKind.CLIENT,
    startTime: T0,
    attributes: {
      'gen_ai.operation.name': 'chat',
      'gen_ai.system': 'openai',
      'gen_ai.request.model': 'gpt-5.1',
      'gen_ai.request.temperature': 0.25,
      'gen_ai.request.stream': false,
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.input_tokens': 21,
      'gen_ai.usage.output_tokens': 9,
      'http.response.status_code': 200,
    },
  });
  ok.addEvent('gen_ai.choice', { index: 0 }, T0 + 100);
  ok.end(T0 + 420);
  const failed = tracer.startSpan('chat gpt-5.1', {
    kind: SpanKind.CLIENT,
    startTime: T0 + 1000,
    attributes: {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-5.1',
      'error.type': 'RateLimitError',
    },
  });
  failed.setStatus({ code: SpanStatusCode.ERROR, message: '429 Rate limit reached' });
  failed.end(T0 + 1030);
  tracer.startSpan('GET /health', { kind: SpanKind.SERVER, startTime: T0 }).end(T0 + 1);
  const unmappable = tracer.startSpan('chat', {
    kind: SpanKind.CLIENT,
    startTime: T0,
    attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.system': 'openai' },
  });
  unmappable.end(T0 + 2);
  await provider.forceFlush();
  return provider;
}

function exportOnce(exporter: SpanExporter, spans: ReadableSpan[]): Promise<number> {
  return new Promise((resolve) => exporter.export(spans, (result) => resolve(result.code)));
}

const nanos = (hr: readonly [number, number]) => BigInt(hr[0]) * 1_000_000_000n + BigInt(hr[1]);

describe('real OTLP/HTTP exporters', () => {
  let server: TracesServer;
  const warnings: string[] = [];
  beforeEach(async () => {
    server = await startTracesServer();
    const logger: DiagLogger = {
      error: () => undefined,
      warn: (...args: unknown[]) => void warnings.push(args.map(String).join(' ')),
      info: () => undefined,
      debug: () => undefined,
      verbose: () => undefined,
    };
    diag.setLogger(logger, DiagLogLevel.WARN);
  });
  afterEach(async () => {
    diag.disable();
    warnings.length = 0;
    await server.close();
  });

  it('decodes the protobuf exporter body to the same spans as the JSON one, field for field', async () => {
    const memory = new InMemorySpanExporter();
    const provider = await emitSpans(memory);
    const spans = memory.getFinishedSpans();
    expect(spans).toHaveLength(4);
    const url = `${server.url}/raw`;
    expect(await exportOnce(new ProtoExporter({ url }), spans)).toBe(0);
    expect(await exportOnce(new JsonExporter({ url }), spans)).toBe(0);
    const [proto, json] = server.bodies;
    expect(proto?.contentType).toBe('application/x-protobuf');
    expect(json?.contentType).toBe('application/json');
    const fromProto = decodeTraceRequest('protobuf', proto!.body);
    const fromJson = decodeTraceRequest('json', json!.body);
    expect(fromProto).toEqual(fromJson);
    if (!fromProto.ok) throw new Error(fromProto.message);
    const decoded = fromProto.request.resourceSpans.flatMap((rs) => rs.spans);
    expect(fromProto.request.resourceSpans[0]!.resource['service.name']).toBe('checkout');
    // Each decoded field against the SDK's own span: a wrong field number would show here.
    expect(decoded.map((s) => s.spanId)).toEqual(spans.map((s) => s.spanContext().spanId));
    decoded.forEach((d: OtlpSpan, i) => {
      const s = spans[i]!;
      expect(d.traceId).toBe(s.spanContext().traceId);
      expect(d.name).toBe(s.name);
      expect(d.kind).toBe(s.kind === SpanKind.CLIENT ? 'client' : 'server');
      expect(d.startTimeUnixNano).toBe(nanos(s.startTime));
      expect(d.endTimeUnixNano).toBe(nanos(s.endTime));
      expect({ ...d.attributes }).toEqual(s.attributes);
      expect(d.status.code).toBe(['unset', 'ok', 'error'][s.status.code]);
      expect(d.status.message).toBe(s.status.message ?? '');
      expect(d.events.map((e) => [e.name, e.timeUnixNano, { ...e.attributes }])).toEqual(
        s.events.map((e) => [e.name, nanos(e.time), e.attributes]),
      );
    });
    await provider.shutdown();
  });

  it.each([
    ['protobuf', (url: string) => new ProtoExporter({ url, compression: 'gzip' as never })],
    ['JSON', (url: string) => new JsonExporter({ url, compression: 'gzip' as never })],
  ])('turns GenAI spans from the gzipped %s exporter into records', async (_name, make) => {
    await (await emitSpans(make(`${server.url}/v1/traces`))).shutdown();
    expect(server.records).toEqual([
      {
        ts: T0,
        provider: 'openai',
        model: 'gpt-5.1',
        duration_ms: 420,
        stream: false,
        http_status: 200,
        stop_reason: 'stop',
        input_tokens: 21,
        output_tokens: 9,
        source: 'sdk',
        app: 'checkout',
      },
      {
        ts: T0 + 1000,
        provider: 'openai',
        model: 'gpt-5.1',
        duration_ms: 30,
        http_status: 429,
        error_type: 'RateLimitError',
        source: 'sdk',
        app: 'checkout',
      },
    ]);
    expect(server.records.map((r) => classify(r).layer)).toEqual(['none', 'integration']);
    // The exporter read our partialSuccess for the span without a model (one span per export).
    expect(warnings.join('\n')).toMatch(
      /Partial Success.*"rejectedSpans":"?1"?.*no gen_ai\.request\.model/,
    );
  });
});
