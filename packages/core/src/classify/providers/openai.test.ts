import { describe } from 'vitest';
import { classifiesEach } from '../../../test/classification-table.js';

const err = (
  http_status: number,
  error_type: string | undefined,
  error_code?: string,
  error_message = '',
) => ({
  http_status,
  ...(error_type === undefined ? {} : { error_type }),
  ...(error_code === undefined ? {} : { error_code }),
  error_message,
  request_id: 'req_8d2f1c',
  content_type: 'application/json',
});

describe('openai — error-taxonomy.md §3', () => {
  classifiesEach('openai', [
    [
      '§3.1 400 context_length_exceeded',
      err(
        400,
        'invalid_request_error',
        'context_length_exceeded',
        "This model's maximum context length is 128000 tokens.",
      ),
      'integration/context_length/ours',
      false,
    ],
    [
      '§3.1 400 context length by message only',
      err(
        400,
        'invalid_request_error',
        undefined,
        "This model's maximum context length is 8192 tokens",
      ),
      'integration/context_length',
    ],
    [
      '§3.1 400 invalid service_tier',
      err(400, 'invalid_request_error', undefined, 'Invalid service_tier argument'),
      'integration/bad_request',
      false,
    ],
    [
      '§3.1 401 invalid_api_key',
      err(401, 'invalid_request_error', 'invalid_api_key', 'Incorrect API key provided: sk-…'),
      'integration/auth/ours',
      false,
    ],
    [
      '§3.1 401 IP not authorized (type invalid_request_error, status decides)',
      err(401, 'invalid_request_error', undefined, 'IP not authorized'),
      'integration/auth',
    ],
    [
      '§3.1 401 must be a member of an organization',
      err(401, 'invalid_request_error', 'no_organization'),
      'integration/auth',
    ],
    [
      '§3.1 403 country, region, or territory not supported',
      err(
        403,
        'request_forbidden',
        'unsupported_country_region_territory',
        'Country, region, or territory not supported',
      ),
      'integration/permission',
    ],
    [
      '§3.1 403 project lacks model access',
      err(403, undefined, undefined, 'Project `proj_1` does not have access to model gpt-5.1'),
      'integration/permission',
    ],
    [
      '§3.1 404 model_not_found',
      err(404, 'invalid_request_error', 'model_not_found', 'The model `gpt-9` does not exist'),
      'integration/not_found',
      false,
    ],
    [
      '§3.1 429 rate_limit_exceeded (TPM)',
      err(
        429,
        'tokens',
        'rate_limit_exceeded',
        'Rate limit reached for gpt-5.1 on tokens per min (TPM): Limit 30000, Used 29000, Requested 2000',
      ),
      'integration/rate_limited/ours',
      true,
    ],
    [
      '§3.1 429 type requests (observed)',
      err(429, 'requests', undefined, 'Rate limit reached on requests per min'),
      'integration/rate_limited',
      true,
    ],
    [
      '§3.1 429 Request too large for TPM = one request over the limit',
      err(
        429,
        'tokens',
        'rate_limit_exceeded',
        'Request too large for gpt-5.1 on tokens per min (TPM)',
      ),
      'integration/request_too_large',
      false,
    ],
    [
      '§3.1 429 slow_down (ramp-rate protection)',
      err(
        429,
        'rate_limit_error',
        'slow_down',
        'Please reduce the rate at which you send requests',
      ),
      'provider/overloaded/provider',
      true,
    ],
    [
      '§3.1 429 insufficient_quota (legacy code)',
      err(429, 'insufficient_quota', 'insufficient_quota', 'You exceeded your current quota'),
      'integration/quota_exhausted/ours',
      false,
    ],
    [
      '§3.1 429 insufficient_quota (type only, code null)',
      err(429, 'insufficient_quota'),
      'integration/quota_exhausted',
      false,
    ],
    [
      '§3.1 429 credit_balance_exhausted',
      err(429, 'insufficient_quota', 'credit_balance_exhausted'),
      'integration/billing',
      false,
    ],
    [
      '§3.1 429 organization_spend_limit_exceeded',
      err(429, 'insufficient_quota', 'organization_spend_limit_exceeded'),
      'integration/quota_exhausted',
      false,
    ],
    [
      '§3.1 429 project_spend_limit_exceeded',
      err(429, 'insufficient_quota', 'project_spend_limit_exceeded'),
      'integration/quota_exhausted',
      false,
    ],
    [
      '§3.1 429 organization_usage_limit_exceeded',
      err(429, 'insufficient_quota', 'organization_usage_limit_exceeded'),
      'integration/quota_exhausted',
      false,
    ],
    [
      '§3.1 500 server_error',
      err(500, 'server_error', undefined, 'The server had an error while processing your request'),
      'provider/server_error/provider',
      true,
    ],
    [
      '§3.1 503 server_is_overloaded',
      err(
        503,
        'service_unavailable_error',
        'server_is_overloaded',
        'The requested model does not have enough capacity',
      ),
      'provider/overloaded/provider',
      true,
    ],
    [
      '§3.1 503 service_unavailable_error without code',
      err(503, 'service_unavailable_error'),
      'provider/unavailable',
      true,
    ],
    [
      '§3.1 503 legacy "The engine is currently overloaded"',
      err(503, undefined, undefined, 'The engine is currently overloaded, please try again later'),
      'provider/overloaded',
    ],
    [
      '§3.1 WebSocket previous_response_not_found',
      err(400, 'invalid_request_error', 'previous_response_not_found'),
      'integration/bad_request',
    ],
    [
      '§3.2 502 from Cloudflare in front of api.openai.com, HTML, no x-request-id',
      { http_status: 502, content_type: 'text/html' },
      'network/proxy/unknown',
    ],
    ['§3.2 cf 520 with JSON and request id', err(520, undefined), 'provider/server_error'],
    [
      '§3.3 finish_reason stop',
      { http_status: 200, stop_reason: 'stop', output_chars: 42, output_tokens: 10 },
      'none/ok',
    ],
    [
      '§3.3 finish_reason length',
      { http_status: 200, stop_reason: 'length', output_chars: 4000 },
      'model/truncated',
      false,
    ],
    [
      '§3.3 finish_reason content_filter',
      { http_status: 200, stop_reason: 'content_filter', output_chars: 0 },
      'model/content_filter',
      false,
    ],
    [
      '§3.3 finish_reason tool_calls with no text',
      { http_status: 200, stop_reason: 'tool_calls', output_chars: 0, output_tokens: 25 },
      'none/ok',
    ],
    [
      '§3.3 finish_reason function_call (deprecated)',
      { http_status: 200, stop_reason: 'function_call', output_chars: 0, output_tokens: 25 },
      'none/ok',
    ],
    [
      '§3.3 Responses incomplete max_output_tokens',
      { http_status: 200, stop_reason: 'max_output_tokens', output_chars: 100 },
      'model/truncated',
    ],
    [
      '§3.3 Responses refusal',
      { http_status: 200, stop_reason: 'refusal', output_chars: 0 },
      'model/refusal',
    ],
    [
      '§3.3 Responses response.failed server_error in a 200 stream',
      { http_status: 200, stream: true, stream_error_type: 'server_error' },
      'provider/stream_error',
      true,
    ],
    [
      '§3.3 Responses response.failed server_is_overloaded in a 200 stream',
      {
        http_status: 200,
        stream: true,
        stream_error_type: 'server_error',
        error_code: 'server_is_overloaded',
      },
      'provider/overloaded',
    ],
    [
      '§3.3 Responses stream error rate_limit_exceeded is ours',
      {
        http_status: 200,
        stream: true,
        stream_error_type: 'rate_limit_exceeded',
        error_code: 'rate_limit_exceeded',
      },
      'integration/rate_limited',
    ],
    [
      '§3.3 Responses invalid_prompt',
      { http_status: 200, stream: true, stream_error_type: 'error', error_code: 'invalid_prompt' },
      'integration/bad_request',
    ],
    [
      '§3.3 Responses vector_store_timeout',
      {
        http_status: 200,
        stream: true,
        stream_error_type: 'error',
        error_code: 'vector_store_timeout',
      },
      'provider/timeout',
    ],
    [
      '§3.3 Responses bio_policy',
      { http_status: 200, stream: true, stream_error_type: 'error', error_code: 'bio_policy' },
      'model/refusal',
    ],
    [
      '§2.5 stream closed without [DONE]',
      { http_status: 200, stream: true, stream_completed: false, output_chars: 20 },
      'provider/stream_error',
    ],
    [
      '§2.5 stream completed with [DONE]',
      {
        http_status: 200,
        stream: true,
        stream_completed: true,
        stop_reason: 'stop',
        output_chars: 20,
      },
      'none/ok',
    ],
  ]);
});

describe('any other id is an OpenAI-compatible API — error-taxonomy.md §3 via §7', () => {
  classifiesEach('groq', [
    [
      '§3.1 compatible 429 rate_limit_exceeded',
      err(429, 'tokens', 'rate_limit_exceeded'),
      'integration/rate_limited',
      true,
    ],
    [
      '§3.1 compatible 503 server_is_overloaded',
      err(503, 'service_unavailable_error', 'server_is_overloaded'),
      'provider/overloaded',
    ],
    [
      '§3.1 compatible 404 model_not_found',
      err(404, 'invalid_request_error', 'model_not_found'),
      'integration/not_found',
    ],
    ['§7 compatible unknown 5xx degrades', err(598, undefined), 'provider/server_error'],
    ['§7 compatible unknown 4xx degrades', err(418, undefined), 'integration/client_error'],
    [
      '§3.3 compatible finish_reason length',
      { http_status: 200, stop_reason: 'length', output_chars: 9 },
      'model/truncated',
    ],
  ]);
});
