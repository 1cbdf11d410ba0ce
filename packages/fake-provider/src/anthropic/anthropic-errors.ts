/** Anthropic error types and bodies (https://docs.claude.com/en/api/errors). */
import { STATUS_CODES } from 'node:http';
import type { ErrorRequest, ErrorSpec } from '../protocol/index.js';

/** `error.type` by HTTP status, as the errors page lists them. */
const TYPE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

const MESSAGE_BY_TYPE: Readonly<Record<string, string>> = {
  invalid_request_error: 'Invalid request.',
  authentication_error: 'invalid x-api-key',
  billing_error: 'Your credit balance is too low to access the Anthropic API.',
  permission_error: 'Your API key does not have permission to use the specified resource.',
  not_found_error: 'Not found',
  request_too_large: 'Request exceeds the maximum allowed number of bytes.',
  rate_limit_error:
    "This request would exceed your organization's rate limit of 50 requests per minute. " +
    'For details, refer to: https://docs.claude.com/en/api/rate-limits.',
  api_error: 'Internal server error',
  timeout_error: 'Request timed out',
  overloaded_error: 'Overloaded',
};

/** Fills type and message from the status when the fault does not give them. */
export function anthropicError(request: ErrorRequest): ErrorSpec {
  const type =
    request.type ??
    TYPE_BY_STATUS[request.status] ??
    (request.status >= 500 ? 'api_error' : 'invalid_request_error');
  return {
    status: request.status,
    type,
    code: request.code ?? undefined,
    message: request.message ?? MESSAGE_BY_TYPE[type] ?? STATUS_CODES[request.status] ?? 'Error',
  };
}

/** The inner `error` object; `details.error_code` only when a code is given. */
export function anthropicErrorObject(spec: ErrorSpec): Record<string, unknown> {
  return spec.code === undefined
    ? { type: spec.type, message: spec.message }
    : { type: spec.type, message: spec.message, details: { error_code: spec.code } };
}

/** `{"type":"error","error":{…},"request_id":"req_…"}`. */
export function anthropicErrorBody(spec: ErrorSpec, requestId: string): string {
  return JSON.stringify({
    type: 'error',
    error: anthropicErrorObject(spec),
    request_id: requestId,
  });
}
