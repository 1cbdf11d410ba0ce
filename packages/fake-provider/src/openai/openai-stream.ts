/** OpenAI Chat Completions streaming: `data: {chat.completion.chunk}` lines ending `data: [DONE]`. */
import type { Completion, ErrorSpec, ProviderRequest, StreamRenderer } from '../protocol/index.js';
import {
  REFUSAL_TOKENS,
  SYSTEM_FINGERPRINT,
  chatCompletionId,
  openaiUsage,
} from './openai-completion.js';
import { openaiErrorObject } from './openai-errors.js';

function data(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}

/**
 * A role chunk, one chunk per token (`delta.content`, or `delta.refusal` when refusing), a
 * chunk with `finish_reason`, then with `stream_options.include_usage` a chunk with empty
 * `choices` and the usage (every earlier chunk then carries `"usage": null`), and `[DONE]`.
 */
export function openaiStream(
  completion: Completion,
  request: ProviderRequest,
  nowMs: number,
): StreamRenderer {
  const refused = completion.finish === 'refusal';
  const tokens = refused ? REFUSAL_TOKENS : completion.tokens;
  const head = {
    id: chatCompletionId(),
    object: 'chat.completion.chunk',
    created: Math.floor(nowMs / 1000),
    model: request.model,
    service_tier: 'default',
    system_fingerprint: SYSTEM_FINGERPRINT,
  };
  const usageNull = request.includeUsage ? { usage: null } : {};
  const chunk = (delta: object, finish: string | null): string =>
    data({
      ...head,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
      ...usageNull,
    });
  return {
    count: tokens.length,
    open: () =>
      chunk(
        refused
          ? { role: 'assistant', content: null, refusal: '' }
          : { role: 'assistant', content: '', refusal: null },
        null,
      ),
    token: (index) =>
      chunk(refused ? { refusal: tokens[index] ?? '' } : { content: tokens[index] ?? '' }, null),
    close: () =>
      chunk({}, completion.finish === 'length' ? 'length' : 'stop') +
      (request.includeUsage
        ? data({ ...head, choices: [], usage: openaiUsage(completion.inputTokens, tokens.length) })
        : '') +
      'data: [DONE]\n\n',
    error: (spec: ErrorSpec) => data({ error: openaiErrorObject(spec) }),
  };
}
