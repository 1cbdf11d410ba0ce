// GenAI spans in OTLP/JSON → call records, per spec/call-record.md's OpenTelemetry mapping.
import { classify, type CallRecord } from '@faultline/core';
import { describe, expect, it } from 'vitest';
import { decodeTraceJson, traceRecords } from '../../src/otlp/index.js';
import { jsonRequest, type SpanFixture } from './otlp-json-fixture.js';

const CHAT = { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-5.1' };

function mapJson(body: unknown) {
  const decoded = decodeTraceJson(Buffer.from(JSON.stringify(body)));
  if (!decoded.ok) throw new Error(decoded.message);
  return traceRecords(decoded.request);
}

function mapOne(span: SpanFixture, resource?: Record<string, unknown>): CallRecord {
  const result = mapJson(jsonRequest([span], resource));
  expect(result.rejections).toEqual([]);
  expect(result.records).toHaveLength(1);
  return result.records[0]!;
}

describe('GenAI span → call record', () => {
  it('maps a successful chat span with the new attribute names', () => {
    const record = mapOne({
      startMs: 1_790_000_000_123,
      durationMs: 812.5,
      attributes: {
        ...CHAT,
        'gen_ai.provider.name': 'openai',
        'gen_ai.response.model': 'gpt-5.1-2026-01-01',
        'http.response.status_code': 200,
        'gen_ai.response.finish_reasons': ['stop', 'length'],
        'gen_ai.usage.input_tokens': 31,
        'gen_ai.usage.output_tokens': 7,
        'gen_ai.request.stream': true,
        'gen_ai.response.time_to_first_chunk': 0.25,
        'server.address': 'api.openai.com',
      },
    });
    expect(record).toEqual({
      ts: 1_790_000_000_123,
      provider: 'openai',
      model: 'gpt-5.1',
      duration_ms: 812.5,
      ttft_ms: 250,
      stream: true,
      http_status: 200,
      stop_reason: 'stop',
      input_tokens: 31,
      output_tokens: 7,
      source: 'sdk',
      app: 'checkout',
      server_address: 'api.openai.com',
    });
    expect(classify(record).layer).toBe('none');
  });

  it('reads the older gen_ai.system and prompt/completion token names', () => {
    const record = mapOne({
      attributes: {
        ...CHAT,
        'gen_ai.system': 'anthropic',
        'gen_ai.usage.prompt_tokens': 12,
        'gen_ai.usage.completion_tokens': 3,
      },
    });
    expect(record).toMatchObject({ provider: 'anthropic', input_tokens: 12, output_tokens: 3 });
  });

  it.each([
    ['aws.bedrock', undefined, 'bedrock'],
    ['azure.ai.openai', undefined, 'azure-openai'],
    ['gcp.gemini', undefined, 'google'],
    ['gcp.vertex_ai', undefined, 'vertex'],
    ['gcp.gen_ai', 'us-central1-aiplatform.googleapis.com', 'vertex'],
    ['gcp.gen_ai', 'generativelanguage.googleapis.com', 'google'],
    ['mistral_ai', undefined, 'mistral_ai'],
  ])('names provider %s (host %s) as %s', (name, host, provider) => {
    const attributes: Record<string, unknown> = { ...CHAT, 'gen_ai.provider.name': name };
    if (host !== undefined) attributes['server.address'] = host;
    expect(mapOne({ attributes }).provider).toBe(provider);
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>, Partial<CallRecord>, string]>([
    [
      'an SDK RateLimitError as a 429',
      { 'error.type': 'RateLimitError' },
      { code: 2, message: '429 Rate limit reached for gpt-5.1' },
      { http_status: 429, error_type: 'RateLimitError' },
      'integration',
    ],
    [
      'an SDK InternalServerError with the status its message starts with',
      { 'error.type': 'InternalServerError' },
      { code: 2, message: '503 The server is overloaded' },
      { http_status: 503, error_type: 'InternalServerError' },
      'provider',
    ],
    [
      'an error.type that is a status number',
      { 'error.type': '529' },
      { code: 2 },
      { http_status: 529 },
      'provider',
    ],
    [
      'a transport code as network_error',
      { 'error.type': 'ECONNRESET' },
      { code: 2, message: 'socket hang up' },
      { network_error: 'ECONNRESET' },
      'network',
    ],
    [
      'an SDK connection error with no cause',
      { 'error.type': 'APIConnectionError' },
      { code: 'STATUS_CODE_ERROR', message: 'Connection error.' },
      { network_error: 'ERR_FETCH_FAILED', error_type: 'APIConnectionError' },
      'network',
    ],
    [
      'the status attribute over the error type',
      { 'error.type': '500', 'http.response.status_code': '502' },
      { code: 2 },
      { http_status: 502 },
      'provider',
    ],
    [
      'a provider error word',
      { 'error.type': 'overloaded_error' },
      { code: 2 },
      { error_type: 'overloaded_error' },
      'provider',
    ],
  ])('maps %s', (_name, attrs, status, expected, layer) => {
    const record = mapOne({ attributes: { ...CHAT, 'gen_ai.system': 'openai', ...attrs }, status });
    expect(record).toMatchObject(expected);
    expect(classify(record).layer).toBe(layer);
  });

  it('takes the error from an exception event when error.type is missing (Traceloop)', () => {
    const record = mapOne({
      attributes: { ...CHAT, 'gen_ai.provider.name': 'anthropic' },
      status: { code: 2 },
      events: [
        {
          name: 'exception',
          timeUnixNano: '1790000000100000000',
          attributes: [
            { key: 'exception.type', value: { stringValue: 'InternalServerError' } },
            { key: 'exception.message', value: { stringValue: '529 Overloaded' } },
            { key: 'exception.stacktrace', value: { stringValue: 'at secret.js:1' } },
          ],
        },
      ],
    });
    expect(record).toMatchObject({ http_status: 529, error_type: 'InternalServerError' });
    expect(JSON.stringify(record)).not.toContain('secret.js');
  });

  it('marks a span with status ERROR and nothing else as a failure', () => {
    const record = mapOne({
      attributes: { ...CHAT, 'gen_ai.system': 'openai' },
      status: { code: 2 },
    });
    expect(record.error_type).toBe('_OTHER');
    expect(classify(record).layer).not.toBe('none');
  });

  it('never copies prompt or output text into the record', () => {
    const record = mapOne({
      attributes: {
        ...CHAT,
        'gen_ai.system': 'openai',
        'gen_ai.prompt': 'PROMPT-TEXT',
        'gen_ai.completion': 'OUTPUT-TEXT',
        'gen_ai.input.messages': '[{"role":"user","content":"PROMPT-TEXT"}]',
      },
      events: [
        {
          name: 'gen_ai.choice',
          attributes: [{ key: 'content', value: { stringValue: 'OUTPUT-TEXT' } }],
        },
      ],
    });
    expect(JSON.stringify(record)).not.toMatch(/PROMPT-TEXT|OUTPUT-TEXT/);
  });

  it('never copies an error message or a free-form error.type, which may echo the request', () => {
    const record = mapOne({
      attributes: {
        ...CHAT,
        'gen_ai.system': 'openai',
        'error.type': 'Invalid value: PROMPT-TEXT',
      },
      status: { code: 2, message: '401 Incorrect API key provided: sk-proj-abcdefgh1234' },
    });
    expect(record).toMatchObject({ http_status: 401, error_type: '_OTHER' });
    expect(JSON.stringify(record)).not.toMatch(/PROMPT-TEXT|sk-proj/);
  });

  it('drops the SDK default service name', () => {
    const record = mapOne(
      { attributes: { ...CHAT, 'gen_ai.system': 'openai' } },
      { 'service.name': 'unknown_service:node' },
    );
    expect(record.app).toBeUndefined();
  });

  it('ignores spans that are not GenAI calls and rejects GenAI spans that cannot map', () => {
    const result = mapJson(
      jsonRequest([
        { attributes: { 'http.request.method': 'GET' } },
        { kind: 1, attributes: { 'gen_ai.operation.name': 'execute_tool' } },
        { kind: 'SPAN_KIND_CLIENT', attributes: { 'gen_ai.system': 'openai' }, spanId: 'aa01' },
        { kind: 1, attributes: { 'gen_ai.system': 'openai', 'gen_ai.request.model': 'gpt-5.1' } },
        { attributes: { ...CHAT }, spanId: 'AA02' },
      ]),
    );
    expect(result.ignoredSpans).toBe(2);
    expect(result.records).toHaveLength(1); // the INTERNAL span naming provider and model
    expect(result.rejectedSpans).toBe(2);
    expect(result.rejections).toEqual([
      'span aa01: no gen_ai.request.model',
      'span aa02: no gen_ai.provider.name',
    ]);
  });
});

describe('OTLP/JSON decoding', () => {
  it('accepts numbers for 64-bit integers, enum names, upper-case hex ids and every AnyValue', () => {
    const decoded = decodeTraceJson(
      Buffer.from(
        JSON.stringify({
          resourceSpans: [
            {
              scopeSpans: [
                {
                  spans: [
                    {
                      traceId: 'ABCDEF0123456789ABCDEF0123456789',
                      spanId: 'ABCDEF0123456789',
                      kind: 'SPAN_KIND_CLIENT',
                      startTimeUnixNano: 1_790_000_000_000_000,
                      status: { code: 'STATUS_CODE_ERROR', message: 'boom' },
                      unknownField: { ignored: true },
                      attributes: [
                        { key: 's', value: { stringValue: 'x' } },
                        { key: 'b', value: { boolValue: false } },
                        { key: 'i', value: { intValue: '42' } },
                        { key: 'n', value: { intValue: 43 } },
                        { key: 'd', value: { doubleValue: 0.5 } },
                        { key: 'a', value: { arrayValue: { values: [{ stringValue: 'stop' }] } } },
                        {
                          key: 'k',
                          value: {
                            kvlistValue: { values: [{ key: 'z', value: { intValue: '1' } }] },
                          },
                        },
                        { key: 'y', value: { bytesValue: 'AQI=' } },
                        { key: '__proto__', value: { stringValue: 'just a key' } },
                        { key: 'empty', value: {} },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        }),
      ),
    );
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const span = decoded.request.resourceSpans[0]!.spans[0]!;
    expect(span).toMatchObject({
      traceId: 'abcdef0123456789abcdef0123456789',
      spanId: 'abcdef0123456789',
      kind: 'client',
      startTimeUnixNano: 1_790_000_000_000_000n,
      endTimeUnixNano: undefined,
      status: { code: 'error', message: 'boom' },
    });
    expect({ ...span.attributes }).toEqual({
      s: 'x',
      b: false,
      i: 42,
      n: 43,
      d: 0.5,
      a: ['stop'],
      k: { z: 1 },
      y: Buffer.from([1, 2]),
      ['__proto__']: 'just a key',
    });
  });

  it.each([
    ['not JSON', '{"resourceSpans": ['],
    ['not an object', '[1,2]'],
    ['resourceSpans not an array', '{"resourceSpans": {}}'],
    ['spans not an array', '{"resourceSpans": [{"scopeSpans": [{"spans": 3}]}]}'],
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0x7d])],
  ])('refuses a body that is %s', (_name, body) => {
    const decoded = decodeTraceJson(typeof body === 'string' ? Buffer.from(body) : body);
    expect(decoded.ok).toBe(false);
  });
});
