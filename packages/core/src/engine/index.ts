/** The streaming diagnosis engine: `createEngine`, its events and warnings, and its saved state. */
export { createEngine } from './engine.js';
export type { Engine, EngineOptions, IncidentEvent } from './engine.js';
export type { Disposable } from './disposable.js';
export { ENGINE_WARNING_KINDS } from './engine-warning.js';
export type { EngineWarning, EngineWarningKind } from './engine-warning.js';
export { SNAPSHOT_VERSION } from './engine-state.js';
export type { EngineSnapshot } from './engine-state.js';
export {
  DEFAULT_MAX_MODELS_PER_PROVIDER,
  DEFAULT_MAX_PROVIDERS,
  OVERFLOW_MODEL,
  OVERFLOW_PROVIDER,
} from './scope-registry.js';
export { INCIDENT_EVENT_KINDS } from './tracker.js';
export type { IncidentEventKind } from './tracker.js';
