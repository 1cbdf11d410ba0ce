/** Fault kinds and fault rules: what can go wrong, and which requests it happens to. */
import type { Provider } from '../protocol/index.js';

/** Every fault kind, for listing in docs and validating input. */
export const FAULT_KINDS = [
  'status',
  'overload',
  'html',
  'latency',
  'slow_tokens',
  'reset',
  'drop',
  'stream_error',
  'stall',
  'empty',
  'truncate',
  'refusal',
  'malformed_json',
  'garbled',
  'answer',
] as const;

/** One fault kind. */
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Kinds that modify whatever else happens rather than replacing it. */
export const MODIFIER_KINDS = ['latency', 'slow_tokens'] as const;

/** An HTTP error with the provider's own error body. */
export interface StatusFault {
  readonly kind: 'status';
  readonly status: number;
  readonly errorType?: string;
  readonly errorCode?: string;
  readonly message?: string;
  readonly retryAfterS?: number;
}

/** The provider's "overloaded" answer (Anthropic 529, OpenAI 503, Gemini 503). */
export interface OverloadFault {
  readonly kind: 'overload';
  readonly retryAfterS?: number;
}

/** An HTML error page from an edge or proxy, without the provider's request id. */
export interface HtmlFault {
  readonly kind: 'html';
  readonly status: number;
}

/** Delay before the response headers; combines with any other fault. */
export interface LatencyFault {
  readonly kind: 'latency';
  readonly ms: number;
}

/** Slower token streaming; combines with any other fault. */
export interface SlowTokensFault {
  readonly kind: 'slow_tokens';
  readonly tokensPerSecond: number;
}

/** The socket is destroyed before any header is sent. */
export interface ResetFault {
  readonly kind: 'reset';
}

/** The socket closes abruptly after `afterTokens` tokens (or partway through a JSON body). */
export interface DropFault {
  readonly kind: 'drop';
  readonly afterTokens: number;
}

/** An in-stream error event after `afterTokens` tokens; `overload` for non-streaming requests. */
export interface StreamErrorFault {
  readonly kind: 'stream_error';
  readonly afterTokens: number;
  readonly errorType?: string;
  readonly message?: string;
}

/** Sending pauses after `afterTokens` tokens (or after the headers) for `ms`, or forever. */
export interface StallFault {
  readonly kind: 'stall';
  readonly afterTokens: number;
  readonly ms?: number;
}

/** A success with no text. */
export interface EmptyFault {
  readonly kind: 'empty';
}

/** An answer cut short with the truncation stop reason. */
export interface TruncateFault {
  readonly kind: 'truncate';
  readonly afterTokens?: number;
}

/** The model refuses. */
export interface RefusalFault {
  readonly kind: 'refusal';
}

/** Text that is not valid JSON (fenced or cut off). */
export interface MalformedJsonFault {
  readonly kind: 'malformed_json';
}

/** Text with characters from another script mixed into the words. */
export interface GarbledFault {
  readonly kind: 'garbled';
}

/**
 * A success whose text is exactly `text`: the answer to a known-answer prompt (golden canary),
 * right or wrong, since seeded words never answer one.
 */
export interface AnswerFault {
  readonly kind: 'answer';
  readonly text: string;
}

/** Any fault, discriminated on `kind`. */
export type Fault =
  | StatusFault
  | OverloadFault
  | HtmlFault
  | LatencyFault
  | SlowTokensFault
  | ResetFault
  | DropFault
  | StreamErrorFault
  | StallFault
  | EmptyFault
  | TruncateFault
  | RefusalFault
  | MalformedJsonFault
  | GarbledFault
  | AnswerFault;

/** A fault and the requests it applies to; absent matchers match everything. */
export interface FaultRule {
  /** Assigned when the rule is added through the admin API or `addFaults`. */
  readonly id?: string;
  readonly provider?: Provider;
  /** Exact model name, or a glob where `*` matches any run of characters. */
  readonly model?: string;
  readonly stream?: boolean;
  /** Chance the rule fires on a matching request, 0..1 (default 1), drawn from a seeded PRNG. */
  readonly probability?: number;
  readonly fault: Fault;
}
