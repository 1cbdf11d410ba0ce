/** The Anthropic Messages API emulation, as a ProviderAdapter. */
import { base62Id } from '../generate/random-id.js';
import type { ProviderAdapter, ResponseMeta } from '../protocol/index.js';
import { anthropicError, anthropicErrorBody } from './anthropic-errors.js';
import { anthropicBody } from './anthropic-message.js';
import { ANTHROPIC_BAD_JSON, parseAnthropicRequest } from './anthropic-request.js';
import { anthropicStream } from './anthropic-stream.js';

/** RFC 3339 at whole seconds, as `anthropic-ratelimit-*-reset` gives it. */
function rfc3339(ms: number): string {
  return new Date(Math.ceil(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** A `request-id` in Anthropic's shape: `req_011C` and 20 base-62 characters. */
export function anthropicRequestId(): string {
  return `req_011C${base62Id(20)}`;
}

/** Anthropic: `request-id` plus `anthropic-ratelimit-requests-*` on every answer it gives. */
export const anthropicAdapter: ProviderAdapter = {
  provider: 'anthropic',
  jsonContentType: 'application/json',
  streamContentType: 'text/event-stream; charset=utf-8',
  badJson: ANTHROPIC_BAD_JSON,
  parseRequest: (body) => parseAnthropicRequest(body),
  requestId: anthropicRequestId,
  headers: ({ requestId, rateLimit }: ResponseMeta) => ({
    'request-id': requestId,
    'anthropic-ratelimit-requests-limit': String(rateLimit.limit),
    'anthropic-ratelimit-requests-remaining': String(rateLimit.remaining),
    'anthropic-ratelimit-requests-reset': rfc3339(rateLimit.resetAtMs),
  }),
  error: anthropicError,
  overload: () => anthropicError({ status: 529, type: 'overloaded_error', message: 'Overloaded' }),
  streamError: ({ type, message, code }) =>
    anthropicError({ status: 529, type: type ?? 'overloaded_error', message, code }),
  errorBody: (spec, meta) => anthropicErrorBody(spec, meta.requestId),
  body: (completion, request) => anthropicBody(completion, request.model),
  stream: (completion, request) => anthropicStream(completion, request.model),
};
