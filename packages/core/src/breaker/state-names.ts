/** The names of the breaker's states, in the words of spec/server-api.md (`/v1/health`, `breaker.changed`). */
export const BREAKER_STATES = ['closed', 'open', 'half_open'] as const;
export type BreakerStateName = (typeof BREAKER_STATES)[number];
