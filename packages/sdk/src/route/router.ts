/** The router's public shape. */
import type { BreakerChange, BreakerDisposable, BreakerState } from '@faultline/core';
import type { RecordSink } from '../sinks/sink.js';

/** Per-call options. */
export interface RouteCallOptions {
  /** The caller's signal: an abort ends the call and is never a reason to move on. */
  readonly signal?: AbortSignal;
}

/** A failover router over ordered targets. */
export interface Router<Req, Res, Chunk> {
  /** Calls the first admitted target, moving on after a retryable or quality failure. */
  call(req: Req, options?: RouteCallOptions): Promise<Res>;
  /** Streams from the first admitted target; moves on only before the first content chunk. */
  stream(req: Req, options?: RouteCallOptions): Promise<AsyncIterable<Chunk>>;
  /**
   * The sink to give `instrumentFetch` (in front of your own, `inner`): it files records under the
   * router attempt that made them, so the router sees HTTP-200 quality failures (the checks).
   */
  sink(inner?: RecordSink): RecordSink;
  /** Each target's breaker state, in target order. */
  states(): Array<{ readonly target: string; readonly state: BreakerState }>;
  /** Listens to breaker changes of any target. */
  onChange(listener: (change: BreakerChange) => void): BreakerDisposable;
  /** Stops following the server (if any); calls still work, on local evidence only. */
  close(): Promise<void>;
}
