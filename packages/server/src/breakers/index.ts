/** The service's circuit breakers (issue 11): one per provider + model, fed by what the service sees. */
export { BreakerBoard } from './breaker-board.js';
export type { BoardEntry, BreakerBoardOptions } from './breaker-board.js';
export { breakerChangedData } from './breaker-event.js';
export type { BreakerChangedData } from './breaker-event.js';
export { ScopeElevation } from './scope-elevation.js';
export type { MinuteHealth, ScopeElevationOptions } from './scope-elevation.js';
export { startBreakers } from './start-breakers.js';
export type { BoardTimers, BreakerDeps, HealthReading, ServiceBreakers } from './start-breakers.js';
