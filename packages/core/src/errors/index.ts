/** Faultline's exceptions: one base class, a subclass per kind, an `isX` guard each. */
export { FaultlineError, hasBrand, isFaultlineError } from './faultline-error.js';
export { ConfigError, isConfigError } from './config-error.js';
export { UsageError, isUsageError } from './usage-error.js';
export { BreakerOpenError, isBreakerOpenError } from './breaker-open-error.js';
