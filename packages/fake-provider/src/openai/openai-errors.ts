/** OpenAI error types, codes and bodies (https://platform.openai.com/docs/guides/error-codes). */
import { STATUS_CODES } from 'node:http';
import type { ErrorRequest, ErrorSpec } from '../protocol/index.js';

interface Default {
  readonly type: string;
  readonly code: string | undefined;
  readonly message: string;
}

const BY_STATUS: Readonly<Record<number, Default>> = {
  400: { type: 'invalid_request_error', code: undefined, message: 'Invalid request.' },
  401: {
    type: 'invalid_request_error',
    code: 'invalid_api_key',
    message:
      'Incorrect API key provided: sk-fake****. You can find your API key at ' +
      'https://platform.openai.com/account/api-keys.',
  },
  403: {
    type: 'request_forbidden',
    code: 'unsupported_country_region_territory',
    message: 'Country, region, or territory not supported',
  },
  404: {
    type: 'invalid_request_error',
    code: 'model_not_found',
    message: 'The model does not exist or you do not have access to it.',
  },
  429: {
    type: 'requests',
    code: 'rate_limit_exceeded',
    message:
      'Rate limit reached for requests per min (RPM): Limit 500, Used 500, Requested 1. ' +
      'Please try again in 120ms. Visit https://platform.openai.com/account/rate-limits to ' +
      'learn more.',
  },
  500: {
    type: 'server_error',
    code: undefined,
    message: 'The server had an error while processing your request. Sorry about that!',
  },
  503: {
    type: 'service_unavailable_error',
    code: undefined,
    message: 'The server is overloaded or not ready yet.',
  },
};

/** Fills type, code and message from the status; a custom type drops the status's code. */
export function openaiError(request: ErrorRequest): ErrorSpec {
  const fallback = BY_STATUS[request.status];
  const sameType = request.type === undefined || request.type === fallback?.type;
  const type =
    request.type ??
    fallback?.type ??
    (request.status >= 500 ? 'server_error' : 'invalid_request_error');
  return {
    status: request.status,
    type,
    code:
      request.code === null ? undefined : (request.code ?? (sameType ? fallback?.code : undefined)),
    message:
      request.message ??
      (sameType ? fallback?.message : undefined) ??
      STATUS_CODES[request.status] ??
      'Error',
    param: request.param,
  };
}

/** The inner `error` object: message, type, param, code (null when absent). */
export function openaiErrorObject(spec: ErrorSpec): Record<string, unknown> {
  return {
    message: spec.message,
    type: spec.type,
    param: spec.param ?? null,
    code: spec.code ?? null,
  };
}

/** `{"error":{"message","type","param","code"}}`. */
export function openaiErrorBody(spec: ErrorSpec): string {
  return JSON.stringify({ error: openaiErrorObject(spec) });
}
