/** Picks the wire-format interpreter for a provider id. */
import { anthropicInterpreter } from './anthropic.js';
import { geminiInterpreter } from './gemini.js';
import { openaiInterpreter } from './openai.js';
import type { Interpreter } from './output-state.js';

export type { Interpreter, OutputState } from './output-state.js';

/** Anthropic, Gemini (google, vertex), or the OpenAI format for everything else; none for Bedrock. */
export function interpreterFor(provider: string): Interpreter | undefined {
  if (provider === 'anthropic') return anthropicInterpreter();
  if (provider === 'google' || provider === 'vertex') return geminiInterpreter();
  if (provider === 'bedrock') return undefined; // binary event stream: status and headers only
  return openaiInterpreter();
}
