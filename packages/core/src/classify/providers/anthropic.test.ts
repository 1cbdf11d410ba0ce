import { describe } from 'vitest';
import { classifiesEach } from '../../../test/classification-table.js';

const err = (http_status: number, error_type: string, error_message = '', extra = {}) => ({
  http_status,
  error_type,
  error_message,
  request_id: 'req_011CSHoEeqs5C35K2UUqR7Fy',
  content_type: 'application/json',
  ...extra,
});

describe('anthropic — error-taxonomy.md §1', () => {
  classifiesEach('anthropic', [
    [
      '§1.1 400 invalid_request_error',
      err(400, 'invalid_request_error', 'messages: field required'),
      'integration/bad_request/ours',
      false,
    ],
    [
      '§1.1 400 prompt is too long',
      err(400, 'invalid_request_error', 'prompt is too long: 210000 tokens > 200000 maximum'),
      'integration/context_length',
      false,
    ],
    [
      '§1.1 400 self-set workspace spend limit',
      err(
        400,
        'invalid_request_error',
        'You have reached your specified workspace API usage limits. You will regain access on 2026-12-01',
      ),
      'integration/quota_exhausted',
      false,
    ],
    [
      '§1.1 400 credit balance too low',
      err(
        400,
        'invalid_request_error',
        'Your credit balance is too low to access the Anthropic API.',
      ),
      'integration/billing',
      false,
    ],
    [
      '§1.1 401 authentication_error',
      err(401, 'authentication_error', 'invalid x-api-key'),
      'integration/auth/ours',
      false,
    ],
    [
      '§1.1 401 CORS policy, not a bad key',
      err(401, 'authentication_error', 'CORS requests are not allowed for this Organization'),
      'integration/permission',
      false,
    ],
    ['§1.1 402 billing_error', err(402, 'billing_error'), 'integration/billing', false],
    ['§1.1 403 permission_error', err(403, 'permission_error'), 'integration/permission', false],
    [
      '§1.1 403 HTML "Just a moment…" is Cloudflare, not permission',
      { http_status: 403, content_type: 'text/html; charset=UTF-8' },
      'network/edge_rejected/unknown',
    ],
    [
      '§1.1 404 not_found_error (unknown model)',
      err(404, 'not_found_error', 'model: claude-opus-9'),
      'integration/not_found',
      false,
    ],
    [
      '§1.1 409 conflict_error (SDK retries)',
      err(409, 'conflict_error'),
      'integration/client_error',
      true,
    ],
    [
      '§1.1 413 request_too_large from Cloudflare, no request id',
      { http_status: 413, content_type: 'text/html' },
      'integration/request_too_large',
      false,
    ],
    [
      '§1.1 413 request_too_large with body',
      err(413, 'request_too_large'),
      'integration/request_too_large',
      false,
    ],
    [
      '§1.1 429 rate_limit_error (RPM/ITPM/OTPM)',
      err(
        429,
        'rate_limit_error',
        'Number of request tokens has exceeded your per-minute rate limit',
        { retry_after_ms: 12000 },
      ),
      'integration/rate_limited/ours',
      true,
    ],
    [
      '§1.1 429 acceleration limit',
      err(429, 'rate_limit_error', 'acceleration limit exceeded'),
      'integration/rate_limited',
      true,
    ],
    [
      '§1.1 429 enforced_spend_limit_reached (tier spend cap, never retry)',
      err(429, 'rate_limit_error', 'You have reached your monthly spend limit', {
        error_code: 'enforced_spend_limit_reached',
      }),
      'integration/quota_exhausted/ours',
      false,
    ],
    [
      '§1.1 500 api_error',
      err(500, 'api_error', 'Internal server error'),
      'provider/server_error/provider',
      true,
    ],
    ['§1.1 504 timeout_error', err(504, 'timeout_error'), 'provider/timeout', true],
    [
      '§1.1 529 overloaded_error',
      err(529, 'overloaded_error', 'Overloaded'),
      'provider/overloaded/provider',
      true,
    ],
    ['§1.1 529 with no body', { http_status: 529 }, 'provider/overloaded', true],
    [
      '§1.1 unknown future error type on a 5xx degrades',
      err(503, 'brand_new_error'),
      'provider/unavailable',
    ],
    [
      '§1.3 SSE error event overloaded_error inside a 200 stream',
      {
        http_status: 200,
        stream: true,
        stream_error_type: 'overloaded_error',
        stream_completed: false,
      },
      'provider/overloaded',
      true,
    ],
    [
      '§1.3 SSE error event api_error inside a 200 stream',
      { http_status: 200, stream: true, stream_error_type: 'api_error', stream_completed: false },
      'provider/stream_error',
      true,
    ],
    [
      '§1.3 overload as the first SSE event (no tokens yet)',
      { http_status: 200, stream: true, stream_error_type: 'overloaded_error', output_chars: 0 },
      'provider/overloaded',
    ],
    [
      '§1.3 unknown SSE error type',
      { http_status: 200, stream: true, stream_error_type: 'mystery_error' },
      'provider/stream_error',
    ],
    [
      '§2.5 error event recorded by the SDK with status undefined',
      { stream_error_type: 'overloaded_error' },
      'provider/overloaded',
    ],
    [
      '§1.5 end_turn with text',
      { http_status: 200, stop_reason: 'end_turn', output_tokens: 120, output_chars: 480 },
      'none/ok',
      false,
    ],
    [
      '§1.5 end_turn empty (2–3 tokens, no content)',
      { http_status: 200, stop_reason: 'end_turn', output_tokens: 3, output_chars: 0 },
      'model/empty/provider',
    ],
    [
      '§1.5 max_tokens',
      { http_status: 200, stop_reason: 'max_tokens', output_tokens: 1024, output_chars: 4000 },
      'model/truncated/provider',
      false,
    ],
    [
      '§1.5 model_context_window_exceeded',
      { http_status: 200, stop_reason: 'model_context_window_exceeded', output_chars: 10 },
      'model/truncated',
    ],
    [
      '§1.5 refusal',
      { http_status: 200, stop_reason: 'refusal', output_chars: 0 },
      'model/refusal',
      false,
    ],
    [
      '§1.5 stop_sequence',
      { http_status: 200, stop_reason: 'stop_sequence', output_chars: 12 },
      'none/ok',
    ],
    [
      '§1.5 tool_use with no text is not empty',
      { http_status: 200, stop_reason: 'tool_use', output_chars: 0, output_tokens: 40 },
      'none/ok',
    ],
    [
      '§1.5 pause_turn',
      { http_status: 200, stop_reason: 'pause_turn', output_chars: 0, output_tokens: 10 },
      'none/ok',
    ],
    [
      '§1.5 compaction (beta) with output',
      { http_status: 200, stop_reason: 'compaction', output_chars: 50 },
      'none/ok',
    ],
    [
      '§7.7 stream closed without message_stop',
      { http_status: 200, stream: true, stream_completed: false, output_chars: 300 },
      'provider/stream_error',
    ],
    [
      '§2.5 TypeError terminated / UND_ERR_SOCKET after 200',
      { http_status: 200, stream: true, network_error: 'UND_ERR_SOCKET', stream_completed: false },
      'provider/stream_error',
    ],
    [
      '§2.5 UND_ERR_BODY_TIMEOUT stall after 200',
      { http_status: 200, stream: true, network_error: 'UND_ERR_BODY_TIMEOUT' },
      'provider/timeout',
    ],
  ]);
});
