/**
 * Whose abort was it: our deadline or the caller? The Stainless SDKs (Anthropic, OpenAI) abort
 * their own controller without a reason both for their timeout and when the caller's signal fires,
 * and arm the timer only until headers arrive (client.ts `fetchWithTimeout`). So: a signal whose
 * reason is a TimeoutError, or an abort before headers at or past the SDK's announced deadline,
 * is the deadline; anything else is the caller.
 */
import type { AbortedBy } from '@faultline/core';

/** What an observation reads of its request's signal: a gateway passes a lighter object of its own. */
export type AbortFacts = Pick<AbortSignal, 'aborted' | 'reason'>;

export function abortKind(
  signal: AbortFacts | null | undefined,
  elapsedMs: number,
  timeoutMs: number | undefined,
  beforeHeaders: boolean,
): AbortedBy {
  const reason: unknown = signal?.reason;
  if ((reason as { name?: unknown } | undefined)?.name === 'TimeoutError') return 'timeout';
  // x-stainless-timeout is whole seconds (Math.trunc), so the real deadline is at least that.
  if (beforeHeaders && timeoutMs !== undefined && elapsedMs >= timeoutMs - 5) return 'timeout';
  return 'caller';
}
