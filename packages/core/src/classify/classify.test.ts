import { describe, expect, it } from 'vitest';
import { classifiesEach } from '../../test/classification-table.js';
import { classify } from './classify.js';
import { LAYERS, OWNERS, REASONS_BY_LAYER } from './vocabulary.js';
import type { CallRecord } from '../records/index.js';

describe('intermediaries — error-taxonomy.md §7.2', () => {
  classifiesEach('anthropic', [
    [
      '§7.2 403 HTML challenge without request id',
      { http_status: 403, content_type: 'text/html' },
      'network/edge_rejected/unknown',
      false,
    ],
    [
      '§7.2 429 HTML from an edge',
      { http_status: 429, content_type: 'text/html; charset=utf-8' },
      'network/edge_rejected',
    ],
    [
      '§7.2 502 HTML from a corporate proxy',
      { http_status: 502, content_type: 'text/html' },
      'network/proxy',
      true,
    ],
    [
      '§7.2 407 proxy authentication required',
      { http_status: 407, content_type: 'text/html' },
      'network/proxy',
    ],
    [
      '§7.2 503 plain text with no error type and no request id',
      { http_status: 503, content_type: 'text/plain' },
      'network/proxy',
    ],
    [
      '§7.2 HTML error page carrying the provider request id reached the provider',
      { http_status: 503, content_type: 'text/html', request_id: 'req_1' },
      'provider/unavailable',
    ],
    [
      '§7.2 JSON without request id is judged on its body',
      { http_status: 529, content_type: 'application/json', error_type: 'overloaded_error' },
      'provider/overloaded',
    ],
    [
      '§7.2 413 HTML from Cloudflare is still our request size',
      { http_status: 413, content_type: 'text/html' },
      'integration/request_too_large',
    ],
  ]);
});

describe('degrading on unknown values — diagnosis.md', () => {
  classifiesEach('anthropic', [
    ['unknown 5xx → provider/server_error', { http_status: 599 }, 'provider/server_error', true],
    [
      'unknown 4xx → integration/client_error',
      { http_status: 418 },
      'integration/client_error',
      false,
    ],
    [
      'unknown stop reason with output → none/ok',
      { http_status: 200, stop_reason: 'brand_new_reason', output_chars: 10 },
      'none/ok',
    ],
    ['3xx reaching the caller is our base URL', { http_status: 301 }, 'integration/client_error'],
    ['a 200 with nothing else is ok', { http_status: 200 }, 'none/ok'],
    [
      'no text but a passed empty check (tool calls, images) is ok',
      { http_status: 200, stop_reason: 'end_turn', output_chars: 0, checks: { empty: true } },
      'none/ok',
    ],
    [
      'a non-streamed 200 that is an error object is a server error, not a broken stream',
      { http_status: 200, error_type: 'response.failed', error_code: 'server_error' },
      'provider/server_error',
    ],
    [
      'an error event inside a 200 stream is still a stream error',
      { http_status: 200, stream: true, stream_error_type: 'api_error' },
      'provider/stream_error',
    ],
    [
      'no status and no error at all is ok (nothing says otherwise)',
      { duration_ms: 900 },
      'none/ok',
    ],
    ['error type with no status and no rule', { error_type: 'weird' }, 'provider/server_error'],
    [
      'broad type with no status',
      { error_type: 'invalid_request_error' },
      'integration/bad_request',
    ],
    ['408 from the server', { http_status: 408 }, 'provider/timeout'],
    ['generic 502 with request id', { http_status: 502, request_id: 'r' }, 'provider/server_error'],
    ['generic 503', { http_status: 503, request_id: 'r' }, 'provider/unavailable'],
    ['generic 504', { http_status: 504, request_id: 'r' }, 'provider/timeout'],
    ['Cloudflare 522 origin timeout', { http_status: 522, request_id: 'r' }, 'provider/timeout'],
  ]);
});

