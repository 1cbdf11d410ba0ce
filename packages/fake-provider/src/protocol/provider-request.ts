/** A provider request reduced to what the emulator acts on, whatever its wire format. */
import type { Provider } from './provider.js';

/** What the fake needs from any chat request: model, streaming, limits, JSON mode, prompt. */
export interface ProviderRequest {
  readonly provider: Provider;
  readonly model: string;
  readonly stream: boolean;
  /** The request's cap on output tokens, when it set one. */
  readonly maxTokens: number | undefined;
  /** The request asked for a JSON object as the answer. */
  readonly json: boolean;
  /** Every prompt text joined, for the input-token estimate and the output seed. */
  readonly promptText: string;
  /** OpenAI `stream_options.include_usage`: a final usage chunk with empty choices. */
  readonly includeUsage: boolean;
}

/** A request body the provider would refuse with 400, and the message it would give. */
export interface RequestProblem {
  readonly problem: string;
  /** OpenAI names the offending parameter in `error.param`. */
  readonly param?: string;
  /** OpenAI gives a code such as `missing_required_parameter`. */
  readonly code?: string;
}
