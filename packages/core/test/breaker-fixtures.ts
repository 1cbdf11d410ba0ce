// Shared inputs for the breaker tests: classifications, a target, incidents, short time constants.
import type { BreakerIncident, BreakerInput, BreakerTarget } from '../src/breaker/index.js';
import type { Classification } from '../src/classify/index.js';

export const TARGET: BreakerTarget = {
  name: 'primary',
  provider: 'anthropic',
  model: 'claude-opus-4-7',
};

/** Short constants so tests read in seconds. */
export const OPTS = {
  failureThreshold: 5,
  failureWindowMs: 10_000,
  successThreshold: 3,
  maxOpenMs: 60_000,
  trickleIntervalMs: 2_000,
  flapWindowMs: 30_000,
  settleMs: 20_000,
} as const;

export const OK: Classification = {
  layer: 'none',
  reason: 'ok',
  owner: 'unknown',
  retryable: false,
};
export const OVERLOADED: Classification = {
  layer: 'provider',
  reason: 'overloaded',
  owner: 'provider',
  retryable: true,
};
export const RESET: Classification = {
  layer: 'network',
  reason: 'reset',
  owner: 'unknown',
  retryable: true,
};
export const EMPTY: Classification = {
  layer: 'model',
  reason: 'empty',
  owner: 'provider',
  retryable: false,
};
export const BAD_REQUEST: Classification = {
  layer: 'integration',
  reason: 'bad_request',
  owner: 'ours',
  retryable: false,
};
export const CONTEXT_LENGTH: Classification = { ...BAD_REQUEST, reason: 'context_length' };
export const AUTH: Classification = { ...BAD_REQUEST, reason: 'auth' };
export const CANCELLED: Classification = {
  layer: 'none',
  reason: 'cancelled',
  owner: 'ours',
  retryable: false,
};

export function call(atMs: number, c: Classification, probe = false): BreakerInput {
  return { type: 'call', atMs, classification: c, probe };
}

export function incident(over: Partial<BreakerIncident> = {}): BreakerIncident {
  return {
    id: 'inc-1',
    layer: 'provider',
    reason: 'overloaded',
    scope: 'provider',
    provider: 'anthropic',
    models: ['claude-opus-4-7'],
    ...over,
  };
}
