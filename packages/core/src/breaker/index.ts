/** Circuit breakers per target: pure state machines fed with calls, incidents and verdicts. */
export { createBreaker } from './breaker.js';
export type { Breaker, BreakerAdmission, BreakerChange, CreateBreakerOptions } from './breaker.js';
export { DEFAULT_BREAKER_OPTIONS, resolveBreakerOptions } from './breaker-options.js';
export type { BreakerOptions, ResolvedBreakerOptions } from './breaker-options.js';
export { covers, opensOn } from './breaker-input.js';
export type { BreakerIncident, BreakerInput, BreakerTarget } from './breaker-input.js';
export { initialBreakerState } from './breaker-state.js';
export { BREAKER_STATES } from './state-names.js';
export type { BreakerStateName } from './state-names.js';
export type { BreakerState, ClosedState, HalfOpenState, OpenState } from './breaker-state.js';
export { describeCause } from './breaker-cause.js';
export type { BreakerCause, BreakerCauseKind } from './breaker-cause.js';
export type { BreakerDisposable } from './listeners.js';
