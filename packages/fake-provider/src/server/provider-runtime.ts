/** The port the HTTP server needs from the composition root: adapters, rules, seeds, counters. */
import type { CompiledRule } from '../faults/index.js';
import type { Provider, ProviderAdapter, RateLimitState } from '../protocol/index.js';

/** Live state the request handler reads; the server owns none of it. */
export interface ProviderRuntime {
  readonly adapters: Readonly<Record<Provider, ProviderAdapter>>;
  /** Admin rules first, then the active scenario phase's rules. */
  rules(): readonly CompiledRule[];
  /** The next fault-probability draw, from the seeded PRNG. */
  draw(): number;
  /** Seed for generated text. */
  seed(): number;
  /** Default streaming rate (0 = as fast as possible). */
  tokensPerSecond(): number;
  /** Counts a request against the provider's rate window. */
  rateLimit(provider: Provider, nowMs: number): RateLimitState;
  /** Counts one request to the emulated APIs. */
  countRequest(): void;
}
