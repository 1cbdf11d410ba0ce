/** OpenAI `chat.completion` objects: the JSON response body. */
import { base62Id } from '../generate/random-id.js';
import type { Completion } from '../protocol/index.js';

/** What a refusing model says instead of answering, one token per word. */
export const REFUSAL_TOKENS: readonly string[] = [
  "I'm",
  ' sorry,',
  ' but',
  ' I',
  " can't",
  ' help',
  ' with',
  ' that.',
];

/** The fingerprint of the fake "backend configuration". */
export const SYSTEM_FINGERPRINT = 'fp_fa17c0de42';

/** A fresh `chatcmpl-…` id. */
export function chatCompletionId(): string {
  return `chatcmpl-${base62Id(29)}`;
}

/** `usage` with the detail objects the API includes. */
export function openaiUsage(promptTokens: number, completionTokens: number): object {
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

/** The non-streaming body. A refusal has `content: null` and `refusal` set, finishing `stop`. */
export function openaiBody(completion: Completion, model: string, nowMs: number): string {
  const refused = completion.finish === 'refusal';
  const outputTokens = refused ? REFUSAL_TOKENS.length : completion.tokens.length;
  return JSON.stringify({
    id: chatCompletionId(),
    object: 'chat.completion',
    created: Math.floor(nowMs / 1000),
    model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: refused ? null : completion.tokens.join(''),
          refusal: refused ? REFUSAL_TOKENS.join('') : null,
          annotations: [],
        },
        logprobs: null,
        finish_reason: completion.finish === 'length' ? 'length' : 'stop',
      },
    ],
    usage: openaiUsage(completion.inputTokens, outputTokens),
    service_tier: 'default',
    system_fingerprint: SYSTEM_FINGERPRINT,
  });
}
