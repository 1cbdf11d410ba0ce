/** What a router is given: ordered targets, each a call the user provides (any SDK, any provider). */
import type { BreakerOptions, ModelReason } from '@faultline/core';
import type { FollowServerOptions } from './follow-server.js';

/** What a target's call is handed: the caller's signal and the target's name. */
export interface AttemptContext {
  readonly signal: AbortSignal | undefined;
  readonly target: string;
  /** `true` when the target's breaker is open and this call is its trickle request. */
  readonly trickle: boolean;
}

/** One target: a provider + model and the function that calls it. */
export interface RouteTarget<Req, Res, Chunk> {
  readonly name: string;
  readonly provider: string;
  readonly model: string;
  /** A non-streaming call; needed for `router.call`. */
  readonly call?: (req: Req, ctx: AttemptContext) => Promise<Res>;
  /** A streaming call resolving to its chunks; needed for `router.stream`. */
  readonly stream?: (req: Req, ctx: AttemptContext) => Promise<AsyncIterable<Chunk>>;
  /**
   * Whether a chunk carries content for the caller (default: every chunk does). Chunks before
   * the first content chunk (Anthropic's `message_start`, `ping`) are held back, so the router
   * can still move on when the stream fails before content.
   */
  readonly isContent?: (chunk: Chunk) => boolean;
}

/** Options of {@link createRouter}. */
export interface RouterOptions<Req, Res, Chunk> {
  /** Tried in order; a target whose breaker is open is skipped (all open: tried in order anyway). */
  readonly targets: readonly RouteTarget<Req, Res, Chunk>[];
  /** Breaker tuning for every target (defaults: core's DEFAULT_BREAKER_OPTIONS). */
  readonly breaker?: BreakerOptions;
  /** Quality failures (HTTP 200, model layer) that move on (default: all but `truncated`). */
  readonly moveOnQuality?: readonly ModelReason[];
  /** When every breaker is open: `try` them in order anyway (default), or `reject` with BreakerOpenError. */
  readonly allOpen?: 'try' | 'reject';
  /** Follow `faultline serve`: its breaker verdicts and incidents, over `/v1/events` or `/v1/health`. */
  readonly server?: FollowServerOptions;
  /** Clock in ms (default `Date.now`). */
  readonly now?: () => number;
  /** Our own failures (the server link, a listener); default: the `faultline:sdk:error` channel. */
  readonly onError?: (error: unknown) => void;
}
