import { describe } from 'vitest';
import { classifiesEach } from '../../../test/classification-table.js';

describe('azure-openai — error-taxonomy.md §4.4', () => {
  classifiesEach('azure-openai', [
    [
      '§4.4 prompt filtered: 400 code content_filter',
      {
        http_status: 400,
        error_type: 'invalid_request_error',
        error_code: 'content_filter',
        error_message:
          "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
        request_id: 'a1',
      },
      'model/content_filter/provider',
      false,
    ],
    [
      '§4.4 prompt filtered: innererror ResponsibleAIPolicyViolation',
      { http_status: 400, error_code: 'ResponsibleAIPolicyViolation', request_id: 'a1' },
      'model/content_filter',
    ],
    [
      '§4.4 completion filtered: 200 finish_reason content_filter',
      { http_status: 200, stop_reason: 'content_filter', output_chars: 12 },
      'model/content_filter',
    ],
    [
      '§4.4 429 deployment TPM',
      {
        http_status: 429,
        error_code: '429',
        error_message:
          'Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-10-21 have exceeded token rate limit of your current AIServices S0 pricing tier. Please retry after 6 seconds.',
        retry_after_ms: 6000,
        request_id: 'a1',
      },
      'integration/rate_limited/ours',
      true,
    ],
    [
      '§4.4 deployment not found',
      { http_status: 404, error_code: 'DeploymentNotFound', request_id: 'a1' },
      'integration/not_found',
    ],
    [
      '§4.4 plain 400 stays ours',
      {
        http_status: 400,
        error_type: 'invalid_request_error',
        error_code: 'invalid_value',
        request_id: 'a1',
      },
      'integration/bad_request',
    ],
    [
      '§3.1 OpenAI rules apply: context_length_exceeded',
      { http_status: 400, error_code: 'context_length_exceeded', request_id: 'a1' },
      'integration/context_length',
    ],
    [
      '§3.1 OpenAI rules apply: 500',
      { http_status: 500, error_type: 'server_error', request_id: 'a1' },
      'provider/server_error',
    ],
  ]);
});
