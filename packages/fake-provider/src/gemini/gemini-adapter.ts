/** The Gemini Developer API (generateContent) emulation, as a ProviderAdapter. */
import { base62Id } from '../generate/random-id.js';
import type { ProviderAdapter, ResponseMeta } from '../protocol/index.js';
import { geminiCodeFor, geminiError, geminiErrorBody } from './gemini-errors.js';
import { GEMINI_BAD_JSON, parseGeminiRequest } from './gemini-request.js';
import { geminiBody } from './gemini-response.js';
import { geminiStream } from './gemini-stream.js';

/**
 * Google's front end sends no request-id header; these are the headers it does send, which
 * show the answer came from Google rather than a proxy. The body's `responseId` identifies it.
 */
export const geminiAdapter: ProviderAdapter = {
  provider: 'google',
  jsonContentType: 'application/json; charset=UTF-8',
  streamContentType: 'text/event-stream',
  badJson: GEMINI_BAD_JSON,
  parseRequest: parseGeminiRequest,
  requestId: () => base62Id(23),
  headers: ({ nowMs, startedMs }: ResponseMeta) => ({
    server: 'scaffolding on HTTPServer2',
    'server-timing': `gfet4t7; dur=${Math.max(0, Math.round(nowMs - startedMs))}`,
    vary: ['Origin', 'X-Origin', 'Referer'],
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'x-xss-protection': '0',
  }),
  error: geminiError,
  overload: () =>
    geminiError({
      status: 503,
      type: 'UNAVAILABLE',
      message: 'The model is overloaded. Please try again later.',
    }),
  streamError: ({ type, message, code }) =>
    geminiError({
      status: type === undefined ? 500 : (geminiCodeFor(type) ?? 500),
      type: type ?? 'INTERNAL',
      message,
      code,
    }),
  errorBody: (spec) => geminiErrorBody(spec),
  body: (completion, request, meta) => geminiBody(completion, request.model, meta.requestId),
  stream: (completion, request, meta) => geminiStream(completion, request.model, meta.requestId),
};
