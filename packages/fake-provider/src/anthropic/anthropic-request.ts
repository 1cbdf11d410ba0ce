/** Reads an Anthropic Messages request body (POST /v1/messages). */
import {
  collectText,
  field,
  isNumber,
  type ProviderRequest,
  type RequestProblem,
} from '../protocol/index.js';

/** The answer to a body that is not JSON. */
export const ANTHROPIC_BAD_JSON: RequestProblem = {
  problem: 'There was an error parsing the body of your request: it is not valid JSON.',
};

/**
 * The fields the emulator uses; refuses bodies the real API refuses for missing fields.
 * JSON mode is `output_config.format` (or the beta `output_format`) of type `json_schema`.
 */
export function parseAnthropicRequest(body: unknown): ProviderRequest | RequestProblem {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { problem: 'Input should be a valid dictionary' };
  }
  const model = field(body, 'model');
  const maxTokens = field(body, 'max_tokens');
  const messages = field(body, 'messages');
  if (typeof model !== 'string') return { problem: 'model: Field required' };
  if (!Array.isArray(messages)) return { problem: 'messages: Field required' };
  if (!isNumber(maxTokens)) return { problem: 'max_tokens: Field required' };
  if (maxTokens < 1) return { problem: 'max_tokens: Input should be greater than or equal to 1' };

  const text: string[] = [];
  collectText(field(body, 'system'), text);
  collectText(messages, text);
  const format = field(field(body, 'output_config'), 'format') ?? field(body, 'output_format');
  return {
    provider: 'anthropic',
    model,
    stream: field(body, 'stream') === true,
    maxTokens,
    json: field(format, 'type') === 'json_schema',
    promptText: text.join('\n'),
    includeUsage: false,
  };
}
