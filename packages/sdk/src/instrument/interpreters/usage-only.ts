/** For model calls without generated text (embeddings, token counts): the input usage, nothing to judge. */
import { emptyState, num, type Interpreter } from './output-state.js';

type Obj = Record<string, unknown> | undefined;

/**
 * Reads input tokens from any provider's shape: OpenAI `usage.prompt_tokens`, Anthropic
 * `input_tokens` (count_tokens), Gemini `totalTokens` (countTokens) or `usageMetadata`. The state
 * is never `recognized`, so no output is judged.
 */
export function usageOnlyInterpreter(): Interpreter {
  const state = emptyState();
  return {
    state,
    event() {
      // streams of these endpoints (audio, partial images) carry no text to judge
    },
    json(body) {
      const b = body as Obj;
      const usage = (b?.usage ?? b?.usageMetadata) as Obj;
      state.inputTokens =
        num(usage?.prompt_tokens) ??
        num(usage?.input_tokens) ??
        num(usage?.promptTokenCount) ??
        num(b?.input_tokens) ??
        num(b?.totalTokens);
      state.terminal = true;
    },
  };
}
