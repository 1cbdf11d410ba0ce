/** Anthropic Message objects: the JSON response and the snapshot in `message_start`. */
import { base62Id } from '../generate/random-id.js';
import type { Completion, Finish } from '../protocol/index.js';

const STOP_REASON: Readonly<Record<Finish, string>> = {
  stop: 'end_turn',
  length: 'max_tokens',
  refusal: 'refusal',
};

/** `stop_reason` for a finish. */
export function anthropicStopReason(finish: Finish): string {
  return STOP_REASON[finish];
}

/** `stop_details`: set only for refusals (category unknown). */
export function anthropicStopDetails(finish: Finish): Record<string, unknown> | null {
  return finish === 'refusal' ? { type: 'refusal', category: null, explanation: null } : null;
}

/** A fresh `msg_01…` id. */
export function anthropicMessageId(): string {
  return `msg_01${base62Id(22)}`;
}

/** The Message with `content` and usage as given; streams start with empty content. */
export function anthropicMessage(
  id: string,
  model: string,
  content: readonly unknown[],
  stop: Finish | null,
  inputTokens: number,
  outputTokens: number,
): Record<string, unknown> {
  return {
    id,
    type: 'message',
    role: 'assistant',
    model,
    content,
    stop_reason: stop === null ? null : anthropicStopReason(stop),
    stop_sequence: null,
    stop_details: stop === null ? null : anthropicStopDetails(stop),
    usage: {
      input_tokens: inputTokens,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      output_tokens: outputTokens,
      service_tier: 'standard',
    },
  };
}

/** The non-streaming response body. */
export function anthropicBody(completion: Completion, model: string): string {
  const { tokens, finish, inputTokens } = completion;
  const content = tokens.length > 0 ? [{ type: 'text', text: tokens.join('') }] : [];
  return JSON.stringify(
    anthropicMessage(anthropicMessageId(), model, content, finish, inputTokens, tokens.length),
  );
}
