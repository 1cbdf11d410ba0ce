/** Reads an OpenAI Chat Completions request body (POST /v1/chat/completions). */
import {
  collectText,
  field,
  isNumber,
  type ProviderRequest,
  type RequestProblem,
} from '../protocol/index.js';

/** OpenAI's answer to a body that is not JSON. */
export const OPENAI_BAD_JSON: RequestProblem = {
  problem:
    "We could not parse the JSON body of your request. (HINT: This likely means you aren't " +
    'using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was ' +
    'sent was not valid JSON.)',
};

const JSON_FORMATS: readonly unknown[] = ['json_object', 'json_schema'];

/**
 * The fields the emulator uses. The cap is `max_completion_tokens`, else the older `max_tokens`;
 * JSON mode is `response_format.type` `json_object` or `json_schema`.
 */
export function parseOpenAIRequest(body: unknown): ProviderRequest | RequestProblem {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { problem: 'Invalid request body: expected a JSON object.' };
  }
  const model = field(body, 'model');
  const messages = field(body, 'messages');
  if (typeof model !== 'string') return { problem: 'you must provide a model parameter' };
  if (!Array.isArray(messages)) {
    return {
      problem: "Missing required parameter: 'messages'.",
      param: 'messages',
      code: 'missing_required_parameter',
    };
  }
  const cap = field(body, 'max_completion_tokens') ?? field(body, 'max_tokens');
  const text: string[] = [];
  collectText(messages, text);
  const stream = field(body, 'stream') === true;
  return {
    provider: 'openai',
    model,
    stream,
    maxTokens: isNumber(cap) ? cap : undefined,
    json: JSON_FORMATS.includes(field(field(body, 'response_format'), 'type')),
    promptText: text.join('\n'),
    includeUsage: stream && field(field(body, 'stream_options'), 'include_usage') === true,
  };
}
