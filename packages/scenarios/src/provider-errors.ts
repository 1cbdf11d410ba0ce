/** Provider-shaped error responses, word for word as reference/error-taxonomy.md §1, §3, §4 give them. */
import type { Rng } from './rng.js';

/** One kind of HTTP error answer: status, body words, and how fast it comes back. */
export interface HttpErrorSpec {
  readonly status: number;
  /** Anthropic `error.type`, OpenAI `error.type`, Gemini `error.status`. */
  readonly type: string;
  /** OpenAI `error.code`, Anthropic `error.details.error_code`, Gemini `ErrorInfo.reason`. */
  readonly code?: string;
  readonly message: string | ((rng: Rng, model: string) => string);
  /** Range of the `retry-after` the provider sends, when it sends one. */
  readonly retryAfterMs?: readonly [number, number];
  /** Range of time to the error response. */
  readonly latencyMs: readonly [number, number];
}

// Anthropic (§1.1, §1.2)
/** 529 overloaded_error: overloaded across all users (§1.1). */
export const ANTHROPIC_OVERLOADED: HttpErrorSpec = {
  status: 529,
  type: 'overloaded_error',
  message: 'Overloaded',
  latencyMs: [150, 900],
};
/** 500 api_error: unexpected internal error (§1.1). */
export const ANTHROPIC_API_ERROR: HttpErrorSpec = {
  status: 500,
  type: 'api_error',
  message: 'Internal server error',
  latencyMs: [200, 1500],
};
/** 400 context overflow, message as in anthropics/claude-code#12186 (§1.1). */
export const ANTHROPIC_PROMPT_TOO_LONG: HttpErrorSpec = {
  status: 400,
  type: 'invalid_request_error',
  message: (rng) => `prompt is too long: ${rng.int(200_001, 240_000)} tokens > 200000 maximum`,
  latencyMs: [80, 300],
};
/** 400 invalid_request_error for a request our code built wrong. */
export const ANTHROPIC_MISSING_FIELD: HttpErrorSpec = {
  status: 400,
  type: 'invalid_request_error',
  message: 'max_tokens: Field required',
  latencyMs: [60, 250],
};
/** 429 at the usage tier's monthly spend cap: error_code, no retry-after (§1.1 (c)). */
export const ANTHROPIC_SPEND_CAP: HttpErrorSpec = {
  status: 429,
  type: 'rate_limit_error',
  code: 'enforced_spend_limit_reached',
  message:
    'Your organization has reached the monthly spend limit of its usage tier. API access resumes on 2026-12-01 at 00:00 UTC.',
  latencyMs: [60, 250], // §1.1 429 (c): no retry-after
};

// OpenAI (§3.1)
/** 500 server_error (§3.1). */
export const OPENAI_SERVER_ERROR: HttpErrorSpec = {
  status: 500,
  type: 'server_error',
  message: 'The server had an error while processing your request. Sorry about that!',
  latencyMs: [300, 2500],
};
/** 503 service_unavailable_error without the overload code. */
export const OPENAI_UNAVAILABLE: HttpErrorSpec = {
  status: 503,
  type: 'service_unavailable_error',
  message: 'Service Unavailable',
  latencyMs: [50, 400],
};
/** 503 server_is_overloaded: the model lacks capacity (§3.1). */
export const OPENAI_OVERLOADED: HttpErrorSpec = {
  status: 503,
  type: 'service_unavailable_error',
  code: 'server_is_overloaded',
  message:
    'The requested model does not have enough capacity to serve your request. Please try again later.',
  latencyMs: [100, 800],
};
/** 400 context_length_exceeded (§3.1). */
export const OPENAI_CONTEXT_LENGTH: HttpErrorSpec = {
  status: 400,
  type: 'invalid_request_error',
  code: 'context_length_exceeded',
  message: (rng) =>
    `This model's maximum context length is 128000 tokens. However, your messages resulted in ${rng.int(128_001, 150_000)} tokens. Please reduce the length of the messages.`,
  latencyMs: [80, 300],
};
/** 400 unknown_parameter for a request our code built wrong. */
export const OPENAI_UNKNOWN_PARAMETER: HttpErrorSpec = {
  status: 400,
  type: 'invalid_request_error',
  code: 'unknown_parameter',
  message: "Unknown parameter: 'max_output_tokens'.",
  latencyMs: [60, 250],
};
/** 429 rate_limit_exceeded on our tokens-per-minute limit, type `tokens` (§3.1). */
export const OPENAI_RATE_LIMIT: HttpErrorSpec = {
  status: 429,
  type: 'tokens',
  code: 'rate_limit_exceeded',
  message: (rng, model) =>
    `Rate limit reached for ${model} in organization org-7Qk2Tz9xVbN3mP4sL1dR8wYc on tokens per min (TPM): Limit 2000000, Used ${rng.int(1_994_000, 1_999_900)}, Requested ${rng.int(2_000, 9_000)}. Please try again in ${rng.int(40, 900)}ms. Visit https://platform.openai.com/account/rate-limits to learn more.`,
  retryAfterMs: [500, 1500],
  latencyMs: [40, 200],
};

// Gemini API (§4.1) and Vertex-style capacity (§4.2)
/** 503 UNAVAILABLE: overloaded (§4.1, §7.4). */
export const GOOGLE_OVERLOADED: HttpErrorSpec = {
  status: 503,
  type: 'UNAVAILABLE',
  message: 'The model is overloaded. Please try again later.',
  latencyMs: [200, 1500],
};
/** 500 INTERNAL (§4.1). */
export const GOOGLE_INTERNAL: HttpErrorSpec = {
  status: 500,
  type: 'INTERNAL',
  message:
    'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
  latencyMs: [300, 3000],
};
/** 400 INVALID_ARGUMENT for input over the context window (§4.1). */
export const GOOGLE_CONTEXT_LENGTH: HttpErrorSpec = {
  status: 400,
  type: 'INVALID_ARGUMENT',
  message: (rng) =>
    `The input token count (${rng.int(1_048_577, 1_200_000)}) exceeds the maximum number of tokens allowed (1048576).`,
  latencyMs: [100, 400],
};
/** 400 INVALID_ARGUMENT for a request our code built wrong. */
export const GOOGLE_UNKNOWN_FIELD: HttpErrorSpec = {
  status: 400,
  type: 'INVALID_ARGUMENT',
  message: 'Invalid JSON payload received. Unknown name "max_output_tokens": Cannot find field.',
  latencyMs: [60, 250],
};
/** 400 INVALID_ARGUMENT with ErrorInfo reason API_KEY_INVALID: a revoked key (§4.1). */
export const GOOGLE_API_KEY_INVALID: HttpErrorSpec = {
  status: 400,
  type: 'INVALID_ARGUMENT',
  code: 'API_KEY_INVALID',
  message: 'API key not valid. Please pass a valid API key.',
  latencyMs: [40, 200],
};
/** 429 with the pay-as-you-go wording: the shared pool had no capacity (§4.2). */
export const GOOGLE_CAPACITY_429: HttpErrorSpec = {
  status: 429,
  type: 'RESOURCE_EXHAUSTED',
  message:
    'Resource exhausted, please try again later. Please refer to https://cloud.google.com/vertex-ai/generative-ai/docs/error-code-429 for more details.',
  latencyMs: [100, 600],
};
