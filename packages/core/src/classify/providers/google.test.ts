import { describe } from 'vitest';
import { classifiesEach } from '../../../test/classification-table.js';

const g = (http_status: number, error_type: string, error_message = '', error_code?: string) => ({
  http_status,
  error_type,
  error_message,
  ...(error_code === undefined ? {} : { error_code }),
  content_type: 'application/json; charset=UTF-8',
});

describe('google (Gemini API) — error-taxonomy.md §4.1', () => {
  classifiesEach('google', [
    [
      '§4.1 400 INVALID_ARGUMENT',
      g(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.'),
      'integration/bad_request/ours',
      false,
    ],
    [
      '§4.1 400 INVALID_ARGUMENT + API_KEY_INVALID is a bad key',
      g(
        400,
        'INVALID_ARGUMENT',
        'API key not valid. Please pass a valid API key.',
        'API_KEY_INVALID',
      ),
      'integration/auth/ours',
      false,
    ],
    [
      '§4.1 400 API key not valid (message only)',
      g(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.'),
      'integration/auth',
    ],
    [
      '§4.1 400 input token count exceeds the limit',
      g(
        400,
        'INVALID_ARGUMENT',
        'The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).',
      ),
      'integration/context_length',
    ],
    [
      '§4.1 400 FAILED_PRECONDITION enable billing',
      g(
        400,
        'FAILED_PRECONDITION',
        'Gemini API free tier is not available in your country. Please enable billing on your project.',
      ),
      'integration/billing',
    ],
    [
      '§4.1 400 FAILED_PRECONDITION other',
      g(400, 'FAILED_PRECONDITION', 'User location is not supported for the API use.'),
      'integration/permission',
    ],
    [
      '§4.1 403 PERMISSION_DENIED',
      g(403, 'PERMISSION_DENIED', 'You do not have permission to access the tuned model.'),
      'integration/permission',
      false,
    ],
    [
      '§4.1 404 NOT_FOUND',
      g(404, 'NOT_FOUND', 'models/gemini-9 is not found'),
      'integration/not_found',
      false,
    ],
    [
      '§4.1 429 RESOURCE_EXHAUSTED per minute',
      g(
        429,
        'RESOURCE_EXHAUSTED',
        'You exceeded your current quota. Quota: GenerateRequestsPerMinutePerProjectPerModel',
        'RATE_LIMIT_EXCEEDED',
      ),
      'integration/rate_limited/ours',
      true,
    ],
    [
      '§4.1 429 RESOURCE_EXHAUSTED PerDay (no quick retry)',
      g(
        429,
        'RESOURCE_EXHAUSTED',
        'Quota exceeded for metric generate_content_free_tier_requests, quotaId GenerateRequestsPerDayPerProjectPerModel-FreeTier',
      ),
      'integration/quota_exhausted',
      false,
    ],
    [
      '§4.1 500 INTERNAL',
      g(500, 'INTERNAL', 'An internal error has occurred.'),
      'provider/server_error/provider',
      true,
    ],
    [
      '§4.1 503 UNAVAILABLE model overloaded',
      g(503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.'),
      'provider/overloaded/provider',
      true,
    ],
    ['§4.1 503 UNAVAILABLE no message', g(503, 'UNAVAILABLE'), 'provider/overloaded'],
    [
      '§4.1 503 UNAVAILABLE service down',
      g(503, 'UNAVAILABLE', 'The service is currently unavailable.'),
      'provider/unavailable',
    ],
    [
      '§4.1 504 DEADLINE_EXCEEDED',
      g(504, 'DEADLINE_EXCEEDED', 'Deadline expired before operation could complete.'),
      'provider/timeout',
      true,
    ],
    [
      '§4.1 504 DEADLINE_EXCEEDED at our X-Server-Timeout is our deadline',
      { ...g(504, 'DEADLINE_EXCEEDED'), timeout_ms: 5000, duration_ms: 5012 },
      'integration/client_timeout/ours',
      true,
    ],
    ['§4.1 499 CANCELLED by the caller', g(499, 'CANCELLED'), 'none/cancelled'],
    [
      '§4.1 streaming chunk {"error":{code,status}} after 200',
      { http_status: 200, stream: true, stream_error_type: 'INTERNAL' },
      'provider/stream_error',
    ],
    [
      '§4.1 streaming chunk UNAVAILABLE after 200',
      { http_status: 200, stream: true, stream_error_type: 'UNAVAILABLE' },
      'provider/overloaded',
    ],
    [
      '§4.1 finishReason STOP',
      { http_status: 200, stop_reason: 'STOP', output_chars: 77, output_tokens: 20 },
      'none/ok',
    ],
    [
      '§4.1 finishReason MAX_TOKENS',
      { http_status: 200, stop_reason: 'MAX_TOKENS', output_chars: 500 },
      'model/truncated',
    ],
    [
      '§4.1 finishReason SAFETY (stream content empty when filtered)',
      { http_status: 200, stop_reason: 'SAFETY', output_chars: 0 },
      'model/content_filter',
    ],
    [
      '§4.1 finishReason RECITATION',
      { http_status: 200, stop_reason: 'RECITATION', output_chars: 0 },
      'model/content_filter',
    ],
    [
      '§4.1 finishReason LANGUAGE',
      { http_status: 200, stop_reason: 'LANGUAGE', output_chars: 0 },
      'model/content_filter',
    ],
    [
      '§4.1 finishReason BLOCKLIST',
      { http_status: 200, stop_reason: 'BLOCKLIST' },
      'model/content_filter',
    ],
    [
      '§4.1 finishReason PROHIBITED_CONTENT',
      { http_status: 200, stop_reason: 'PROHIBITED_CONTENT' },
      'model/content_filter',
    ],
    ['§4.1 finishReason SPII', { http_status: 200, stop_reason: 'SPII' }, 'model/content_filter'],
    [
      '§4.1 finishReason IMAGE_SAFETY',
      { http_status: 200, stop_reason: 'IMAGE_SAFETY' },
      'model/content_filter',
    ],
    [
      '§4.1 finishReason IMAGE_PROHIBITED_CONTENT',
      { http_status: 200, stop_reason: 'IMAGE_PROHIBITED_CONTENT' },
      'model/content_filter',
    ],
    [
      '§4.1 finishReason IMAGE_RECITATION',
      { http_status: 200, stop_reason: 'IMAGE_RECITATION' },
      'model/content_filter',
    ],
    [
      '§4.1 finishReason MALFORMED_FUNCTION_CALL',
      { http_status: 200, stop_reason: 'MALFORMED_FUNCTION_CALL' },
      'model/malformed',
      true,
    ],
    [
      '§4.1 finishReason UNEXPECTED_TOOL_CALL',
      { http_status: 200, stop_reason: 'UNEXPECTED_TOOL_CALL' },
      'model/malformed',
    ],
    [
      '§4.1 finishReason TOO_MANY_TOOL_CALLS',
      { http_status: 200, stop_reason: 'TOO_MANY_TOOL_CALLS' },
      'model/malformed',
    ],
    ['§4.1 finishReason NO_IMAGE', { http_status: 200, stop_reason: 'NO_IMAGE' }, 'model/empty'],
    [
      '§4.1 finishReason OTHER with output is ok',
      { http_status: 200, stop_reason: 'OTHER', output_chars: 30 },
      'none/ok',
    ],
    [
      '§4.1 finishReason IMAGE_OTHER with output is ok',
      { http_status: 200, stop_reason: 'IMAGE_OTHER', output_chars: 30 },
      'none/ok',
    ],
    [
      '§4.1 FINISH_REASON_UNSPECIFIED with output is ok',
      { http_status: 200, stop_reason: 'FINISH_REASON_UNSPECIFIED', output_chars: 30 },
      'none/ok',
    ],
    [
      '§4.1 promptFeedback.blockReason SAFETY (200, no candidates)',
      { http_status: 200, stop_reason: 'SAFETY', output_tokens: 0 },
      'model/content_filter',
    ],
    [
      '§4.1 blocked prompt with no reason recorded: empty',
      { http_status: 200, output_chars: 0 },
      'model/empty',
    ],
  ]);
});

describe('vertex — error-taxonomy.md §4.2', () => {
  classifiesEach('vertex', [
    [
      '§4.2 429 pay-as-you-go "Resource exhausted, please try again later." is shared capacity',
      g(429, 'RESOURCE_EXHAUSTED', 'Resource exhausted, please try again later.'),
      'provider/overloaded/provider',
      true,
    ],
    [
      '§4.2 429 "Exceeded the Provisioned Throughput." is our reservation',
      g(429, 'RESOURCE_EXHAUSTED', 'Too many requests. Exceeded the Provisioned Throughput.'),
      'integration/rate_limited/ours',
      true,
    ],
    [
      '§4.2 capacity error as 5xx under Provisioned Throughput',
      g(503, 'UNAVAILABLE', 'The model is overloaded.'),
      'provider/overloaded',
    ],
    [
      '§4.2 504 DEADLINE_EXCEEDED from a short client deadline',
      { ...g(504, 'DEADLINE_EXCEEDED'), timeout_ms: 2000, duration_ms: 2003 },
      'integration/client_timeout',
    ],
    [
      '§4.2 504 DEADLINE_EXCEEDED well inside our deadline',
      { ...g(504, 'DEADLINE_EXCEEDED'), timeout_ms: 600000, duration_ms: 60000 },
      'provider/timeout',
    ],
    [
      '§4.2 Model Armor / JAILBREAK blockReason (Vertex only)',
      { http_status: 200, stop_reason: 'JAILBREAK' },
      'model/content_filter',
    ],
    [
      '§4.2 MODEL_ARMOR blockReason',
      { http_status: 200, stop_reason: 'MODEL_ARMOR' },
      'model/content_filter',
    ],
    [
      '§1.1 Claude on Vertex: 529 overloaded_error',
      { http_status: 529, error_type: 'overloaded_error' },
      'provider/overloaded',
    ],
  ]);
});
