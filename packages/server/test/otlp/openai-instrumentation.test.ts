// @opentelemetry/instrumentation-openai around the real openai SDK, calling the fake provider,
// exporting with the real protobuf exporter into /v1/traces.
import { metrics } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { OpenAIInstrumentation } from '@opentelemetry/instrumentation-openai';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { classify } from '@faultline/core';
import { startFakeProvider, type FakeProvider } from '@faultline/fake-provider';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTracesServer, type TracesServer } from './traces-server.js';

const PROMPT = 'PROMPT-TEXT-never-in-a-record';

describe('instrumentation-openai spans through /v1/traces', () => {
  let fake: FakeProvider;
  let server: TracesServer;
  let tracing: BasicTracerProvider;
  let instrumentation: OpenAIInstrumentation;
  let client: OpenAI;

  beforeAll(async () => {
    fake = await startFakeProvider({ seed: 3 });
    server = await startTracesServer();
    tracing = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': 'support-bot' }),
      spanProcessors: [
        new SimpleSpanProcessor(new OTLPTraceExporter({ url: `${server.url}/v1/traces` })),
      ],
    });
    // Content capture on: the prompt then travels in the telemetry, and must still stay out of
    // records.
    instrumentation = new OpenAIInstrumentation({ captureMessageContent: true });
    instrumentation.setTracerProvider(tracing);
    // Its metric instruments are class fields, reset after the base constructor made them: they
    // exist only once a meter provider is set again (else every failure throws inside its handler).
    instrumentation.setMeterProvider(metrics.getMeterProvider());
    // vitest loads `openai` as ESM, which the require hook never sees: patch the class we use
    // through the instrumentation's own module definition (its CommonJS branch reads `.OpenAI`).
    for (const definition of instrumentation.getModuleDefinitions()) {
      definition.patch?.({ OpenAI }, '6.49.0');
    }
    client = new OpenAI({ apiKey: 'test', baseURL: `${fake.url}/v1`, maxRetries: 0 });
  });
  afterAll(async () => {
    for (const definition of instrumentation.getModuleDefinitions()) {
      definition.unpatch?.({ OpenAI }, '6.49.0');
    }
    instrumentation.disable();
    await tracing.shutdown();
    await server.close();
    await fake.close();
  });
  beforeEach(() => {
    fake.clearFaults();
    server.records.length = 0;
  });

  async function chat(): Promise<unknown> {
    try {
      return await client.chat.completions.create({
        model: 'gpt-5.1',
        messages: [{ role: 'user', content: PROMPT }],
      });
    } catch (e: unknown) {
      return e;
    } finally {
      // The instrumentation ends the span in its own promise handlers, a few microtasks after
      // ours: let them run, then wait for the export.
      await new Promise((resolve) => setImmediate(resolve));
      await tracing.forceFlush();
    }
  }

  it('maps a successful chat completion to an ok record', async () => {
    const result = (await chat()) as OpenAI.Chat.ChatCompletion;
    expect(result.choices[0]?.finish_reason).toBe('stop');
    expect(server.records).toHaveLength(1);
    const record = server.records[0]!;
    expect(record).toMatchObject({
      provider: 'openai',
      model: 'gpt-5.1',
      stop_reason: 'stop',
      input_tokens: result.usage?.prompt_tokens,
      output_tokens: result.usage?.completion_tokens,
      server_address: '127.0.0.1',
      source: 'sdk',
      app: 'support-bot',
    });
    expect(record.duration_ms).toBeGreaterThan(0);
    expect(classify(record)).toMatchObject({ layer: 'none', reason: 'ok' });
    expect(JSON.stringify(record)).not.toContain(PROMPT);
  });

  it.each([
    [503, { http_status: 503, error_type: 'InternalServerError' }, 'provider'],
    [429, { http_status: 429, error_type: 'RateLimitError' }, 'integration'],
  ])(
    'maps a %i failure to a record whose layer classify can tell',
    async (status, fields, layer) => {
      fake.addFaults({ provider: 'openai', fault: { kind: 'status', status } });
      const error = await chat();
      expect(error).toBeInstanceOf(OpenAI.APIError);
      expect(server.records).toHaveLength(1);
      const record = server.records[0]!;
      expect(record).toMatchObject({ provider: 'openai', model: 'gpt-5.1', ...fields });
      expect(classify(record).layer).toBe(layer);
      expect(JSON.stringify(record)).not.toContain(PROMPT);
    },
  );
});
