/** The port each provider emulation implements, declared here so the server never imports one. */
import type { Completion } from './completion.js';
import type { ErrorRequest, ErrorSpec } from './error-spec.js';
import type { Provider } from './provider.js';
import type { ProviderRequest, RequestProblem } from './provider-request.js';

/** Header values for one response; arrays repeat the header. */
export type HeaderMap = Record<string, string | string[]>;

/** Per-response facts the adapter puts in headers and bodies. */
export interface ResponseMeta {
  readonly requestId: string;
  readonly nowMs: number;
  readonly startedMs: number;
  readonly rateLimit: RateLimitState;
}

/** The request-rate window the rate-limit headers describe. */
export interface RateLimitState {
  readonly limit: number;
  readonly remaining: number;
  readonly resetAtMs: number;
}

/** Where a request was routed, with what the URL itself says (Gemini puts model and mode there). */
export interface RouteFacts {
  readonly model: string | undefined;
  readonly stream: boolean;
}

/** Renders one streamed answer event by event; strings are complete SSE events. */
export interface StreamRenderer {
  /** How many token deltas the stream has. */
  readonly count: number;
  /** Events before the first token (e.g. Anthropic `message_start`). */
  open(): string;
  /** The delta event for token `index`. */
  token(index: number): string;
  /** Events after the last token, up to and including the terminal one. */
  close(): string;
  /** A mid-stream error event. */
  error(spec: ErrorSpec): string;
}

/** One provider's wire format: request parsing, headers, bodies and streams. */
export interface ProviderAdapter {
  readonly provider: Provider;
  /** Reads a decoded JSON body; a problem means the provider would answer 400. */
  parseRequest(body: unknown, route: RouteFacts): ProviderRequest | RequestProblem;
  /** The problem to report when the body is not JSON at all. */
  readonly badJson: RequestProblem;
  /** A fresh request id in the provider's format (Gemini: the body's `responseId`). */
  requestId(): string;
  /** Headers that show the provider itself answered (request id, rate limits). */
  headers(meta: ResponseMeta): HeaderMap;
  /** Content type of the provider's JSON bodies. */
  readonly jsonContentType: string;
  /** Content type of the provider's event streams. */
  readonly streamContentType: string;
  /** Fills an error with the provider's defaults for its status. */
  error(request: ErrorRequest): ErrorSpec;
  /** The provider's "overloaded" answer. */
  overload(): ErrorSpec;
  /** The provider's default mid-stream error. */
  streamError(request: Omit<ErrorRequest, 'status'>): ErrorSpec;
  /** The JSON error body. */
  errorBody(spec: ErrorSpec, meta: ResponseMeta): string;
  /** The JSON success body. */
  body(completion: Completion, request: ProviderRequest, meta: ResponseMeta): string;
  /** The streamed success body. */
  stream(completion: Completion, request: ProviderRequest, meta: ResponseMeta): StreamRenderer;
}

/** Whether a parse result is a refusal rather than a request. */
export function isRequestProblem(v: ProviderRequest | RequestProblem): v is RequestProblem {
  return 'problem' in v;
}
