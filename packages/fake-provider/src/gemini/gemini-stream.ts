/** Gemini streamGenerateContent?alt=sse: one `data: {GenerateContentResponse}` event per token. */
import type { Completion, ErrorSpec, StreamRenderer } from '../protocol/index.js';
import { geminiErrorObject } from './gemini-errors.js';
import { geminiResponse } from './gemini-response.js';

/**
 * The API ends events with CRLF CRLF; @google/genai splits on "\n\n", "\r\r" or "\r\n\r\n"
 * and JSON-parses what follows `data:`, throwing ApiError for a chunk with `error.code` 4xx/5xx.
 */
function data(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\r\n\r\n`;
}

/**
 * Each token is a chunk with cumulative usage; the last one also carries `finishReason`.
 * With no tokens (empty, refusal) a single chunk carries the finish. No terminal sentinel.
 */
export function geminiStream(
  completion: Completion,
  model: string,
  responseId: string,
): StreamRenderer {
  const { tokens, finish, inputTokens } = completion;
  const last = tokens.length - 1;
  return {
    count: tokens.length,
    open: () => '',
    token: (index) =>
      data(
        geminiResponse(
          {
            text: tokens[index] ?? '',
            outputTokens: index + 1,
            finish: index === last ? finish : undefined,
          },
          inputTokens,
          model,
          responseId,
        ),
      ),
    close: () =>
      tokens.length > 0
        ? ''
        : data(
            geminiResponse(
              { text: undefined, outputTokens: 0, finish },
              inputTokens,
              model,
              responseId,
            ),
          ),
    error: (spec: ErrorSpec) => data({ error: geminiErrorObject(spec) }),
  };
}
