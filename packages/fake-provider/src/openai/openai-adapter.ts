/** The OpenAI Chat Completions API emulation, as a ProviderAdapter. */
import { hexId } from '../generate/random-id.js';
import type { ProviderAdapter, ResponseMeta } from '../protocol/index.js';
import { goDuration } from './go-duration.js';
import { openaiBody } from './openai-completion.js';
import { openaiError, openaiErrorBody } from './openai-errors.js';
import { OPENAI_BAD_JSON, parseOpenAIRequest } from './openai-request.js';
import { openaiStream } from './openai-stream.js';

/** An `x-request-id` in OpenAI's shape: `req_` and 32 hex digits. */
export function openaiRequestId(): string {
  return `req_${hexId(32)}`;
}

/** OpenAI: `x-request-id`, `openai-processing-ms` and `x-ratelimit-*-requests` headers. */
export const openaiAdapter: ProviderAdapter = {
  provider: 'openai',
  jsonContentType: 'application/json',
  streamContentType: 'text/event-stream; charset=utf-8',
  badJson: OPENAI_BAD_JSON,
  parseRequest: (body) => parseOpenAIRequest(body),
  requestId: openaiRequestId,
  headers: ({ requestId, rateLimit, nowMs, startedMs }: ResponseMeta) => ({
    'x-request-id': requestId,
    'openai-version': '2020-10-01',
    'openai-processing-ms': String(Math.max(0, Math.round(nowMs - startedMs))),
    'x-ratelimit-limit-requests': String(rateLimit.limit),
    'x-ratelimit-remaining-requests': String(rateLimit.remaining),
    'x-ratelimit-reset-requests': goDuration(rateLimit.resetAtMs - nowMs),
  }),
  error: openaiError,
  overload: () =>
    openaiError({
      status: 503,
      type: 'service_unavailable_error',
      code: 'server_is_overloaded',
      message:
        'The requested model does not have enough capacity to serve your request. ' +
        'Please try again later.',
    }),
  streamError: ({ type, message, code }) =>
    openaiError({ status: 500, type: type ?? 'server_error', message, code }),
  errorBody: (spec) => openaiErrorBody(spec),
  body: (completion, request, meta) => openaiBody(completion, request.model, meta.nowMs),
  stream: (completion, request, meta) => openaiStream(completion, request, meta.nowMs),
};
