/** An error a provider answers with: status plus the words that go in its body. */

/** The fields every provider error body is built from. */
export interface ErrorSpec {
  readonly status: number;
  /** Anthropic `error.type`, OpenAI `error.type`, Gemini `error.status`. */
  readonly type: string;
  /** Anthropic `error.details.error_code`, OpenAI `error.code`, Gemini `ErrorInfo.reason`. */
  readonly code: string | undefined;
  readonly message: string;
  /** OpenAI `error.param`. */
  readonly param?: string | undefined;
}

/** What a fault or a refusal asks for; missing words are filled with the provider's defaults. */
export interface ErrorRequest {
  readonly status: number;
  readonly type?: string | undefined;
  /** `null` asks for no code at all, even where the status has a default one. */
  readonly code?: string | null | undefined;
  readonly message?: string | undefined;
  readonly param?: string | undefined;
}
