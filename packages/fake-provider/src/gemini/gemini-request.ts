/** Reads a Gemini generateContent request body; the model and mode come from the URL. */
import {
  collectText,
  field,
  isNumber,
  type ProviderRequest,
  type RequestProblem,
  type RouteFacts,
} from '../protocol/index.js';

/** Gemini's answer to a body that is not JSON (google.rpc INVALID_ARGUMENT). */
export const GEMINI_BAD_JSON: RequestProblem = {
  problem: 'Invalid JSON payload received. Unexpected token.',
};

/**
 * The fields the emulator uses. The cap is `generationConfig.maxOutputTokens`; JSON mode is
 * `generationConfig.responseMimeType: "application/json"`.
 */
export function parseGeminiRequest(
  body: unknown,
  route: RouteFacts,
): ProviderRequest | RequestProblem {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { problem: 'Invalid JSON payload received. Expected an object.' };
  }
  const contents = field(body, 'contents');
  if (!Array.isArray(contents) || contents.length === 0) {
    return { problem: '* GenerateContentRequest.contents: contents is not specified\n' };
  }
  const config = field(body, 'generationConfig');
  const cap = field(config, 'maxOutputTokens');
  const text: string[] = [];
  collectText(field(body, 'systemInstruction'), text);
  collectText(contents, text);
  return {
    provider: 'google',
    model: route.model ?? '',
    stream: route.stream,
    maxTokens: isNumber(cap) ? cap : undefined,
    json: field(config, 'responseMimeType') === 'application/json',
    promptText: text.join('\n'),
    includeUsage: false,
  };
}
