/**
 * The API's own error event, sent when an upstream stream fails after bytes reached the client,
 * so its SDK raises an error instead of seeing a clean end. Shapes: Anthropic `event: error`
 * (docs.anthropic.com/en/api/messages-streaming#error-events); OpenAI an SSE `data` with an
 * `error` object, which openai-node's `Stream` throws as an APIError; Gemini an `error` object
 * (google.rpc.Status), which js-genai throws as an ApiError.
 */
import type { WireApi } from '../config/index.js';

const MESSAGE = 'the upstream stream failed after it started (faultline gateway)';

/** The bytes that end a broken stream for clients of `api`; `cut` starts a fresh line first. */
export function streamErrorEvent(api: WireApi, cut: boolean): Buffer {
  const lead = cut ? '\n\n' : '';
  if (api === 'anthropic')
    return Buffer.from(
      `${lead}event: error\ndata: ${JSON.stringify({ type: 'error', error: { type: 'api_error', message: MESSAGE } })}\n\n`,
    );
  if (api === 'openai')
    return Buffer.from(
      `${lead}data: ${JSON.stringify({ error: { message: MESSAGE, type: 'server_error', code: null } })}\n\n`,
    );
  return Buffer.from(
    `${lead}data: ${JSON.stringify({ error: { code: 502, message: MESSAGE, status: 'UNAVAILABLE' } })}\n\n`,
  );
}

/** Whether `chunk` ends at an event boundary (a blank line), so no event is left half-sent. */
export function endsAtBoundary(chunk: Uint8Array | undefined): boolean {
  if (chunk === undefined) return true;
  const n = chunk.length;
  return (
    n >= 2 &&
    chunk[n - 1] === 10 &&
    (chunk[n - 2] === 10 || (n >= 3 && chunk[n - 2] === 13 && chunk[n - 3] === 10))
  );
}
