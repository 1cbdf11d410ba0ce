/** A deterministic, realistic mix of call records (benchmarks, CLI tests): every classifier branch is hit. */
import type { CallRecord } from '@faultline/core';

type Template = readonly [weight: number, fields: Partial<CallRecord>];

const TEMPLATES: readonly Template[] = [
  [880, { http_status: 200, stop_reason: 'end_turn', output_tokens: 412, output_chars: 1630 }],
  [
    40,
    {
      http_status: 200,
      stream: true,
      stream_completed: true,
      stop_reason: 'stop',
      output_chars: 900,
      checks: { json_valid: true },
    },
  ],
  [10, { http_status: 200, stop_reason: 'max_tokens', output_tokens: 1024, output_chars: 4100 }],
  [5, { http_status: 200, stop_reason: 'refusal', output_chars: 0 }],
  [3, { http_status: 200, stop_reason: 'STOP', output_chars: 0, output_tokens: 0 }],
  [3, { http_status: 200, stop_reason: 'stop', output_chars: 80, checks: { json_valid: false } }],
  [
    5,
    {
      http_status: 529,
      error_type: 'overloaded_error',
      error_message: 'Overloaded',
      request_id: 'req_011CX',
    },
  ],
  [
    3,
    {
      http_status: 500,
      error_type: 'api_error',
      error_message: 'Internal server error',
      request_id: 'req_011CY',
    },
  ],
  [
    3,
    {
      http_status: 503,
      error_type: 'service_unavailable_error',
      error_code: 'server_is_overloaded',
      request_id: 'req_8d',
    },
  ],
  [
    3,
    {
      http_status: 400,
      error_type: 'invalid_request_error',
      error_message: 'prompt is too long: 210000 tokens > 200000 maximum',
      request_id: 'req_1',
    },
  ],
  [
    3,
    {
      http_status: 429,
      error_type: 'rate_limit_error',
      error_message: 'rate limit',
      retry_after_ms: 2000,
      request_id: 'req_2',
    },
  ],
  [
    2,
    {
      http_status: 429,
      error_type: 'tokens',
      error_code: 'rate_limit_exceeded',
      error_message: 'Rate limit reached for gpt-5.1 on tokens per min (TPM)',
      request_id: 'req_3',
    },
  ],
  [
    2,
    {
      http_status: 429,
      error_type: 'RESOURCE_EXHAUSTED',
      error_message: 'Resource exhausted, please try again later.',
    },
  ],
  [
    2,
    {
      http_status: 401,
      error_type: 'authentication_error',
      error_message: 'invalid x-api-key',
      request_id: 'req_4',
    },
  ],
  [2, { http_status: 403, content_type: 'text/html' }],
  [2, { network_error: 'ECONNRESET', duration_ms: 40 }],
  [2, { network_error: 'UND_ERR_CONNECT_TIMEOUT', duration_ms: 10003 }],
  [
    2,
    {
      http_status: 200,
      stream: true,
      stream_error_type: 'overloaded_error',
      stream_completed: false,
    },
  ],
  [2, { http_status: 200, stream: true, network_error: 'UND_ERR_SOCKET', stream_completed: false }],
  [2, { aborted_by: 'timeout', timeout_ms: 30000, duration_ms: 30001 }],
  [2, { aborted_by: 'caller', duration_ms: 1200 }],
  [
    1,
    {
      http_status: 400,
      error_type: 'ValidationException',
      error_message: 'Input is too long for requested model.',
    },
  ],
  [1, { http_status: 400, error_code: 'content_filter', error_message: 'filtered' }],
];

const PROVIDERS = ['anthropic', 'openai', 'google', 'vertex', 'bedrock', 'azure-openai'] as const;
const MODELS: Record<(typeof PROVIDERS)[number], string> = {
  anthropic: 'claude-opus-4-7',
  openai: 'gpt-5.1',
  google: 'gemini-2.5-pro',
  vertex: 'gemini-2.5-flash',
  bedrock: 'anthropic.claude-sonnet-4-6',
  'azure-openai': 'gpt-4.1',
};

/** `count` call records, the same for the same `seed`, one per 60 ms from 2026-11-22T00:00Z. */
export function* generateCallMix(count: number, seed = 42): Generator<CallRecord> {
  const total = TEMPLATES.reduce((sum, [w]) => sum + w, 0);
  let state = seed >>> 0 || 1;
  const next = (): number => {
    // xorshift32: fast and reproducible
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const start = Date.UTC(2026, 10, 22);
  for (let i = 0; i < count; i++) {
    let pick = next() * total;
    let fields: Partial<CallRecord> = TEMPLATES[0]![1];
    for (const [w, f] of TEMPLATES) {
      if ((pick -= w) < 0) {
        fields = f;
        break;
      }
    }
    const provider = PROVIDERS[Math.floor(next() * PROVIDERS.length)]!;
    yield {
      ts: new Date(start + i * 60).toISOString(),
      provider,
      model: MODELS[provider],
      duration_ms: Math.round(200 + next() * 3000),
      attempt: 1,
      source: 'sdk',
      app: 'search',
      ...fields,
    };
  }
}
