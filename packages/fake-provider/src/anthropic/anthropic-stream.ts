/** Anthropic Messages streaming: named SSE events (https://docs.claude.com/en/docs/build-with-claude/streaming). */
import type { Completion, ErrorSpec, StreamRenderer } from '../protocol/index.js';
import { anthropicErrorObject } from './anthropic-errors.js';
import {
  anthropicMessage,
  anthropicMessageId,
  anthropicStopDetails,
  anthropicStopReason,
} from './anthropic-message.js';

/** One SSE event; the SDK skips events without an `event:` line, so every event names itself. */
function event(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * message_start, content_block_start, ping, one content_block_delta per token,
 * content_block_stop, message_delta (stop_reason, usage.output_tokens), message_stop.
 * With no tokens (empty, refusal) there is no content block at all.
 */
export function anthropicStream(completion: Completion, model: string): StreamRenderer {
  const { tokens, finish, inputTokens } = completion;
  const hasBlock = tokens.length > 0;
  const id = anthropicMessageId();
  return {
    count: tokens.length,
    open: () =>
      event('message_start', {
        type: 'message_start',
        message: anthropicMessage(id, model, [], null, inputTokens, 1),
      }) +
      (hasBlock
        ? event('content_block_start', {
            type: 'content_block_start',
            index: 0,
            content_block: { type: 'text', text: '' },
          })
        : '') +
      event('ping', { type: 'ping' }),
    token: (index) =>
      event('content_block_delta', {
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'text_delta', text: tokens[index] ?? '' },
      }),
    close: () =>
      (hasBlock ? event('content_block_stop', { type: 'content_block_stop', index: 0 }) : '') +
      event('message_delta', {
        type: 'message_delta',
        delta: {
          stop_reason: anthropicStopReason(finish),
          stop_sequence: null,
          stop_details: anthropicStopDetails(finish),
        },
        usage: { output_tokens: tokens.length },
      }) +
      event('message_stop', { type: 'message_stop' }),
    error: (spec: ErrorSpec) =>
      event('error', { type: 'error', error: anthropicErrorObject(spec) }),
  };
}
