/** The service's circuit breakers (issue 11): one per provider + model and one per gateway target and model (issue 12). */
export { BreakerBoard } from './breaker-board.js';
export type { BoardEntry, BreakerBoardOptions } from './breaker-board.js';
export { breakerChangedData, breakerChangeLine } from './breaker-event.js';
export type { BreakerChangedData } from './breaker-event.js';
export { GatewayTargetBreakers } from './gateway-target-breakers.js';
export type { GatewayTargetBreakersOptions } from './gateway-target-breakers.js';
export { ScopeElevation } from './scope-elevation.js';
export type { MinuteHealth, ScopeElevationOptions } from './scope-elevation.js';
export { startBreakers } from './start-breakers.js';
export type { BoardTimers, BreakerDeps, HealthReading, ServiceBreakers } from './start-breakers.js';
