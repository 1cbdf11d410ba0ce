/** Picks the wire-format interpreter for an endpoint of a provider. */
import type { Endpoint, WireFormat } from '../endpoints.js';
import { anthropicInterpreter } from './anthropic.js';
import { geminiInterpreter } from './gemini.js';
import { openaiInterpreter } from './openai.js';
import type { Interpreter } from './output-state.js';
import { usageOnlyInterpreter } from './usage-only.js';

export type { Interpreter, OutputState } from './output-state.js';

/**
 * The endpoint's format when the table names one (Claude on Vertex is Anthropic's format),
 * else the provider's: Anthropic, Gemini (google, vertex), none for Bedrock (a binary event
 * stream), OpenAI for everything else. Endpoints without generated text only report usage.
 */
export function interpreterFor(provider: string, endpoint: Endpoint): Interpreter | undefined {
  if (endpoint.output !== 'text') return usageOnlyInterpreter();
  const format = endpoint.format ?? providerFormat(provider);
  if (format === 'anthropic') return anthropicInterpreter();
  if (format === 'gemini') return geminiInterpreter();
  if (format === 'openai') return openaiInterpreter();
  return undefined;
}

function providerFormat(provider: string): WireFormat | undefined {
  if (provider === 'anthropic') return 'anthropic';
  if (provider === 'google' || provider === 'vertex') return 'gemini';
  if (provider === 'bedrock') return undefined;
  return 'openai';
}
