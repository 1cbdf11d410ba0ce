import { describe } from 'vitest';
import { classifiesEach } from '../../../test/classification-table.js';

const b = (http_status: number, error_type: string, error_message = '') => ({
  http_status,
  error_type,
  error_message,
  request_id: '0f2c5e3a-8f7e-4a6f-9a53-3c1a2f6b9d10',
});

describe('bedrock — error-taxonomy.md §4.3', () => {
  classifiesEach('bedrock', [
    [
      '§4.3 ValidationException',
      b(
        400,
        'ValidationException',
        'Invocation of model ID anthropic.claude with on-demand throughput isn’t supported.',
      ),
      'integration/bad_request/ours',
      false,
    ],
    [
      '§4.3 ValidationException input too long',
      b(400, 'ValidationException', 'Input is too long for requested model.'),
      'integration/context_length',
    ],
    [
      '§4.3 AccessDeniedException',
      b(
        403,
        'AccessDeniedException',
        "You don't have access to the model with the specified model ID.",
      ),
      'integration/permission',
      false,
    ],
    [
      '§4.3 AccessDeniedException expired temporary credentials',
      b(403, 'AccessDeniedException', 'The security token included in the request is expired'),
      'integration/auth',
    ],
    [
      '§4.3 ResourceNotFoundException',
      b(404, 'ResourceNotFoundException', 'Model not found'),
      'integration/not_found',
    ],
    [
      '§4.3 ResourceNotFoundException FTUFormNotFilled',
      b(
        404,
        'ResourceNotFoundException',
        'Model use case details have not been submitted for this account.',
      ),
      'integration/not_found',
    ],
    [
      '§4.3 ServiceQuotaExceededException',
      b(400, 'ServiceQuotaExceededException'),
      'integration/quota_exhausted',
      false,
    ],
    [
      '§4.3 ThrottlingException "Too many tokens" (account TPM quota)',
      b(429, 'ThrottlingException', 'Too many tokens, please wait before trying again.'),
      'integration/rate_limited/ours',
      true,
    ],
    [
      '§4.3 ThrottlingException "Too many requests" is ambiguous',
      b(429, 'ThrottlingException', 'Too many requests, please wait before trying again.'),
      'integration/rate_limited/unknown',
      true,
    ],
    [
      '§4.3 ThrottlingException service-wide limitations (B2)',
      b(
        429,
        'ThrottlingException',
        'Your request was denied due to exceeding the account quotas or throttled because of service-wide limitations. Resubmit your request later or in a different region.',
      ),
      'provider/overloaded/provider',
      true,
    ],
    [
      '§4.3 ModelNotReadyException',
      b(429, 'ModelNotReadyException', 'Model is not ready to serve inference requests.'),
      'provider/overloaded',
      true,
    ],
    ['§4.3 ModelTimeoutException', b(408, 'ModelTimeoutException'), 'provider/timeout', true],
    ['§4.3 ModelErrorException', b(424, 'ModelErrorException'), 'provider/server_error', true],
    ['§4.3 InternalServerException', b(500, 'InternalServerException'), 'provider/server_error'],
    ['§4.3 InternalFailure', b(500, 'InternalFailure'), 'provider/server_error'],
    [
      '§4.3 ServiceUnavailableException',
      b(503, 'ServiceUnavailableException'),
      'provider/unavailable',
      true,
    ],
    ['§4.3 IncompleteSignature', b(400, 'IncompleteSignature'), 'integration/auth'],
    ['§4.3 InvalidClientTokenId', b(403, 'InvalidClientTokenId'), 'integration/auth'],
    ['§4.3 RequestExpired', b(400, 'RequestExpired'), 'integration/auth'],
    ['§4.3 NotAuthorized', b(403, 'NotAuthorized'), 'integration/permission'],
    ['§4.3 MPAgreementBeingCreated', b(403, 'MPAgreementBeingCreated'), 'integration/permission'],
    [
      '§4.3 stream internalServerException after 200',
      { http_status: 200, stream: true, stream_error_type: 'internalServerException' },
      'provider/stream_error',
    ],
    [
      '§4.3 stream modelStreamErrorException after 200',
      { http_status: 200, stream: true, stream_error_type: 'modelStreamErrorException' },
      'provider/stream_error',
    ],
    [
      '§4.3 stream modelTimeoutException after 200',
      { http_status: 200, stream: true, stream_error_type: 'modelTimeoutException' },
      'provider/timeout',
    ],
    [
      '§4.3 stream serviceUnavailableException after 200',
      { http_status: 200, stream: true, stream_error_type: 'serviceUnavailableException' },
      'provider/stream_error',
    ],
    [
      '§4.3 stream throttlingException after 200',
      {
        http_status: 200,
        stream: true,
        stream_error_type: 'throttlingException',
        error_message: 'Too many tokens',
      },
      'integration/rate_limited',
    ],
    [
      '§4.3 stream validationException after 200',
      { http_status: 200, stream: true, stream_error_type: 'validationException' },
      'integration/bad_request',
    ],
    [
      '§4.3 stopReason end_turn',
      { http_status: 200, stop_reason: 'end_turn', output_chars: 5 },
      'none/ok',
    ],
    [
      '§4.3 stopReason max_tokens',
      { http_status: 200, stop_reason: 'max_tokens', output_chars: 5 },
      'model/truncated',
    ],
    [
      '§4.3 stopReason guardrail_intervened',
      { http_status: 200, stop_reason: 'guardrail_intervened' },
      'model/content_filter',
    ],
    [
      '§4.3 stopReason content_filtered',
      { http_status: 200, stop_reason: 'content_filtered' },
      'model/content_filter',
    ],
    [
      '§4.3 stopReason malformed_model_output',
      { http_status: 200, stop_reason: 'malformed_model_output' },
      'model/malformed',
    ],
    [
      '§4.3 stopReason malformed_tool_use',
      { http_status: 200, stop_reason: 'malformed_tool_use' },
      'model/malformed',
    ],
    [
      '§4.3 stopReason model_context_window_exceeded',
      { http_status: 200, stop_reason: 'model_context_window_exceeded' },
      'model/truncated',
    ],
    [
      '§4.3 stopReason tool_use without text',
      { http_status: 200, stop_reason: 'tool_use', output_chars: 0, output_tokens: 30 },
      'none/ok',
    ],
  ]);
});