describe('output checks on HTTP 200 — error-taxonomy.md §7.7', () => {
  classifiesEach('openai', [
    [
      'checks all passing',
      {
        http_status: 200,
        stop_reason: 'stop',
        output_chars: 10,
        checks: { json_valid: true, golden: true },
      },
      'none/ok',
    ],
    [
      'json_valid false → malformed',
      { http_status: 200, stop_reason: 'stop', output_chars: 10, checks: { json_valid: false } },
      'model/malformed',
      true,
    ],
    [
      'golden canary false → check_failed',
      { http_status: 200, stop_reason: 'stop', output_chars: 10, checks: { golden: false } },
      'model/check_failed/provider',
      true,
    ],
    [
      'user check false → check_failed',
      {
        http_status: 200,
        stop_reason: 'stop',
        output_chars: 10,
        checks: { has_citation: true, schema: false },
      },
      'model/check_failed',
    ],
    [
      'built-in empty check false → empty',
      { http_status: 200, stop_reason: 'stop', output_chars: 10, checks: { empty: false } },
      'model/empty',
    ],
    [
      'stop reason outranks checks',
      { http_status: 200, stop_reason: 'length', output_chars: 10, checks: { json_valid: false } },
      'model/truncated',
    ],
    [
      'a refusal check outranks empty output (OpenAI message.refusal, finish stop)',
      {
        http_status: 200,
        stop_reason: 'stop',
        output_chars: 0,
        checks: { refusal: false, truncated: true, empty: true },
      },
      'model/refusal',
    ],
    [
      'zero output tokens is empty',
      { http_status: 200, stop_reason: 'stop', output_tokens: 0 },
      'model/empty',
      true,
    ],
    [
      'zero chars with stop is empty',
      { http_status: 200, stop_reason: 'stop', output_chars: 0, output_tokens: 2 },
      'model/empty',
    ],
    [
      'stop reason case is tolerated',
      { http_status: 200, stop_reason: 'Max_Tokens', output_chars: 3 },
      'model/truncated',
    ],
  ]);
});

describe('classify', () => {
  it('returns shared frozen objects', () => {
    const a = classify({ ts: 0, provider: 'anthropic', model: 'm', http_status: 529 });
    const b = classify({ ts: 1, provider: 'openai', model: 'x', http_status: 529 });
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
  });

  it('never throws and stays inside the closed sets on arbitrary field values', () => {
    const values: unknown[] = [
      undefined,
      null,
      0,
      1,
      200,
      404,
      429,
      503,
      529,
      -1,
      1e9,
      '',
      'x',
      'STOP',
      true,
      false,
      {},
      [],
      { a: false },
      'cloudflare',
      'api.openai.com',
      '__proto__',
      'Resource exhausted, try again later',
      '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
      '{"error":{"type":{"__proto__":1},"details":[],"message":7}}',
      `{"error":{"type":"${'x'.repeat(5000)}"}}`,
    ];
    const fields = [
      'http_status',
      'error_type',
      'error_code',
      'error_message',
      'network_error',
      'stop_reason',
      'stream',
      'stream_completed',
      'stream_error_type',
      'output_chars',
      'output_tokens',
      'checks',
      'aborted_by',
      'content_type',
      'request_id',
      'timeout_ms',
      'duration_ms',
      'edge',
      'server_address',
    ];
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let i = 0; i < 5000; i++) {
      const rec: Record<string, unknown> = {
        ts: 0,
        provider: ['anthropic', 'openai', 'google', 'vertex', 'bedrock', 'azure-openai', 'other'][
          rand(7)
        ],
        model: 'm',
      };
      for (const f of fields) if (rand(3) === 0) rec[f] = values[rand(values.length)];
      const got = classify(rec as unknown as CallRecord);
      expect(LAYERS).toContain(got.layer);
      expect(REASONS_BY_LAYER[got.layer] as readonly string[]).toContain(got.reason);
      expect(OWNERS).toContain(got.owner);
      expect(typeof got.retryable).toBe('boolean');
    }
  });

  it('never gives the incident-only reason slow to a single call', () => {
    const statuses = [
      200, 400, 401, 403, 404, 408, 409, 413, 422, 429, 500, 502, 503, 504, 529, 599,
    ];
    for (const http_status of statuses) {
      expect(
        classify({ ts: 0, provider: 'openai', model: 'm', http_status, duration_ms: 1e7 }).reason,
      ).not.toBe('slow');
    }
  });
});
